import AcumenCore
/// A scenario's scoring against a pinned baseline: Δscore, Δrank, tier moves and the tier
/// migration matrix.
///
/// Tiers compared are the *effective* ones (a manual tier override pins a customer in both).
/// Signs: a positive ``rankDelta(_:)`` or ``tierMove(_:)`` is a move *up* (towards rank 1 /
/// the first tier).
public struct ScenarioComparison: Sendable {
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

    /// The `limit` customers whose rank moved most (|Δrank| descending, then scenario rank).
    /// - Complexity: O(n log limit) would do; this sorts the customers that moved, O(m log m).
    public func movers(limit: Int) -> [Int] {
        guard limit > 0 else { return [] }
        var moved: [(Int, Int)] = []
        for k in 0..<scenario.count { let d = abs(rankDelta(k)); if d > 0 { moved.append((k, d)) } }
        moved.sort { $0.1 != $1.1 ? $0.1 > $1.1 : scenario.ranks[$0.0] < scenario.ranks[$1.0] }
        return moved.prefix(limit).map(\.0)
    }
}
