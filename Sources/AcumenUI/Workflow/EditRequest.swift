import AcumenAnalytics
import AcumenCore
import AcumenStore

/// A change the reducer asks the runtime to make to the workspace, naming customers by row;
/// the runtime turns it into an ``Edit`` stamped with the time and the author, records it
/// through the ``EditSession`` and answers with ``WorkflowEvent/edited(_:)``.
public enum EditRequest: Hashable, Sendable {
    /// A triage decision about customer `k`.
    case triage(TriageDecision, customer: Int)
    /// An edit that names no customer (weights, scenarios).
    case plain(Edit, label: String)
    /// A note on each of these customers (one step).
    case note(customers: [Int], text: String)
    /// A new owner for each of these customers (one step).
    case owner(customers: [Int], String)
    /// New tags for each of these customers (one step).
    case tags(customers: [Int], [String])
    /// A rating (nil: unknown) of one criterion of a customer.
    case rating(customer: Int, Criterion, Double?)
    /// A strategy override (nil clears it) with a reason, on each of these customers.
    case strategyOverride(customers: [Int], Strategy?, reason: String)
    /// A tier override (nil clears it) with a reason, on each of these customers.
    case tierOverride(customers: [Int], String?, reason: String)
    case undo
    case redo
}

/// The result of an ``EditRequest``, with every view model the edit changed, derived by the
/// runtime from the model after the edit was recorded (nothing is applied twice).
public struct EditOutcome: Sendable {
    public var request: EditRequest
    /// Whether an edit was recorded (false: nothing to undo, invalid, failed).
    public var recorded = false
    /// The model after the edit (undo labels, scenarios; a new analysis when figures changed).
    public var model: WorkflowModel?
    /// The rebuilt accounts table when analysed figures changed.
    public var table: AccountTable?
    /// Otherwise the rows the edit touched, as they stand now.
    public var rows: [AccountTable.RowRefresh] = []
    /// Their new tiers and strategies (and, after a rating, the analysis' score and tier
    /// columns), when the edit changed only manual overrides or only ratings.
    public var standings: AccountTable.Standings?
    /// Progress over the triage queue in progress, recounted.
    public var triageCounts: TriageProgress?
    /// What was done (`Saved to journal: C0042 review: accepted Grow`), or why it failed.
    public var message = ""
    public var isError = false
    /// Customers (workspace indices) the edit touched.
    public var customers: [Int] = []
    /// The edit recorded in the journal (for an undo, the inverse recorded), nil when none was.
    public var edit: Edit?

    public init(request: EditRequest) { self.request = request }
}
