import AcumenCore
/// Why a customer has its composite score and tier: each criterion's part, and how far the
/// next tier up and down are.
public struct ScoreExplanation: Sendable, Hashable {
    /// One weighted criterion's part of the score.
    public struct Row: Sendable, Hashable {
        public var criterion: Criterion
        /// The raw value in its unit (nil when unknown; recency in days, ratings 0–10).
        public var rawValue: Double?
        /// Normalised score 0–100 (nil when unknown).
        public var normalised: Double?
        /// The weight as set.
        public var weight: Double
        /// The share of the score this criterion carries after spreading unknown weight:
        /// `w / Σ known w` (0–1; 0 when unknown).
        public var effectiveWeight: Double
        /// Points contributed: `normalised × effectiveWeight` (the rows sum to the score).
        public var points: Double
        /// Whether the value is known.
        public var isKnown: Bool { normalised != nil }
    }

    public var customer: Int
    /// Rows for every criterion with a positive weight, in criterion order.
    public var rows: [Row]
    /// The composite score 0–100.
    public var score: Double
    /// 1-based rank (nil when the scoring was not ranked).
    public var rank: Int?
    /// The tier shown (override applied) and the computed one.
    public var tier: String
    public var computedTier: String
    public var isTierOverride: Bool
    /// Weighted criteria that are unknown; their weight was spread over the known ones.
    public var unknownCriteria: [Criterion]
    /// The next computed tier up, and the score points needed to reach its lowest member
    /// (share mode) or its minimum score (score mode); nil in the top tier.
    public var nextTierUp: String?
    public var pointsToNextTierUp: Double?
    /// The next computed tier down, and the points the score can lose before it meets that
    /// tier's best member (share mode) or falls below its own tier's minimum (score mode).
    public var nextTierDown: String?
    public var pointsToNextTierDown: Double?

    /// A one-line note on unknown criteria, e.g. `risk unknown: its weight is spread over the known criteria`.
    public var unknownNote: String? {
        guard !unknownCriteria.isEmpty else { return nil }
        let names = unknownCriteria.map(\.title).joined(separator: ", ")
        return "\(names) unknown: \(unknownCriteria.count == 1 ? "its weight is" : "their weight is") spread over the known criteria"
    }
}

extension PortfolioAnalysis {
    /// Explains customer `k`'s score and tier under `scoring` (default: the baseline).
    public func explanation(for k: Int, scoring: Scoring? = nil) -> ScoreExplanation {
        let sc = scoring ?? baseline
        var rows: [ScoreExplanation.Row] = []
        var knownWeight = 0.0
        var unknown: [Criterion] = []
        for c in Criterion.allCases {
            guard let w = sc.weights[c], w.isFinite, w > 0 else { continue }
            if matrix.isKnown(c, k) { knownWeight += w } else { unknown.append(c) }
        }
        for c in Criterion.allCases {
            guard let w = sc.weights[c], w.isFinite, w > 0 else { continue }
            let x = matrix.normalised(c, k)
            let eff = x != nil && knownWeight > 0 ? w / knownWeight : 0
            rows.append(.init(criterion: c, rawValue: rawValue(c, for: k), normalised: x, weight: w,
                              effectiveWeight: eff, points: (x ?? 0) * eff))
        }
        let names = tierNames
        let t = Int(sc.tiers[k]), e = Int(sc.effectiveTiers[k])
        let s = sc.scores[k]
        var up: (String, Double)?, down: (String, Double)?
        let cut = sc.cutoffs
        if settings.tiers.mode == .score {
            if t > 0, let m = cut[t - 1].minScore { up = (names[t - 1], max(0, m - s)) }
            if t < cut.count - 1, let m = cut[t].minScore { down = (names[t + 1], max(0, s - m)) }
        } else {
            if let j = (0..<t).reversed().first(where: { cut[$0].customers > 0 }), let low = cut[j].lowestScore {
                up = (names[j], max(0, low - s))
            }
            if t + 1 < cut.count, let j = ((t + 1)..<cut.count).first(where: { cut[$0].customers > 0 }), let high = cut[j].highestScore {
                down = (names[j], max(0, s - high))
            }
        }
        return ScoreExplanation(
            customer: k, rows: rows, score: s, rank: sc.isRanked ? Int(sc.ranks[k]) : nil, tier: names[e],
            computedTier: names[t], isTierOverride: sc.effectiveTiers[k] != sc.tiers[k] || engine.tierOverride[k] >= 0,
            unknownCriteria: unknown, nextTierUp: up?.0, pointsToNextTierUp: up?.1,
            nextTierDown: down?.0, pointsToNextTierDown: down?.1)
    }
}
