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
        self.init(count: ids.count, id: { ids[$0] })
    }

    /// Orders the customers' ids, read in place (no array of the ids is made).
    init(customers: CustomerList) {
        self.init(count: customers.count, id: { customers[$0].id })
    }

    /// Orders the ids `id(0..<n)`.
    private init(count n: Int, id: (Int) -> String) {
        var prefix = [UInt64](unsafeUninitializedCapacity: n) { buffer, count in
            for k in 0..<n { buffer[k] = Self.prefix(id(k)) }
            count = n
        }
        var (order, keys) = RadixSort.order(prefix)
        prefix = []
        // Ids sharing their first eight bytes (or differing only by NUL bytes): compare fully.
        var lo = 0
        while lo < n {
            var hi = lo + 1
            while hi < n, keys[hi] == keys[lo] { hi += 1 }
            if hi - lo > 1 {
                let part = order[lo..<hi].sorted { a, b in
                    id(Int(a)).utf8.lexicographicallyPrecedes(id(Int(b)).utf8)
                }
                order.replaceSubrange(lo..<hi, with: part)
            }
            lo = hi
        }
        keys = []
        var rank = [Int32](unsafeUninitializedCapacity: n) { _, c in c = n }
        order.withUnsafeBufferPointer { o in
            rank.withUnsafeMutableBufferPointer { r in for pos in 0..<n { r[Int(o[pos])] = Int32(pos) } }
        }
        self.order = order
        self.rank = rank
    }

    /// The first eight UTF-8 bytes of `id`, big-endian and left-aligned, so a shorter id sorts
    /// before its extensions.
    @inline(__always)
    static func prefix(_ id: String) -> UInt64 {
        var p: UInt64 = 0
        var taken = 0
        for b in id.utf8 {
            if taken == 8 { break }
            p = p << 8 | UInt64(b)
            taken += 1
        }
        return taken == 0 ? 0 : p << (8 * UInt64(8 - taken))
    }
}
