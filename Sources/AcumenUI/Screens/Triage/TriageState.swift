import AcumenAnalytics
import AcumenCore
import AcumenStore

/// The triage screen: the queue being worked through.
public struct TriageState: Sendable {
    /// Built when triage opens (from the accounts needing review, or the accounts list's
    /// marked or filtered rows); nil until then.
    public var queue: TriageQueue?
    /// The order a new queue starts in.
    public var order: TriageQueue.Order = .score
    /// Decided, skipped and stale counts over the queue, refreshed when the queue or the
    /// workspace changes (not per frame: it is O(queue)).
    public var counts: TriageProgress?
    /// The card of the account under review, derived by the runtime from the model.
    public var card: TriageCard?

    public init() {}
}
