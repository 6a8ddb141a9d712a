import AcumenModel

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
}

/// A one-line text input and what its text is for.
public struct TextInput: Hashable, Sendable {
    /// What the submitted text does.
    public enum Purpose: Hashable, Sendable {
        /// Triage: the reason for choosing a strategy other than the recommendation.
        case reason(Strategy, customer: Int)
        case note(customers: [Int])
        case owner(customers: [Int])
        case tags(customer: Int)
        /// `criterion value`, e.g. `risk 4` or `risk ?` (unknown).
        case rating(customer: Int)
        /// `strategy: reason`, or `none`.
        case strategyOverride(customers: [Int])
        /// `tier: reason`, or `none`.
        case tierOverride(customer: Int)
        case weight(Criterion)
        case scenarioName
    }

    public var purpose: Purpose
    /// The question shown before the text.
    public var label: String
    public var text: String

    public init(_ purpose: Purpose, label: String, text: String = "") {
        self.purpose = purpose; self.label = label; self.text = text
    }
}
