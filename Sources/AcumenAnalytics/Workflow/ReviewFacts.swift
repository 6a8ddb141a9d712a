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

    /// Copies an analysis' facts under one scoring into a table: the same values as the
    /// generic copy, read straight from the arrays (a million tier names without a per-row
    /// lookup through the analysis: part of the first screen).
    /// - Complexity: O(customers).
    public init(_ facts: ScoredReviewFacts) {
        let n = facts.count, names = facts.tierNames
        let strategies = Strategy.allCases
        let tiers = facts.scoring.effectiveTiers, recommended = facts.analysis.strategy.recommended
        self.init(scores: Array(facts.scoring.scores.prefix(n)),
                  tiers: (0..<n).map { Int(tiers[$0]) < names.count ? names[Int(tiers[$0])] : "" },
                  recommendations: (0..<n).map { strategies[max(0, min(strategies.count - 1, Int(recommended[$0])))] })
    }

    public var count: Int { scores.count }
    public func score(_ k: Int) -> Double { scores[k] }
    public func tierName(_ k: Int) -> String { tiers[k] }
    public func recommendation(_ k: Int) -> Strategy { recommendations[k] }
}
