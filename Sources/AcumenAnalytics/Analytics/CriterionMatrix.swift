import AcumenCore
import Foundation

/// Every criterion's normalised score 0–100 for every customer, criteria-major, with a
/// known-mask: the weight-independent half of the composite score.
///
/// Rescoring with new weights only recombines these rows (see ``ScoreEngine``), so it never
/// touches transactions or ratings again. Values are `Float` (ample for 0–100 scores) to halve
/// the memory a weight change has to stream through.
public struct CriterionMatrix: Sendable {
    /// The criteria that can be unknown for a customer (missing rating, no CLV fit), in the
    /// order of their bits in ``knownMask``. All other criteria are always known.
    /// At most 16 (the bits of ``knownMask``); see ``Criterion``'s capacity note.
    public static let optionalCriteria: [Criterion] = Criterion.rated + Criterion.measured.filter(\.definition.canBeUnknown)

    /// The criteria, in the order of the matrix rows (all of ``Criterion``).
    public let criteria: [Criterion] = Criterion.allCases
    /// Number of customers (the row length).
    public let count: Int
    /// Normalised scores, `values[row * count + k]`; 0 where unknown.
    public let values: [Float]
    /// Bit `j` set when ``optionalCriteria``[j] is known for the customer.
    public let knownMask: [UInt16]

    /// The matrix row of a criterion.
    public static func row(of c: Criterion) -> Int { Criterion.allCases.firstIndex(of: c) ?? 0 }

    /// The bit of an optional criterion in ``knownMask``, nil for always-known criteria.
    public static func bit(of c: Criterion) -> Int? { optionalCriteria.firstIndex(of: c) }

    /// Whether criterion `c` is known for customer `k`.
    public func isKnown(_ c: Criterion, _ k: Int) -> Bool {
        guard let b = Self.bit(of: c) else { return true }
        return knownMask[k] & (1 << UInt16(b)) != 0
    }

    /// The normalised score 0–100 of criterion `c` for customer `k`, nil when unknown.
    public func normalised(_ c: Criterion, _ k: Int) -> Double? {
        isKnown(c, k) ? Double(values[Self.row(of: c) * count + k]) : nil
    }

    /// Builds the matrix from raw columns (NaN = unknown), normalising each per its setting.
    /// - Parameters:
    ///   - ranks: ranked columns already computed (shared with RFM), by criterion.
    ///   - rated: the customers' ratings, for the rated criteria `columns` does not hold: a row
    ///     normalised by `.scale` is read straight from them, any other from
    ///     ``CustomerInputs/ratedColumn(_:)`` built by the thread that normalises the row; their
    ///     ``knownMask`` bits are ``CustomerInputs/ratedKnown``.
    init(columns: [Criterion: [Double]], count n: Int, settings: Settings, ranks: [Criterion: ColumnRanks],
         rated: CustomerInputs? = nil) {
        count = n
        // Criteria are normalised independently, one per core at a time, each straight into its
        // row (zeroed by the thread that fills it, so the pages are touched on both cores).
        let all = Criterion.allCases
        var mask = rated?.ratedKnown.count == n ? rated?.ratedKnown ?? [] : [UInt16](repeating: 0, count: n)
        values = [Float](unsafeUninitializedCapacity: all.count * n) { buffer, initialized in
            _ = Parallel.map(all.count + 1) { row -> Bool in
                guard row < all.count else { Self.knownBits(columns, into: &mask); return true }
                let c = all[row]
                let out = UnsafeMutableBufferPointer(rebasing: buffer[(row * n)..<((row + 1) * n)])
                out.initialize(repeating: 0)
                // A criterion without a column is unknown for everybody: its row stays 0.
                let setting = Self.setting(c, settings)
                if let raw = columns[c] {
                    Self.normalise(raw, setting: setting, ranks: ranks[c], into: out)
                } else if let rated, rated.count == n, let j = c.ratedIndex {
                    if setting.normalisation == .scale {
                        Self.scale(rated, ratedIndex: j, lowerIsBetter: setting.direction == .lowerIsBetter, into: out)
                    } else {
                        Self.normalise(rated.ratedColumn(j), setting: setting, ranks: ranks[c], into: out)
                    }
                }
                return true
            }
            initialized = all.count * n
        }
        knownMask = mask
    }

