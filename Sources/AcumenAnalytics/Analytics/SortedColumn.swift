import AcumenCore
/// One criterion's known values in ascending order, with the runs of equal values.
///
/// Shared by percentile normalisation (ties share the mean rank) and RFM quintiles (ties share
/// the lowest rank, `rank_min`), so each column is sorted once.
struct SortedColumn: Sendable {
    /// Customer indices by ascending value (equal values in customer-index order).
    let indices: [Int32]
    /// The order-preserving keys of the values, in the same order.
    let keys: [UInt64]

    /// Sorts the known values of `raw` (`known == nil` means all known; NaN is never known).
    init(raw: [Double], known: [Bool]? = nil) {
        var subset: [Int32] = []
        subset.reserveCapacity(raw.count)
        var keys = [UInt64](repeating: 0, count: raw.count)
        for k in raw.indices {
            let v = raw[k]
            guard v.isFinite, known?[k] ?? true else { continue }
            keys[k] = RadixSort.key(v == 0 ? 0 : v)  // -0.0 equals 0.0
            subset.append(Int32(k))
        }
        // Every value known: the same order without a subset, sorting the keys' own array.
        (indices, self.keys) = subset.count == raw.count ? RadixSort.order(consume keys) : RadixSort.order(keys, subset: subset)
    }

    /// Number of known values.
    var count: Int { indices.count }

    /// Calls `body(lo, hi)` for each run of equal values at sorted positions `lo..<hi`.
    func forEachRun(_ body: (Int, Int) -> Void) {
        var lo = 0
        let n = keys.count
        while lo < n {
            var hi = lo + 1
            while hi < n, keys[hi] == keys[lo] { hi += 1 }
            body(lo, hi)
            lo = hi
        }
    }

    /// A column already ordered (indices by ascending key, keys in that order).
    init(order: (indices: [Int32], keys: [UInt64])) {
        (indices, keys) = order
    }

    /// Percentile rank 0–100 of each known value; ties share their mean rank.
    ///
    /// `p = 100 · (lo + (t − 1) / 2) / (m − 1)` for a run of `t` equal values starting at
    /// sorted position `lo` (0-based) among `m` known values; `50` when `m == 1`.
    func percentiles(into out: UnsafeMutableBufferPointer<Float>) {
        let m = count
        forEachRun { lo, hi in
            let p = Self.percentile(lo: lo, run: hi - lo, known: m)
            for j in lo..<hi { out[Int(indices[j])] = p }
        }
    }

    /// The percentile of a run of `run` equal values from sorted position `lo` among `known` (see above).
    @inline(__always)
    static func percentile(lo: Int, run: Int, known m: Int) -> Float {
        Float(m <= 1 ? 50 : 100 * (Double(lo) + Double(run - 1) / 2) / Double(m - 1))
    }

    /// The quintile score of values from sorted position `lo` among `n` (see ``quintiles()``).
    @inline(__always)
    static func quintile(lo: Int, known n: Int) -> UInt8 { UInt8((5 * (lo + 1) + n - 1) / n) }

    /// Quintile scores 1–5 with ties sharing the lowest rank (`rank_min`).
    ///
    /// `score = ⌈5 · rank_min / n⌉` where `rank_min` is one more than the number of customers whose
    /// value is below this one and `n` the number of customers (all must be known). A tie scores
    /// what its first member would: a customer is only "better" than those it strictly beats, so a
    /// large group at the bottom (everybody with one purchase) keeps score 1.
    func quintiles() -> [UInt8] {
        let n = count
        var out = [UInt8](repeating: 1, count: n)
        forEachRun { lo, hi in
            let s = Self.quintile(lo: lo, known: n)
            for j in lo..<hi { out[Int(indices[j])] = s }
        }
        return out
    }
}
