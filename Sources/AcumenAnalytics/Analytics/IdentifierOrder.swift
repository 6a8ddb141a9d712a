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
        var present = [Bool](repeating: false, count: 256)
        present[0] = true  // the padding of ids shorter than eight bytes
        var prefix = [UInt64](unsafeUninitializedCapacity: n) { buffer, count in
            present.withUnsafeMutableBufferPointer { seen in
                for k in 0..<n {
                    let p = Self.prefix(id(k))
                    buffer[k] = p
                    for i in 0..<8 { seen[Int((p >> (8 * UInt64(i))) & 0xFF)] = true }
                }
            }
            count = n
        }
        Self.compact(&prefix, present: present)
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

    /// Replaces each byte of every prefix by its rank among the bytes `present` (in as few bits
    /// as they need), when all eight then fit fewer than 64 bits: the same order and the same
    /// ties (the map is increasing and one-to-one on the bytes that occur), in a narrower key —
    /// numeric ids take 4 bits a byte, so key and position fit one word for the packed sort.
    static func compact(_ prefix: inout [UInt64], present: [Bool]) {
        var rank = [UInt64](repeating: 0, count: 256)
        var d: UInt64 = 0
        for b in 0..<256 where present[b] { rank[b] = d; d += 1 }
        let bits = UInt64(UInt64.bitWidth - (d - 1).leadingZeroBitCount)
        guard bits < 8 else { return }
        rank.withUnsafeBufferPointer { r in
            prefix.withUnsafeMutableBufferPointer { ps in
                for k in ps.indices {
                    let p = ps[k]
                    var c: UInt64 = 0
                    for i in (0..<8).reversed() { c = c << bits | r[Int((p >> (8 * UInt64(i))) & 0xFF)] }
                    ps[k] = c
                }
            }
        }
    }

    /// The first eight UTF-8 bytes of `id`, big-endian and left-aligned, so a shorter id sorts
    /// before its extensions.
    @inline(__always)
    static func prefix(_ id: String) -> UInt64 {
        let contiguous = id.utf8.withContiguousStorageIfAvailable { b -> UInt64 in
            let m = min(8, b.count)
            var p: UInt64 = 0
            for i in 0..<m { p = p << 8 | UInt64(b[i]) }
            return m == 0 ? 0 : p << (8 * UInt64(8 - m))
        }
        if let contiguous { return contiguous }
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
