import AcumenCore

/// The customers whose rank moved most between two rankings of the same customers: the one
/// movers rule shared by the what-if comparison (two weight sets) and the comparison of two
/// dates (``PortfolioComparison``).
///
/// Order: |Δrank| descending, then the rank *after* ascending (the better-placed first), so the
/// list is deterministic. Δrank = rank before − rank after; positive means moved *up* (towards 1).
public enum RankMovers {
    /// Which moves to keep.
    public enum Direction: Sendable, Hashable {
        /// Up or down.
        case either
        /// Rank improved (Δrank > 0).
        case up
        /// Rank worsened (Δrank < 0).
        case down
    }

    /// The `limit` customers whose rank moved most in `direction`.
    /// - Parameters:
    ///   - before: 1-based rank per customer in the first ranking.
    ///   - after: 1-based rank per customer in the second ranking (same indexing).
    /// - Returns: customer indices, biggest move first; empty when `limit` ≤ 0.
    /// - Complexity: O(n · log limit) typical, O(n · limit) worst case (partial selection, no
    ///   sort of all movers).
    public static func select(before: [Int32], after: [Int32], limit: Int, direction: Direction = .either) -> [Int] {
        guard limit > 0 else { return [] }
        var top: [(k: Int, d: Int32, r: Int32)] = []
        top.reserveCapacity(limit + 1)
        func better(_ d: Int32, _ r: Int32, than o: (k: Int, d: Int32, r: Int32)) -> Bool { d != o.d ? d > o.d : r < o.r }
        for k in 0..<min(before.count, after.count) {
            let signed = before[k] - after[k]
            switch direction {
            case .either: guard signed != 0 else { continue }
            case .up: guard signed > 0 else { continue }
            case .down: guard signed < 0 else { continue }
            }
            let d = abs(signed)
            if top.count == limit, let last = top.last, !better(d, after[k], than: last) { continue }
            var i = top.count
            while i > 0, better(d, after[k], than: top[i - 1]) { i -= 1 }
            top.insert((k, d, after[k]), at: i)
            if top.count > limit { top.removeLast() }
        }
        return top.map(\.k)
    }
}
