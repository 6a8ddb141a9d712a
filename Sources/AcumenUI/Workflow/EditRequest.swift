import AcumenModel

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
    /// The model after the edit; nil when it failed.
    public var model: WorkflowModel?
    /// The rebuilt accounts table when figures it shows changed.
    public var table: AccountTable?
    /// What was done (`Recorded: C0042 review: accepted Grow`), or why it failed.
    public var message: String
    public var isError: Bool
    /// Customers (workspace indices) the edit touched, first first.
    public var customers: [Int]

    public init(request: EditRequest, model: WorkflowModel?, table: AccountTable?, message: String, isError: Bool, customers: [Int]) {
        self.request = request; self.model = model; self.table = table; self.message = message
        self.isError = isError; self.customers = customers
    }
}
