import AcumenCore
/// Turns a weight set into composite scores, tier cut-offs, tiers and ranks — fast enough for
/// live what-if at a million customers.
///
/// **Score.** `S = Σᵢ wᵢ·xᵢ / Σᵢ wᵢ` over the criteria *known* for the customer, where `xᵢ` is
/// the normalised 0–100 score (``CriterionMatrix``) and `wᵢ ≥ 0` the weight; an unknown
/// criterion's weight is thereby spread proportionally over the known ones. No known weighted
/// criterion gives `S = 0`. `S` is rounded to a multiple of 2⁻²⁵ (≈ 3·10⁻⁸ points) so equal
/// scores are exactly equal whatever the summation order.
///
/// **Rank.** Score descending, then customer id ascending (byte-wise): a strict total order.
///
/// **Tiers.** Share mode: with cumulative shares `c_j` of the bands, the first `⌊n·c_j⌋`
/// ranks belong to bands `0…j` (the last band takes the rest). Score mode: the first band whose
/// `minScore ≤ S`, else the last band.
///
/// How: each customer's score and its 64-bit rank key `(quantised score descending, id rank)`
/// are computed block by block from the criteria-major `Float` matrix; tier boundaries are
/// found by a 16-bit histogram of the keys and a sort of just the boundary buckets (partial
/// selection); the full order, when asked, is one radix sort of the keys.
public struct ScoreEngine: Sendable {
    /// Score quantum: scores are multiples of 2⁻²⁵.
    public static let quantum = 1.0 / 33_554_432.0
    static let maxQ: UInt64 = 100 << 25

    let matrix: CriterionMatrix
    let idOrder: IdentifierOrder
    let tierSettings: TierSettings
    /// Overridden tier index per customer, −1 when none.
    let tierOverride: [Int8]

    init(matrix: CriterionMatrix, idOrder: IdentifierOrder, tierSettings: TierSettings, tierOverride: [Int8]) {
        self.matrix = matrix; self.idOrder = idOrder; self.tierSettings = tierSettings; self.tierOverride = tierOverride
    }

    /// The weight divisor per known-mask: `1 / Σ known weights` (0 when none is known).
    func inverseWeightTable(_ weights: [Criterion: Double]) -> (active: [(row: Int, w: Double)], inverse: [Double]) {
        var base = 0.0
        var optional = [Double](repeating: 0, count: CriterionMatrix.optionalCriteria.count)
        var active: [(Int, Double)] = []
        for c in Criterion.allCases {
            guard let w = weights[c], w.isFinite, w > 0 else { continue }
            active.append((CriterionMatrix.row(of: c), w))
            if let b = CriterionMatrix.bit(of: c) { optional[b] += w } else { base += w }
        }
        let size = 1 << optional.count
        var inverse = [Double](repeating: 0, count: size)
        for mask in 0..<size {
            var total = base
            for b in optional.indices where mask & (1 << b) != 0 { total += optional[b] }
            inverse[mask] = total > 0 ? 1 / total : 0
        }
        return (active, inverse)
    }

    /// Scores every customer under `weights` (criteria absent weigh 0).
    /// - Parameter ranking: also compute the full order and ranks (a radix sort); without it
    ///   only scores, tiers and cut-offs are computed.
    /// - Complexity: O(n · active criteria) plus O(n) selection; O(n · 5) more for ranking.
    public func score(weights: [Criterion: Double], ranking: Bool = true) -> Scoring {
        score(weights: weights, ranking: ranking, parts: matrix.count >= Self.parallelFrom ? Parallel.cores : 1)
    }

    /// ``score(weights:ranking:)`` with the scoring pass split into `parts` ranges run side by
    /// side (the result does not depend on `parts`; tests check it).
    func score(weights: [Criterion: Double], ranking: Bool, parts: Int) -> Scoring {
        let n = matrix.count
        let (active, inverse) = inverseWeightTable(weights)
        var scores = [Double](repeating: 0, count: n)
        var keys = [UInt64](repeating: 0, count: n)
        // Each customer's sum runs in the same order whatever the split, so the scores are the
        // same on one core or many; only the key histograms are added up.
        let histograms: [[Int]] = scores.withUnsafeMutableBufferPointer { sc in
            keys.withUnsafeMutableBufferPointer { ks in
                let out = Output(scores: sc, keys: ks)
                return Parallel.map(parts) { part in
                    scoreRange(n * part / parts, n * (part + 1) / parts, active: active, inverse: inverse, into: out)
                }
            }
        }
        var histogram = histograms[0]
        for h in histograms.dropFirst() { for b in h.indices { histogram[b] += h[b] } }
        let tiers = assignTiers(scores: scores, keys: keys, histogram: histogram)
        var order: [Int32] = [], ranks: [Int32] = []
        if ranking {
            var values = [Int32](repeating: 0, count: n)
            RadixSort.sortInPlace(keys: &keys, values: &values)
            order = [Int32](repeating: 0, count: n)
            ranks = [Int32](repeating: 0, count: n)
            for pos in 0..<n {
                let k = idOrder.order[Int(keys[pos] & 0xFFFF_FFFF)]
                order[pos] = k
                ranks[Int(k)] = Int32(pos + 1)
            }
        }
        return Scoring(weights: weights, scores: scores, tiers: tiers.computed, effectiveTiers: tiers.effective,
                       cutoffs: tiers.cutoffs, order: order, ranks: ranks)
    }

