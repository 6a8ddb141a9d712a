import AcumenAnalytics

/// A column of many distinct values (scores, money) kept for sorting as every row in ascending
/// order with its runs of equal values, so that any incoming order is sorted by one walk.
///
/// Sorting `rows` stably by the column means: runs in ascending (or descending) order, and the
/// rows of one run in their order in `rows`. So the walk notes each row's position in `rows`
/// (one pass), then emits the runs in turn — a run of one row as it is, a longer run by its
/// rows' positions — and the rows without value last, also by position.
/// - Complexity: O(rows + Σ t log t) over runs of t equal values (a run from ``radixFrom``
///   rows: O(t), its positions radix-sorted; a run of an eighth of the incoming rows or more:
///   one walk of them through a bitmap of the run); no comparison of values.
/// Memory: 4 bytes per row and one bit per row.
public struct TieRuns: Sendable {
    /// Every row by ascending bucket, equal buckets by row; rows without value last.
    let order: [Int32]
    /// Bit `j` is set when `order[j]` starts a run of equal values.
    let starts: [UInt64]
    /// Where the rows without value begin in ``order``.
    let unknownFrom: Int
    /// Bit `r` is set when row `r` shares its value with another row or has none: the only rows
    /// whose place depends on the incoming order.
    let tied: [UInt64]
    /// The bucket of each row, kept when most rows are tied (money columns: many equal
    /// amounts), where the walk's gathers of positions would miss the cache for most rows and a
    /// radix sort of the incoming rows by bucket is faster; empty otherwise.
    let rank: [UInt32]
    /// Number of buckets of known values (``rank`` of a row without value).
    let buckets: Int

    /// From this many rows a run's positions are radix-sorted rather than compared.
    static let radixFrom = 2_048

    /// The runs of the buckets `rank` (0..<buckets known, `buckets` for no value).
    /// - Complexity: O(rows + buckets): a counting sort.
    /// - Parameter keepRank: keep ``rank`` (nil: when most of at least ``byRankFrom`` rows are tied).
    init(rank: [UInt32], buckets: Int, keepRank: Bool? = nil) {
        let n = rank.count
        var offset = [Int](repeating: 0, count: buckets + 2)
        for b in rank { offset[Int(b) + 1] += 1 }
        var starts = [UInt64](repeating: 0, count: (n + 64) >> 6)
        for b in 1..<offset.count { offset[b] += offset[b - 1] }
        for b in 0...buckets where offset[b + 1] > offset[b] {
            let at = offset[b]
            starts[at >> 6] |= UInt64(1) << UInt64(at & 63)
        }
        unknownFrom = offset[buckets]
        var order = [Int32](repeating: 0, count: n)
        for (i, b) in rank.enumerated() {
            order[offset[Int(b)]] = Int32(i)
            offset[Int(b)] += 1
        }
        var tied = [UInt64](repeating: 0, count: (n + 64) >> 6)
        var lo = 0
        while lo < n {
            var hi = lo + 1
            while hi < n, hi != unknownFrom, starts[hi >> 6] & (UInt64(1) << UInt64(hi & 63)) == 0 { hi += 1 }
            if hi - lo > 1 || lo >= unknownFrom {
                for j in lo..<hi { tied[Int(order[j]) >> 6] |= UInt64(1) << UInt64(Int(order[j]) & 63) }
            }
            lo = hi
        }
        self.order = order
        self.starts = starts
        self.tied = tied
        self.buckets = buckets
        let tiedRows = tied.reduce(0) { $0 + $1.nonzeroBitCount }
        self.rank = keepRank ?? (tiedRows >= n / 4 && n >= Self.byRankFrom) ? rank : []
    }

    /// From this many rows a column mostly tied is sorted by radix over ``rank``.
    static let byRankFrom = 65_536

    /// `rows` (a subset of the table's rows, each once) sorted stably by the column; rows
    /// without value last in their order in `rows`.
    /// - Complexity: every row of the table (a sort key): one pass over `rows` noting the positions
    ///   of tied rows only, then the walk — sequential but for the ties.
    public func sorted(_ rows: [Int32], descending: Bool) -> [Int32] {
        sorted(rows, descending: descending, byRank: !rank.isEmpty && rows.count >= Self.byRankFrom)
    }

