import AcumenCore
/// The ranks of one criterion's known values — what percentile normalisation and RFM quintiles
/// need — computed without a full sort when the values are integers.
///
/// Percentiles and quintiles depend only on, for each known value, how many known values are
/// below it (`lo`) and how many equal it (`t`). For integer values in a small range (days,
/// purchase counts, ratings) a counting pass gives both: a histogram over `value − min` and its
/// running sum. Money in minor units (revenue, contribution) is ranked by a radix sort of the
/// integers less their minimum, which skips the digits every value shares (about half of the
/// passes a sort of the doubles needs). Everything else falls back to ``SortedColumn``. The
/// figures are those of ``SortedColumn`` bit for bit: equal doubles are equal integers and vice
/// versa in every case taken (tests compare on ties, unknowns, negative and extreme values).
struct ColumnRanks: Sendable {
    private enum Storage: Sendable {
        /// Slot `value − lo` of each known value (the column is kept, not copied); `below[v]` and
        /// `size[v]` per slot.
        case counted(Source, below: [Int32], size: [Int32])
        case sorted(SortedColumn)
    }

    /// The column a counted storage reads its slots from.
    private enum Source: Sendable {
        case doubles([Double], lo: Double)
        case integers([Int64], lo: Int64)

        /// Calls `body(k, slot)` for every known value.
        @inline(__always)
        func forEachSlot(_ body: (Int, Int) -> Void) {
            switch self {
            case .doubles(let raw, let lo):
                for k in raw.indices where raw[k].isFinite { body(k, Int(raw[k] - lo)) }  // exact: integers below 2^53
            case .integers(let values, let lo):
                for k in values.indices { body(k, Int(values[k] - lo)) }
            }
        }

        var count: Int {
            switch self {
            case .doubles(let raw, _): raw.count
            case .integers(let values, _): values.count
            }
        }
    }
    private let storage: Storage
    /// Number of known values.
    let count: Int

    /// Largest value range counted with a histogram (larger ranges are sorted).
    static func countable(range: UInt64, count n: Int) -> Bool { range < UInt64(max(1 << 16, 2 * n)) }

    /// Ranks of `raw` (NaN and infinities unknown), as ``SortedColumn/init(raw:known:)`` would.
    init(raw: [Double]) {
        var lo = Double.infinity, hi = -Double.infinity, integral = true, known = 0
        for v in raw where v.isFinite {
            lo = min(lo, v); hi = max(hi, v); known += 1
            if v.rounded(.towardZero) != v || abs(v) > 9_007_199_254_740_992 { integral = false }
        }
        count = known
        guard integral, known == 0 || Self.countable(range: UInt64(hi - lo), count: raw.count) else {
            storage = .sorted(SortedColumn(raw: raw)); return
        }
        storage = Self.counted(.doubles(raw, lo: known == 0 ? 0 : lo), size: known == 0 ? 0 : Int(hi - lo) + 1)
    }

    /// Ranks of `minor / 100` for every value of `minor` (money in minor units, all known), as
    /// ``SortedColumn/init(raw:known:)`` of those doubles would.
    ///
    /// Exact while `|minor| ≤ 2^40`: the doubles are then exact integers divided by 100 with an
    /// ulp far below 0.01, so distinct integers give distinct doubles in the same order.
    /// Beyond that the doubles themselves are sorted.
    init(minor: [Int64]) {
        count = minor.count
        var lo = Int64.max, hi = Int64.min
        for v in minor { lo = min(lo, v); hi = max(hi, v) }
        let limit: Int64 = 1 << 40
        guard minor.isEmpty || (lo >= -limit && hi <= limit) else {
            storage = .sorted(SortedColumn(raw: minor.map { Double($0) / 100 })); return
        }
        let range = minor.isEmpty ? 0 : UInt64(hi - lo)
        if Self.countable(range: range, count: minor.count) {
            storage = Self.counted(.integers(minor, lo: lo), size: minor.isEmpty ? 0 : Int(range) + 1)
        } else {
            let base = lo
            storage = .sorted(SortedColumn(order: RadixSort.order(minor.map { UInt64($0 - base) })))
        }
    }

    /// Histogram storage of the slots 0..<size of `source`.
    private static func counted(_ source: Source, size: Int) -> Storage {
        var histogram = [Int32](repeating: 0, count: size)
        histogram.withUnsafeMutableBufferPointer { h in source.forEachSlot { _, s in h[s] += 1 } }
        var below = [Int32](repeating: 0, count: size)
        var running: Int32 = 0
        for v in 0..<size { below[v] = running; running += histogram[v] }
        return .counted(source, below: below, size: histogram)
    }

    /// Percentile rank 0–100 of each known value into `out` (unknown values untouched); see
    /// ``SortedColumn/percentiles(into:)``.
    func percentiles(into out: UnsafeMutableBufferPointer<Float>) {
        switch storage {
        case .sorted(let s): s.percentiles(into: out)
        case .counted(let source, let below, let size):
            var table = [Float](repeating: 0, count: size.count)
            for v in size.indices where size[v] > 0 {
                table[v] = SortedColumn.percentile(lo: Int(below[v]), run: Int(size[v]), known: count)
            }
            table.withUnsafeBufferPointer { t in source.forEachSlot { k, s in out[k] = t[s] } }
        }
    }

    /// Quintile scores 1–5, ties sharing the lowest rank; see ``SortedColumn/quintiles()``.
    func quintiles() -> [UInt8] {
        switch storage {
        case .sorted(let s): return s.quintiles()
        case .counted(let source, let below, let size):
            let n = count
            guard n > 0 else { return [] }
            var table = [UInt8](repeating: 1, count: size.count)
            for v in size.indices where size[v] > 0 { table[v] = SortedColumn.quintile(lo: Int(below[v]), known: n) }
            var out = [UInt8](repeating: 1, count: source.count)
            out.withUnsafeMutableBufferPointer { o in source.forEachSlot { k, s in o[k] = table[s] } }
            return out
        }
    }
}
