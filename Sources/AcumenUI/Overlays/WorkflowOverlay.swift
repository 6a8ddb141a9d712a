import AcumenAnalytics
import AcumenCore
import AcumenStore

/// The overlays of the edit workflows: a one-line text input, the review-before-save summary,
/// the save-conflict prompt and a diff.
public enum WorkflowOverlay: Hashable, Sendable {
    case input(TextInput)
    /// Pending edits per file; Enter saves, Esc keeps editing.
    case saveReview([String])
    /// Files changed on disk: k keep mine, t take theirs (listing and confirming the edits it
    /// drops), d show diff, Esc cancel.
    case conflict(Conflict)
    /// A diff of the conflicting files, scrolled to `top`; Esc returns to the conflict prompt.
    case diff(Conflict, lines: [String], top: Int)

    /// A question asked once before a hard-to-undo action (``Confirmation``).
    case confirm(Confirmation)

    /// A save conflict as the prompt shows it.
    public struct Conflict: Hashable, Sendable {
        /// The files changed on disk since Acumen loaded them.
        public var files: [String]
        /// The unsaved edits "take theirs" would drop, oldest first (their labels).
        public var drops: [String]
        public init(files: [String], drops: [String] = []) { self.files = files; self.drops = drops }
    }
}
