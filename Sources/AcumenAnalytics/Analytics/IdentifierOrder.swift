import AcumenCore
/// The order of customers by id (byte-wise UTF-8 comparison), the tie-break of every ranking.
///
/// Ties in ABC and the composite rank are broken by customer id, never by position in the
/// file, so permuting the input changes no output. Ids are compared as UTF-8 byte strings
/// (what `sort` on bytes or Python's `str` comparison of ASCII ids gives).
struct IdentifierOrder: Sendable {
    /// Customers by ascending id.
    let order: [Int32]
    /// Position of each customer in ``order`` (0-based).
    let rank: [Int32]

    /// Orders the ids.
    /// - Complexity: one radix sort on the first eight bytes, then a comparison sort only
    ///   inside runs of ids sharing those bytes (none for ids up to eight bytes long).
    init(ids: [String]) {
        let n = ids.count
        var prefix = [UInt64](repeating: 0, count: n)
        for k in 0..<n {
            var p: UInt64 = 0
            var taken = 0
            for b in ids[k].utf8 {
                if taken == 8 { break }
                p = p << 8 | UInt64(b)
                taken += 1
            }
            // Left-align so a shorter id sorts before its extensions.
            prefix[k] = taken == 0 ? 0 : p << (8 * UInt64(8 - taken))
        }
        var (order, keys) = RadixSort.order(prefix)
        // Ids sharing their first eight bytes (or differing only by NUL bytes): compare fully.
        var lo = 0
        while lo < n {
            var hi = lo + 1
            while hi < n, keys[hi] == keys[lo] { hi += 1 }
            if hi - lo > 1 {
                let part = order[lo..<hi].sorted { a, b in
                    ids[Int(a)].utf8.lexicographicallyPrecedes(ids[Int(b)].utf8)
                }
                order.replaceSubrange(lo..<hi, with: part)
            }
            lo = hi
        }
        keys = []
        var rank = [Int32](repeating: 0, count: n)
        for (pos, k) in order.enumerated() { rank[Int(k)] = Int32(pos) }
        self.order = order
        self.rank = rank
    }
}