    /// From this many customers the scoring pass runs on all cores (below, one core is faster).
    static let parallelFrom = 200_000

    /// Where ``scoreRange(_:_:active:inverse:into:)`` writes: disjoint ranges of two buffers,
    /// one range per thread.
    struct Output: @unchecked Sendable {
        let scores: UnsafeMutableBufferPointer<Double>
        let keys: UnsafeMutableBufferPointer<UInt64>
    }

    /// Scores customers `lo..<hi` block by block (2,048 at a time, criterion-major), writes their
    /// scores and rank keys into `out` and returns the 16-bit histogram of the keys.
    func scoreRange(_ lo: Int, _ hi: Int, active: [(row: Int, w: Double)], inverse: [Double], into out: Output) -> [Int] {
        let n = matrix.count, block = 2048
        var histogram = [Int](repeating: 0, count: 1 << 16)
        var acc = [Double](repeating: 0, count: block)
        matrix.values.withUnsafeBufferPointer { v in
            matrix.knownMask.withUnsafeBufferPointer { mask in
                idOrder.rank.withUnsafeBufferPointer { idRank in
                    histogram.withUnsafeMutableBufferPointer { h in
                        acc.withUnsafeMutableBufferPointer { a in
                            var start = lo
                            while start < hi {
                                let len = min(block, hi - start)
                                for j in 0..<len { a[j] = 0 }
                                for (row, w) in active {
                                    let base = row * n + start
                                    for j in 0..<len { a[j] += w * Double(v[base + j]) }
                                }
                                for j in 0..<len {
                                    let k = start + j
                                    let s = min(100, max(0, a[j] * inverse[Int(mask[k])]))
                                    let q = UInt64((s * 33_554_432).rounded())
                                    out.scores[k] = Double(q) * Self.quantum
                                    let key = (Self.maxQ - q) << 32 | UInt64(UInt32(bitPattern: idRank[k]))
                                    out.keys[k] = key
                                    h[Int(key >> 48)] += 1
                                }
                                start += len
                            }
                        }
                    }
                }
            }
        }
        return histogram
    }

    /// The rank keys at the given sorted positions, by partial selection over a key histogram.
    ///
    /// Only the keys falling in the histogram buckets that hold a wanted position are
    /// collected and sorted.
    func keys(at positions: [Int], keys: [UInt64], histogram: [Int]) -> [Int: UInt64] {
        guard !positions.isEmpty else { return [:] }
        var start = [Int](repeating: 0, count: histogram.count + 1)
        for b in histogram.indices { start[b + 1] = start[b] + histogram[b] }
        func bucket(of p: Int) -> Int {
            var lo = 0, hi = histogram.count - 1
            while lo < hi { let mid = (lo + hi + 1) / 2; if start[mid] <= p { lo = mid } else { hi = mid - 1 } }
            return lo
        }
        var slot = [Int16](repeating: -1, count: histogram.count)
        var buckets: [[UInt64]] = []
        for p in positions where slot[bucket(of: p)] < 0 {
            slot[bucket(of: p)] = Int16(buckets.count)
            buckets.append([])
        }
        slot.withUnsafeBufferPointer { sl in
            for key in keys {
                let s = sl[Int(key >> 48)]
                if s >= 0 { buckets[Int(s)].append(key) }
            }
        }
        for j in buckets.indices where buckets[j].count > 1 {
            var dummy = [Int32](repeating: 0, count: buckets[j].count)
            RadixSort.sortInPlace(keys: &buckets[j], values: &dummy)
        }
        var out: [Int: UInt64] = [:]
        for p in positions {
            let b = bucket(of: p)
            out[p] = buckets[Int(slot[b])][p - start[b]]
        }
        return out
    }
}
