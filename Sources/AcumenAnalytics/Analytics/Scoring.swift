import AcumenCore
/// The composite scores, tiers and (optionally) ranks of all customers under one weight set.
///
/// Produced by ``ScoreEngine/score(weights:ranking:)`` and ``PortfolioAnalysis/rescored(weights:ranking:)``;
/// arrays are indexed like ``Workspace/customers``.
public struct Scoring: Sendable {
    /// The weights used (criteria absent weigh 0).
    public let weights: [Criterion: Double]
    /// Composite score 0–100 per customer, quantised to multiples of 2⁻²⁵ (see ``ScoreEngine``).
    public let scores: [Double]
    /// Computed tier per customer (index into ``TierSettings/bands``), before overrides.
    public let tiers: [UInt8]
    /// Tier per customer with manual overrides applied (what screens and reports show).
    public let effectiveTiers: [UInt8]
    /// Per tier: the customers the computed tiers hold and their score range.
    public let cutoffs: [TierCutoff]
    /// Customers best first (score descending, then id ascending); empty unless ranked.
    public let order: [Int32]
    /// 1-based rank per customer; empty unless ranked.
    public let ranks: [Int32]
    /// The rank keys `(maxQ − q) << 32 | id rank` per customer (see ``ScoreEngine``), kept while
    /// unranked so the ranking that follows only sorts them; empty once ranked.
    let keys: [UInt64]
    /// The weighted sums `Σ wᵢ·xᵢ` per customer when they are provably exact (see
    /// ``ScoreEngine/exactness(_:)``), so a weight change can update them column by column;
    /// empty otherwise.
    let sums: [Double]

    /// Whether ``order`` and ``ranks`` were computed.
    public var isRanked: Bool { ranks.count == scores.count }

    /// Number of customers.
    public var count: Int { scores.count }

    init(weights: [Criterion: Double], scores: [Double], tiers: [UInt8], effectiveTiers: [UInt8],
         cutoffs: [TierCutoff], order: [Int32], ranks: [Int32], keys: [UInt64] = [], sums: [Double] = []) {
        self.weights = weights; self.scores = scores; self.tiers = tiers; self.effectiveTiers = effectiveTiers
        self.cutoffs = cutoffs; self.order = order; self.ranks = ranks; self.keys = keys; self.sums = sums
    }

    /// This scoring with the exact weighted sums of its weights (computed by an update).
    func with(sums: [Double]) -> Scoring {
        Scoring(weights: weights, scores: scores, tiers: tiers, effectiveTiers: effectiveTiers, cutoffs: cutoffs,
                order: order, ranks: ranks, keys: keys, sums: sums)
    }

    /// This scoring with other effective tiers (after a change of the manual tier overrides).
    func with(effectiveTiers: [UInt8]) -> Scoring {
        Scoring(weights: weights, scores: scores, tiers: tiers, effectiveTiers: effectiveTiers, cutoffs: cutoffs,
                order: order, ranks: ranks, keys: keys, sums: sums)
    }

    /// This scoring with its order and ranks (the keys are dropped: the ranking consumed them).
    func withRanking(order: [Int32], ranks: [Int32]) -> Scoring {
        Scoring(weights: weights, scores: scores, tiers: tiers, effectiveTiers: effectiveTiers, cutoffs: cutoffs,
                order: order, ranks: ranks, sums: sums)
    }
}

/// One tier's size and score range under a scoring.
public struct TierCutoff: Sendable, Hashable {
    /// Tier name from the settings.
    public var name: String
    /// Customers whose computed tier this is.
    public var customers: Int
    /// Lowest and highest composite score in the tier; nil when the tier is empty.
    public var lowestScore: Double?
    public var highestScore: Double?
    /// In score mode, the band's minimum score; nil in share mode.
    public var minScore: Double?
}
