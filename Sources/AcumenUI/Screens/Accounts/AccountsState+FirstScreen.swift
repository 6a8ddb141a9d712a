import AcumenAnalytics

/// The first frame of a large workspace listed by score, best first, before its full order:
/// the rows a frame can show come from the analysis' own ranking (no sort of a million rows),
/// and the full listing follows off the input path (``Runtime/finishFirstScreen()``).
extension AccountsState {
    /// The first `count` rows in the order a sort of the table's rows by score, descending,
    /// gives (``SortOrders``: by ``RadixSort/key(_:)`` of the score, descending; equal scores
    /// by row), read from `ranked` — every row by score descending, equal scores in any order
    /// (``Scoring/order``). Nil when `ranked` cannot say: it is not a ranking of `scores`, or a
    /// score among the first is unknown (NaN), zero (±0 sort apart) or out of order.
    /// - Complexity: O(count + t log t) for the t rows sharing the last score taken.
    static func firstByScore(_ count: Int, scores: [Double], ranked: [Int32]) -> [Int32]? {
        let n = scores.count
        guard ranked.count == n, n > 0, count > 0 else { return nil }
        func key(_ j: Int) -> UInt64 { RadixSort.key(scores[Int(ranked[j])]) }
        // Every row sharing the last score taken: their order among themselves is by row.
        var m = min(count, n)
        while m < n, key(m) == key(m - 1) { m += 1 }
        for j in 0..<m {
            let s = scores[Int(ranked[j])]
            guard !s.isNaN, s != 0, j == 0 || key(j) <= key(j - 1) else { return nil }
        }
        guard m == n || key(m) < key(m - 1) else { return nil }
        let first = ranked[0..<m].sorted { a, b in
            let ka = RadixSort.key(scores[Int(a)]), kb = RadixSort.key(scores[Int(b)])
            return ka > kb || (ka == kb && a < b)
        }
        return Array(first.prefix(count))
    }

    /// Lists `first` (the first rows of the sort, ``firstByScore(_:scores:ranked:)``) at the top
    /// and every other row after them in row order, so the count and the totals are those of
    /// every row; the cursor on the first row. ``provisionalRows`` says how many are in order.
    /// - Complexity: O(rows), sequential.
    mutating func showFirst(_ first: [Int32], of table: AccountTable) {
        let n = table.count
        var taken = [UInt64](repeating: 0, count: (n + 63) >> 6)
        for r in first { taken[Int(r) >> 6] |= 1 << UInt64(Int(r) & 63) }
        var rows = [Int32]()
        rows.reserveCapacity(n)
        rows += first
        for i in 0..<n where taken[i >> 6] & (1 << UInt64(i & 63)) == 0 { rows.append(Int32(i)) }
        order = []
        view = rows
        provisionalRows = first.count
        searchHits = nil
        totals = Self.totals(of: 0..<n, table)
        cursor = 0
        top = 0
    }
}
