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
    /// The first movers in either direction, kept when the comparison was ranked for a screen
    /// (``ranked(_:movers:)``), so drawing a frame does not scan every customer; nil otherwise.
    let moverCache: (limit: Int, movers: [Int])?

    /// Compares two scorings of the same customers (both should be ranked for Δrank).
    public init(baseline: Scoring, scenario: Scoring) {
        self.baseline = baseline; self.scenario = scenario
        moverCache = nil
        let tiers = max(baseline.cutoffs.count, scenario.cutoffs.count)
        // Counted flat (`from · 256 + to`: tiers are bytes), then folded to the matrix.
        var flat = [Int](repeating: 0, count: 256 * 256)
        flat.withUnsafeMutableBufferPointer { f in
            baseline.effectiveTiers.withUnsafeBufferPointer { a in
                scenario.effectiveTiers.withUnsafeBufferPointer { b in
                    for k in 0..<min(a.count, b.count) { f[Int(a[k]) << 8 | Int(b[k])] += 1 }
                }
            }
        }
        var m = [[Int]](repeating: [Int](repeating: 0, count: tiers), count: tiers)
        var up = 0, down = 0
        for a in 0..<256 {
            for b in 0..<256 where flat[a << 8 | b] > 0 {
                let c = flat[a << 8 | b]
                if a < tiers, b < tiers { m[a][b] += c }
                if b < a { up += c } else if b > a { down += c }
            }
        }
        migration = m; movedUp = up; movedDown = down
    }

    init(baseline: Scoring, scenario: Scoring, migration: [[Int]], movedUp: Int, movedDown: Int, moverCache: (limit: Int, movers: [Int])?) {
        self.baseline = baseline; self.scenario = scenario; self.migration = migration
        self.movedUp = movedUp; self.movedDown = movedDown; self.moverCache = moverCache
    }

    /// This comparison with `ranked` — the scenario's scoring with its ranking, same tiers —
    /// as the scenario, and its first `limit` movers kept (``movers(limit:direction:)`` answers
    /// from them up to `limit`). The migration matrix is carried over: the tiers are the same.
    /// - Complexity: O(n · log limit) for the movers; O(n) when the tiers differ (recounted).
    func ranked(_ ranked: Scoring, movers limit: Int) -> ScoringComparison {
        let same = ranked.effectiveTiers == scenario.effectiveTiers
        let base = same ? self : ScoringComparison(baseline: baseline, scenario: ranked)
        let movers = baseline.isRanked && ranked.isRanked
            ? RankMovers.select(before: baseline.ranks, after: ranked.ranks, limit: limit) : []
        return ScoringComparison(baseline: baseline, scenario: ranked, migration: base.migration, movedUp: base.movedUp,
                                 movedDown: base.movedDown, moverCache: (limit, movers))
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
        // The kept movers are the first of the same total order: a prefix answers any shorter list.
        if direction == .either, let c = moverCache, limit <= c.limit || c.movers.count < c.limit {
            return Array(c.movers.prefix(max(0, limit)))
        }
        return RankMovers.select(before: baseline.ranks, after: scenario.ranks, limit: limit, direction: direction)
    }
}
