import AcumenAnalytics
import AcumenCore
import AcumenStore

/// The overlays of the edit workflows: a one-line text input, the review-before-save summary,
/// the save-conflict prompt and a diff.
public enum WorkflowOverlay: Hashable, Sendable {
    case input(TextInput)
    /// Pending edits per file; Enter saves, Esc keeps editing.
    case saveReview([String])
    /// Files changed on disk: k keep mine, t take theirs, d show diff, Esc cancel.
    case conflict([String])
    /// A diff of the conflicting files, scrolled to `top`; Esc returns to the conflict prompt.
    case diff(files: [String], lines: [String], top: Int)
    /// A question asked once before a hard-to-undo action (``Confirmation``).
    case confirm(Confirmation)
}
