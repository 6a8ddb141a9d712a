import AcumenCore
/// How far a triage session has got: "n of m", decisions by strategy.
public struct TriageProgress: Hashable, Sendable {
    /// 1-based position of the account shown (equals ``total`` when finished).
    public var position: Int
    public var total: Int
    /// Accounts in the queue with a current decision.
    public var decided = 0
    public var skipped = 0
    public var stale = 0
    /// Current decisions per agreed strategy.
    public var byStrategy: [Strategy: Int] = [:]

    /// Accounts still without a current decision.
    public var remaining: Int { total - decided }
}