    /// Sets bit `j` of `mask[k]` when ``optionalCriteria``[j] is known (finite) for customer `k`
    /// (for the criteria `columns` holds).
    static func knownBits(_ columns: [Criterion: [Double]], into mask: inout [UInt16]) {
        for c in optionalCriteria {
            guard let b = bit(of: c), let raw = columns[c] else { continue }
            for k in mask.indices where raw[k].isFinite { mask[k] |= 1 << UInt16(b) }
        }
    }

    /// The setting a criterion is normalised with (its default when the settings omit it).
    static func setting(_ c: Criterion, _ settings: Settings) -> CriterionSetting {
        settings.setting(for: c) ?? CriterionSetting(criterion: c, weight: c.defaultWeight)
    }

    /// Maps raw values to 0–100 per the setting's normalisation, then flips `lower is better`.
    ///
    /// - percentile: ``ColumnRanks/percentiles(into:)`` (ties share the mean rank);
    /// - minMax: `100 · (x − min) / (max − min)`, 50 when all known values are equal;
    /// - logMinMax: minMax of `sign(x) · ln(1 + |x|)`;
    /// - scale: `10 · x` clamped to 0–100 (ratings 0–10).
    /// Then `lower is better` gives `100 − s`. Unknown (NaN) values give 0 and are masked.
    static func normalise(_ raw: [Double], setting: CriterionSetting, ranks: ColumnRanks?, into out: UnsafeMutableBufferPointer<Float>) {
        let n = raw.count
        switch setting.normalisation {
        case .percentile:
            (ranks ?? ColumnRanks(raw: raw)).percentiles(into: out)
        case .minMax, .logMinMax:
            let log = setting.normalisation == .logMinMax
            let xs = log ? raw.map { $0.isFinite ? signedLog($0) : .nan } : raw
            var lo = Double.infinity, hi = -Double.infinity
            for x in xs where x.isFinite { lo = min(lo, x); hi = max(hi, x) }
            for k in 0..<n where xs[k].isFinite {
                out[k] = hi > lo ? Float(100 * (xs[k] - lo) / (hi - lo)) : 50
            }
        case .scale:
            for k in 0..<n where raw[k].isFinite { out[k] = Float(min(100, max(0, raw[k] * 10))) }
        }
        if setting.direction == .lowerIsBetter {
            for k in 0..<n where raw[k].isFinite { out[k] = 100 - out[k] }
        }
    }

    /// The `.scale` normalisation of rating `j` read from the thousandths: for each known value
    /// `x`, `10 · x` clamped to 0–100, then `100 − s` when lower is better — the arithmetic of
    /// ``normalise(_:setting:ranks:into:)`` on the column, without the column. Unknown stays 0.
    static func scale(_ rated: CustomerInputs, ratedIndex j: Int, lowerIsBetter: Bool, into out: UnsafeMutableBufferPointer<Float>) {
        @inline(__always) func score(_ x: Double) -> Float {
            let s = Float(min(100, max(0, x * 10)))
            return lowerIsBetter ? 100 - s : s
        }
        let n = rated.count, bit = UInt16(1) << UInt16(j)
        rated.thousandths.withUnsafeBufferPointer { t in
            rated.ratedKnown.withUnsafeBufferPointer { m in
                for k in 0..<n where m[k] & bit != 0 { out[k] = score(Double(t[j * n + k]) / 1000) }
            }
        }
        // Ratings not in thousandths (their lanes hold 0): their own values.
        for (k, values) in rated.exact { out[k] = values[j].isFinite ? score(values[j]) : 0 }
    }

    /// `sign(x) · ln(1 + |x|)`: a log that keeps sign and zero (for skewed money).
    static func signedLog(_ x: Double) -> Double { x < 0 ? -Foundation.log1p(-x) : Foundation.log1p(x) }
}
