import AcumenCore
/// The computed facts a triage review is based on and later checked against: each customer's
/// composite score, tier and recommended strategy.
///
/// Indexed like ``Workspace/customers``. The analytics result satisfies it (``ScoredReviewFacts``
/// and the `PortfolioAnalysis` conformance, in `ScoredReviewFacts.swift`); ``ReviewFactsTable`` is
/// a plain stored version for tests and for a what-if scoring.
public protocol ReviewFacts {
    /// Number of customers covered.
    var count: Int { get }
    /// Composite score 0–100 of customer `k`.
    func score(_ k: Int) -> Double
    /// Tier name of customer `k` (effective: a manual tier override wins).
    func tierName(_ k: Int) -> String
    /// The strategy the rules recommend for customer `k` (ignoring a manual override).
    func recommendation(_ k: Int) -> Strategy
}

/// Review facts held in arrays.
public struct ReviewFactsTable: ReviewFacts, Hashable, Sendable {
    public var scores: [Double]
    public var tiers: [String]
    public var recommendations: [Strategy]

    /// Creates a table; the three arrays must have the same length.
    public init(scores: [Double], tiers: [String], recommendations: [Strategy]) {
        precondition(scores.count == tiers.count && tiers.count == recommendations.count, "review fact arrays differ in length")
        self.scores = scores; self.tiers = tiers; self.recommendations = recommendations
    }

    /// Copies any facts into a table.
    public init(_ facts: some ReviewFacts) {
        let n = facts.count
        self.init(scores: (0..<n).map(facts.score), tiers: (0..<n).map(facts.tierName),
                  recommendations: (0..<n).map(facts.recommendation))
    }

    public var count: Int { scores.count }
    public func score(_ k: Int) -> Double { scores[k] }
    public func tierName(_ k: Int) -> String { tiers[k] }
    public func recommendation(_ k: Int) -> Strategy { recommendations[k] }
}
