import AcumenCore
/// Where a customer stands in triage: never reviewed, reviewed and still current, or reviewed
/// but stale because the facts the review was based on have changed since.
public enum ReviewState: Hashable, Sendable {
    /// No review recorded.
    case unreviewed
    /// Skipped last time, without a decision.
    case skipped(Review)
    /// Reviewed, and the score, tier and recommendation are as they were.
    case current(Review)
    /// Reviewed, but something it was based on changed; the reasons say what.
    case stale(Review, [StaleReason])

    /// Why a review went stale.
    public enum StaleReason: Hashable, Sendable, CustomStringConvertible {
        /// The composite score moved by more than the tolerance (points, 0–100 scale).
        case score(from: Double, to: Double)
        case tier(from: String, to: String)
        case recommendation(from: Strategy, to: Strategy)

        public var description: String {
            switch self {
            case .score(let a, let b): "score \(Self.points(a)) → \(Self.points(b))"
            case .tier(let a, let b): "tier \(a) → \(b)"
            case .recommendation(let a, let b): "recommendation \(a.title) → \(b.title)"
            }
        }

        /// A score with one decimal.
        static func points(_ x: Double) -> String { String((x * 10).rounded() / 10) }
    }

    /// Assesses customer `k`'s review against the current facts.
    ///
    /// Stale when `|score − review.score| > tolerance`, or the tier or the recommendation
    /// differs from the one recorded in the review. A skipped review is never stale: it is
    /// still waiting for a decision.
    public init(customer: Customer, index k: Int, facts: some ReviewFacts, rules: TriageSettings) {
        self.init(review: customer.review, index: k, facts: facts, rules: rules)
    }

    /// Assesses a review of customer `k` (nil: never reviewed) against the current facts,
    /// without copying the customer (the hot path of queue building and progress).
    public init(review: Review?, index k: Int, facts: some ReviewFacts, rules: TriageSettings) {
        guard let r = review else { self = .unreviewed; return }
        if r.status == .skipped { self = .skipped(r); return }
        var reasons: [StaleReason] = []
        let score = facts.score(k), tier = facts.tierName(k), rec = facts.recommendation(k)
        if abs(score - r.score) > rules.staleScoreTolerance { reasons.append(.score(from: r.score, to: score)) }
        if tier != r.tier { reasons.append(.tier(from: r.tier, to: tier)) }
        if rec != r.recommendation { reasons.append(.recommendation(from: r.recommendation, to: rec)) }
        self = reasons.isEmpty ? .current(r) : .stale(r, reasons)
    }

    /// True when the customer needs a (new) decision: unreviewed, skipped or stale.
    public var needsReview: Bool {
        if case .current = self { return false }
        return true
    }

    /// The recorded review, if any.
    public var review: Review? {
        switch self {
        case .unreviewed: nil
        case .skipped(let r), .current(let r), .stale(let r, _): r
        }
    }

    /// A short label for lists: `new`, `skipped`, `done`, `stale`.
    public var label: String {
        switch self {
        case .unreviewed: "new"
        case .skipped: "skipped"
        case .current: "done"
        case .stale: "stale"
        }
    }
}
