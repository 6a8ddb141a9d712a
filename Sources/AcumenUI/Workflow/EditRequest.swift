import AcumenAnalytics
import AcumenCore
import AcumenStore

/// A change the reducer asks the shell to make to the workspace; the shell stamps it with the
/// time and the author, records it through the ``EditSession`` and answers with
/// ``WorkflowEvent/edited(_:)``.
public enum EditRequest: Hashable, Sendable {
    /// A triage decision about customer `k`.
    case triage(TriageDecision, customer: Int)
    /// An edit that carries no time of its own (ratings, owner, tags, weights, scenarios).
    case plain(Edit, label: String)
    /// A note on each of these customers (one step).
    case note(customers: [Int], text: String)
    /// A strategy override (nil clears it) with a reason, on each of these customers.
    case strategyOverride(customers: [Int], Strategy?, reason: String)
    /// A tier override (nil clears it) with a reason, on each of these customers.
    case tierOverride(customers: [Int], String?, reason: String)
    case undo
    case redo
}

/// The result of an ``EditRequest``.
public struct EditOutcome: Sendable {
    public var request: EditRequest
    /// The edit recorded (for undo: the inverse recorded); nil when nothing was recorded. The
    /// state applies it to its own copy of the workspace with ``author`` and ``at``.
    public var recorded: Edit?
    public var author: String
    public var at: Timestamp
    /// A new model when the edit changed analysed figures (ratings, overrides, weights…).
    public var model: WorkflowModel?
    /// The rebuilt accounts table when figures it shows changed.
    public var table: AccountTable?
    /// What was done (`Saved to journal: C0042 review: accepted Grow`), or why it failed.
    public var message = ""
    public var isError = false
    /// Customers (workspace indices) the edit touched.
    public var customers: [Int] = []
    /// The session's undo and redo labels after the edit.
    public var undoLabel: String?
    public var redoLabel: String?

    public init(request: EditRequest, author: String, at: Timestamp) {
        self.request = request; self.author = author; self.at = at
    }
}
