import AcumenCore
import Foundation

/// When the weighted sums `Σ wᵢ·xᵢ` of ``ScoreEngine`` are exact, so a weight change may update
/// them column by column (`a − w·x + w′·x`) and still give bit for bit what summing every
/// column again gives.
///
/// **Why it is exact.** IEEE 754 binary64 holds every multiple of `2⁻ᵉ` up to `2^(53−e)` exactly
/// (53-bit significand). If every weight in play is a multiple of `2⁻ᴿ`, every value of its
/// column a multiple of `2⁻ᴾ` with `0 ≤ xᵢ ≤ mᵢ`, and `B = Σᵢ max(wᵢ, w′ᵢ)·mᵢ ≤ 2^(53−P−R)`,
/// then each product `wᵢ·xᵢ` and each partial sum — in any order, of any mix of old and new
/// terms, including the sum with a term taken out — is a multiple of `2^−(P+R)` of magnitude at
/// most `B`: representable, so every rounding step of the summation is exact and the result is
/// the real sum. The full pass and the update therefore give the same `Double`, hence the same
/// quantised score, tier and rank. (Normalised scores of a million customers are multiples of
/// about `2⁻³⁸`, and integer weights have `R = 0`: the condition holds while the weights add up
/// to a few hundred; otherwise the full pass runs.)
extension ScoreEngine {
    /// Per matrix row: the fraction bits `P` of its values (the least `P ≥ 0` with every
    /// `x·2ᴾ` an integer; `Int.max` for a non-finite value) and the largest `|x|`.
    /// Computed once per analysis, on first use (``warmExactness()``), shared by every copy.
    final class ColumnFacts: @unchecked Sendable {
        private let lock = NSLock()
        private var facts: [(bits: Int, max: Double)]?

        /// The facts when already computed (never blocks on a computation).
        var ready: [(bits: Int, max: Double)]? {
            lock.lock(); defer { lock.unlock() }
            return facts
        }

        /// The facts, computed now if needed (O(rows · n), rows on all cores).
        func value(_ matrix: CriterionMatrix) -> [(bits: Int, max: Double)] {
            lock.lock(); defer { lock.unlock() }
            if let facts { return facts }
            let n = matrix.count
            let rows = matrix.count == 0 ? 0 : matrix.values.count / n
            let computed: [(bits: Int, max: Double)] = matrix.values.withUnsafeBufferPointer { v in
                Parallel.map(rows) { r in ColumnFacts.facts(UnsafeBufferPointer(rebasing: v[r * n..<(r + 1) * n])) }
            }
            facts = computed
            return computed
        }

        /// The fraction bits and largest magnitude of one column: `x = m·2^(e−150)` for a
        /// normal `Float` with biased exponent `e` and significand `m` (implicit bit set),
        /// `m·2⁻¹⁴⁹` for a subnormal; the lowest set bit of `m` says how fine `x` is.
        static func facts(_ v: UnsafeBufferPointer<Float>) -> (bits: Int, max: Double) {
            var bits = 0
            var top: Float = 0
            for x in v {
                let b = x.bitPattern & 0x7FFF_FFFF
                if b == 0 { continue }
                let e = Int(b >> 23), m = b & 0x7F_FFFF
                if e == 255 { return (Int.max, .infinity) }
                let f = e == 0 ? 149 - m.trailingZeroBitCount : 150 - e - (m | 0x80_0000).trailingZeroBitCount
                if f > bits { bits = f }
                let a = Float(bitPattern: b)
                if a > top { top = a }
            }
            return (bits, Double(top))
        }
    }

    /// Computes the column facts now (a background job does so before the first update needs them).
    public func warmExactness() { _ = columnFacts.value(matrix) }

    /// The fraction bits of a weight: the least `R ≥ 0` with `w·2ᴿ` an integer (`Int.max` when
    /// not finite).
    static func fractionBits(_ w: Double) -> Int {
        guard w.isFinite else { return .max }
        if w == 0 { return 0 }
        let b = w.bitPattern & 0x7FFF_FFFF_FFFF_FFFF
        let e = Int(b >> 52), m = b & 0xF_FFFF_FFFF_FFFF
        let f = e == 0 ? 1074 - m.trailingZeroBitCount : 1075 - e - (m | 0x10_0000_0000_0000).trailingZeroBitCount
        return max(0, f)
    }

    /// The weight a criterion counts with: `w` when finite and positive, else 0 (as in
    /// ``inverseWeightTable(_:)``).
    static func effective(_ w: Double?) -> Double {
        guard let w, w.isFinite, w > 0 else { return 0 }
        return w
    }

    /// Whether every summation with these weight sets — each alone, and every mix of their
    /// terms — is exact (see the type's note); false while the column facts are not computed.
    func isExact(_ sets: [[Criterion: Double]]) -> Bool {
        guard let facts = columnFacts.ready else { return false }
        var p = 0, r = 0
        var bound = 0.0
        for c in Criterion.allCases {
            let w = sets.map { Self.effective($0[c]) }.max() ?? 0
            guard w > 0 else { continue }
            let row = CriterionMatrix.row(of: c)
            guard row < facts.count, facts[row].bits != .max else { return false }
            p = max(p, facts[row].bits)
            for s in sets { r = max(r, Self.fractionBits(Self.effective(s[c]))) }
            bound += w * facts[row].max
        }
        guard p < 53, r < 53, p + r < 53 else { return false }
        // B itself was added up in floating point (≤ 18 roundings of 2⁻⁵³ each): a margin of 10⁻⁹.
        return bound <= Foundation.exp2(Double(53 - p - r)) * (1 - 1e-9)
    }

    /// The columns to update from `previous` to `weights` (old and new effective weight per
    /// changed row), when `previous` kept exact sums, the change is exact and touches at most
    /// ``updateColumns`` columns; nil when the full pass must run.
    func update(from previous: Scoring, to weights: [Criterion: Double]) -> [(row: Int, old: Double, new: Double)]? {
        guard !previous.sums.isEmpty, previous.sums.count == matrix.count else { return nil }
        var changes: [(row: Int, old: Double, new: Double)] = []
        for c in Criterion.allCases {
            let old = Self.effective(previous.weights[c]), new = Self.effective(weights[c])
            if old != new { changes.append((CriterionMatrix.row(of: c), old, new)) }
        }
        guard changes.count <= Self.updateColumns, isExact([previous.weights, weights]) else { return nil }
        return changes
    }

    /// Most columns an update reads (each read once; beyond this the full pass is as cheap).
    static let updateColumns = 4
}
