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

    /// Counts one account's review state in (`sign` 1) or out (`sign` -1): how ``TriageQueue``
    /// tallies a queue, and how an edit of a few accounts updates the tally without a recount.
    public mutating func count(_ state: ReviewState, sign: Int = 1) {
        switch state {
        case .current(let r):
            decided += sign
            if let s = r.strategy {
                let n = byStrategy[s, default: 0] + sign
                byStrategy[s] = n == 0 ? nil : n
            }
        case .skipped: skipped += sign
        case .stale: stale += sign
        case .unreviewed: break
        }
    }
}