    /// `rows` sorted as ``sorted(_:descending:)`` sorts them, by radix over ``rank`` or by the walk.
    func sorted(_ rows: [Int32], descending: Bool, byRank: Bool) -> [Int32] {
        if byRank, rank.count == order.count { return sortedByRank(rows, descending: descending) }
        let n = order.count
        // Every row once: a row of a run of one is in `rows`, so only tied rows need a position.
        let every = rows.count == n
        var pos = [Int32](repeating: -1, count: n)
        pos.withUnsafeMutableBufferPointer { p in
            if every {
                tied.withUnsafeBufferPointer { t in
                    for (i, r) in rows.enumerated() where t[Int(r) >> 6] & (UInt64(1) << UInt64(Int(r) & 63)) != 0 { p[Int(r)] = Int32(i) }
                }
            } else {
                for (i, r) in rows.enumerated() { p[Int(r)] = Int32(i) }
            }
        }
        var out = [Int32](repeating: 0, count: rows.count)
        var k = 0
        order.withUnsafeBufferPointer { o in
            pos.withUnsafeBufferPointer { p in
                rows.withUnsafeBufferPointer { incoming in
                    out.withUnsafeMutableBufferPointer { dst in
                        var ties: [Int32] = []
                        /// Emits the rows of `o[lo..<hi]` that are in `rows`, in their order there.
                        func emit(_ lo: Int, _ hi: Int) {
                            if hi - lo == 1 {
                                if every || p[Int(o[lo])] >= 0 { dst[k] = o[lo]; k += 1 }
                                return
                            }
                            if hi - lo >= max(Self.radixFrom, incoming.count / 8) {
                                // A run of a large share of the rows (every account without
                                // revenue, say): its rows marked in a bitmap (n bits, in cache),
                                // then the incoming rows walked in order, keeping the marked ones —
                                // no gather of positions, no sort. At most 8 such runs per walk.
                                var mark = [UInt64](repeating: 0, count: (n + 63) >> 6)
                                for j in lo..<hi { mark[Int(o[j]) >> 6] |= UInt64(1) << UInt64(Int(o[j]) & 63) }
                                for r in incoming where mark[Int(r) >> 6] & (UInt64(1) << UInt64(Int(r) & 63)) != 0 { dst[k] = r; k += 1 }
                                return
                            }
                            ties.removeAll(keepingCapacity: true)
                            for j in lo..<hi where p[Int(o[j])] >= 0 { ties.append(p[Int(o[j])]) }
                            if ties.count < Self.radixFrom {
                                ties.sort()
                                for at in ties { dst[k] = incoming[Int(at)]; k += 1 }
                                return
                            }
                            // A long run: its positions by radix, two or three counting passes
                            // instead of t log t comparisons.
                            var keys = ties.map { UInt64(UInt32(bitPattern: $0)) }
                            RadixSort.sortInPlace(keys: &keys, values: &ties)
                            for at in ties { dst[k] = incoming[Int(at)]; k += 1 }
                        }
                        @inline(__always) func isStart(_ j: Int) -> Bool { starts[j >> 6] & (UInt64(1) << UInt64(j & 63)) != 0 }
                        if descending {
                            var hi = unknownFrom
                            while hi > 0 {
                                var lo = hi - 1
                                while lo > 0, !isStart(lo) { lo -= 1 }
                                emit(lo, hi)
                                hi = lo
                            }
                        } else {
                            var lo = 0
                            while lo < unknownFrom {
                                var hi = lo + 1
                                while hi < unknownFrom, !isStart(hi) { hi += 1 }
                                emit(lo, hi)
                                lo = hi
                            }
                        }
                        if unknownFrom < n { emit(unknownFrom, n) }
                    }
                }
            }
        }
        return out
    }

    /// `rows` stably radix-sorted by their buckets (descending: known buckets reversed; no value
    /// last): one gather of each row's bucket, then two or three counting passes of 11 bits.
    /// - Complexity: O(rows · digits of the bucket count).
    func sortedByRank(_ rows: [Int32], descending: Bool) -> [Int32] {
        let known = buckets
        var keys = rank.withUnsafeBufferPointer { rk in
            rows.map { r -> UInt64 in
                let b = Int(rk[Int(r)])
                return UInt64(descending && b < known ? known - 1 - b : b)
            }
        }
        var out = rows
        RadixSort.sortInPlace(keys: &keys, values: &out)
        return out
    }
}
