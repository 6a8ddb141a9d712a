import AcumenCore
/// Any two scorings of the same customers compared — a what-if or a saved scenario against a
/// pinned baseline, or two dates' analyses: Δscore, Δrank, tier moves, the tier migration
/// matrix and the movers.
///
/// Tiers compared are the *effective* ones (a manual tier override pins a customer in both).
/// Signs: a positive ``rankDelta(_:)`` or ``tierMove(_:)`` is a move *up* (towards rank 1 /
/// the first tier).
public struct ScoringComparison: Sendable {
    public let baseline: Scoring
    public let scenario: Scoring
    /// `migration[from][to]`: customers in baseline tier `from` and scenario tier `to`.
    public let migration: [[Int]]
    /// Customers whose tier went up, and down.
    public let movedUp: Int
    public let movedDown: Int

    /// Compares two scorings of the same customers (both should be ranked for Δrank).
    public init(baseline: Scoring, scenario: Scoring) {
        self.baseline = baseline; self.scenario = scenario
        let tiers = max(baseline.cutoffs.count, scenario.cutoffs.count)
        var m = [[Int]](repeating: [Int](repeating: 0, count: tiers), count: tiers)
        var up = 0, down = 0
        for k in 0..<min(baseline.count, scenario.count) {
            let a = Int(baseline.effectiveTiers[k]), b = Int(scenario.effectiveTiers[k])
            m[a][b] += 1
            if b < a { up += 1 } else if b > a { down += 1 }
        }
        migration = m; movedUp = up; movedDown = down
    }

    /// Scenario score − baseline score of customer `k` (points).
    public func scoreDelta(_ k: Int) -> Double { scenario.scores[k] - baseline.scores[k] }

    /// Baseline rank − scenario rank of customer `k` (positive = moved up); 0 when unranked.
    public func rankDelta(_ k: Int) -> Int {
        guard baseline.isRanked, scenario.isRanked else { return 0 }
        return Int(baseline.ranks[k]) - Int(scenario.ranks[k])
    }

    /// Baseline tier index − scenario tier index of customer `k` (positive = moved up a tier).
    public func tierMove(_ k: Int) -> Int { Int(baseline.effectiveTiers[k]) - Int(scenario.effectiveTiers[k]) }

    /// The customers counted in `migration[from][to]`: baseline tier `from`, scenario tier `to`,
    /// in customer order.
    /// - Complexity: O(n).
    public func customers(from: Int, to: Int) -> [Int] {
        (0..<min(baseline.count, scenario.count)).filter { Int(baseline.effectiveTiers[$0]) == from && Int(scenario.effectiveTiers[$0]) == to }
    }

    /// The `limit` customers whose rank moved most (|Δrank| descending, then scenario rank);
    /// see ``RankMovers``. Empty unless both scorings are ranked.
    /// - Complexity: O(n · log limit) typical (partial selection).
    public func movers(limit: Int, direction: RankMovers.Direction = .either) -> [Int] {
        guard baseline.isRanked, scenario.isRanked else { return [] }
        return RankMovers.select(before: baseline.ranks, after: scenario.ranks, limit: limit, direction: direction)
    }
}
