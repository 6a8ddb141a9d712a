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

    /// What proves a column-by-column update exact (``ScoreEngine/isExact(_:)``); computed once.
    let columnFacts: ColumnFacts

    /// - Parameter columnFacts: the facts of another engine over the same matrix (they depend on
    ///   the matrix only), else new ones computed on first use.
    init(matrix: CriterionMatrix, idOrder: IdentifierOrder, tierSettings: TierSettings, tierOverride: [Int8],
         columnFacts: ColumnFacts = ColumnFacts()) {
        self.matrix = matrix; self.idOrder = idOrder; self.tierSettings = tierSettings; self.tierOverride = tierOverride
        self.columnFacts = columnFacts
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

    /// ``score(weights:ranking:)`` starting from another scoring of the same customers: when
    /// `previous` kept exact weighted sums and the change is exact (``update(from:to:)``), only
    /// the changed criteria's columns are read (`a − w·x + w′·x` per customer), else every
    /// weighted column. The result is the same either way (see ``ScoreEngine/isExact(_:)``).
    /// - Complexity: O(n · changed criteria) plus O(n) selection when updating.
    public func score(weights: [Criterion: Double], ranking: Bool = true, from previous: Scoring?) -> Scoring {
        score(weights: weights, ranking: ranking, parts: matrix.count >= Self.parallelFrom ? Parallel.cores : 1, from: previous)
    }

    /// ``score(weights:ranking:from:)`` with the scoring pass split into `parts` ranges run side
    /// by side (the result does not depend on `parts`; tests check it).
    func score(weights: [Criterion: Double], ranking: Bool, parts: Int, from previous: Scoring? = nil) -> Scoring {
        let n = matrix.count
        let (active, inverse) = inverseWeightTable(weights)
        let changes = previous.flatMap { update(from: $0, to: weights) }
        let keepSums = changes != nil || isExact([weights])
        var scores = Self.uninitialised(Double.self, n)
        var keys = Self.uninitialised(UInt64.self, n)
        var sums = keepSums ? Self.uninitialised(Double.self, n) : []
        // Each customer's sum runs in the same order whatever the split, so the scores are the
        // same on one core or many; only the key histograms are added up.
        let histograms: [[UInt32]] = scores.withUnsafeMutableBufferPointer { sc in
            keys.withUnsafeMutableBufferPointer { ks in
                sums.withUnsafeMutableBufferPointer { su in
                    let out = Output(scores: sc, keys: ks, sums: keepSums ? su : nil)
                    let source: Source = changes.map { .update(previous?.sums ?? [], $0) } ?? .full(active)
                    return Parallel.map(parts) { part in
                        scoreRange(n * part / parts, n * (part + 1) / parts, source: source, inverse: inverse, into: out)
                    }
                }
            }
        }
        var histogram = [Int](repeating: 0, count: 1 << 16)
        for h in histograms { for b in h.indices { histogram[b] += Int(h[b]) } }
        let tiers = assignTiers(keys: keys, histogram: histogram, parts: parts)
        let unranked = Scoring(weights: weights, scores: scores, tiers: tiers.computed, effectiveTiers: tiers.effective,
                               cutoffs: tiers.cutoffs, order: [], ranks: [], keys: keys, sums: sums)
        return ranking ? ranked(unranked) : unranked
    }

    /// From this many customers the scoring pass runs on all cores (below, one core is faster).
    static let parallelFrom = 200_000

    /// An array of `n` elements of a trivial type, each to be written before it is read (the
    /// scoring pass fills every slot; skipping the zero fill saves a pass over fresh pages).
    static func uninitialised<T: BitwiseCopyable>(_: T.Type, _ n: Int) -> [T] {
        [T](unsafeUninitializedCapacity: n) { _, count in count = n }
    }

    /// What a scoring pass sums: every weighted column, or an update of exact sums.
    enum Source: @unchecked Sendable {
        case full([(row: Int, w: Double)])
        case update([Double], [(row: Int, old: Double, new: Double)])
    }

    /// Where ``scoreRange(_:_:source:inverse:into:)`` writes: disjoint ranges of the buffers,
    /// one range per thread.
    struct Output: @unchecked Sendable {
        let scores: UnsafeMutableBufferPointer<Double>
        let keys: UnsafeMutableBufferPointer<UInt64>
        let sums: UnsafeMutableBufferPointer<Double>?
    }

    /// Scores customers `lo..<hi` block by block (2,048 at a time, criterion-major), writes their
    /// scores, rank keys (and sums) into `out` and returns the 16-bit histogram of the keys.
    func scoreRange(_ lo: Int, _ hi: Int, source: Source, inverse: [Double], into out: Output) -> [UInt32] {
        let n = matrix.count, block = 2048
        // 32-bit counts (a range holds fewer than 2³² customers): half the cache lines of `Int`.
        var histogram = [UInt32](repeating: 0, count: 1 << 16)
        var acc = [Double](repeating: 0, count: block)
        let previous: [Double]
        if case .update(let sums, _) = source { previous = sums } else { previous = [] }
        matrix.values.withUnsafeBufferPointer { v in
            matrix.knownMask.withUnsafeBufferPointer { mask in
                idOrder.rank.withUnsafeBufferPointer { idRank in
                    histogram.withUnsafeMutableBufferPointer { h in
                        acc.withUnsafeMutableBufferPointer { a in
                            previous.withUnsafeBufferPointer { prev in
                                inverse.withUnsafeBufferPointer { inv in
                                var start = lo
                                while start < hi {
                                    let len = min(block, hi - start)
                                    switch source {
                                    case .full(let active):
                                        for j in 0..<len { a[j] = 0 }
                                        for (row, w) in active {
                                            let base = row * n + start
                                            for j in 0..<len { a[j] += w * Double(v[base + j]) }
                                        }
                                    case .update(_, let changes):
                                        for j in 0..<len { a[j] = prev[start + j] }
                                        for (row, old, new) in changes {
                                            let base = row * n + start
                                            for j in 0..<len {
                                                let x = Double(v[base + j])
                                                a[j] = a[j] - old * x + new * x
                                            }
                                        }
                                    }
                                    if let sums = out.sums { for j in 0..<len { sums[start + j] = a[j] } }
                                    // Non-empty buffers (len > 0) always have a base address.
                                    guard let scoreBase = out.scores.baseAddress, let keyBase = out.keys.baseAddress,
                                          let maskBase = mask.baseAddress, let idBase = idRank.baseAddress,
                                          let invs = inv.baseAddress, let counts = h.baseAddress else { break }
                                    let scores = scoreBase + start, keys = keyBase + start
                                    let masks = maskBase + start, ids = idBase + start
                                    for j in 0..<len {
                                        let s = min(100, max(0, a[j] * invs[Int(masks[j])]))
                                        let q = Self.roundHalfUp(s * 33_554_432)
                                        scores[j] = Double(q) * Self.quantum
                                        let key = (Self.maxQ &- q) << 32 | UInt64(UInt32(bitPattern: ids[j]))
                                        keys[j] = key
                                        counts[Int(key >> 48)] &+= 1
                                    }
                                    start += len
                                }
                                }
                            }
                        }
                    }
                }
            }
        }
        return histogram
    }

    /// `x` rounded to the nearest integer, halves away from zero — `x.rounded()` — for
    /// `0 ≤ x < 2⁵²`, without the library call: `x − ⌊x⌋` is exact there.
    @inline(__always)
    static func roundHalfUp(_ x: Double) -> UInt64 {
        let i = Int64(x)
        return UInt64(bitPattern: x - Double(i) >= 0.5 ? i &+ 1 : i)
    }

    /// The score of a rank key: `(maxQ − (key >> 32)) · 2⁻²⁵`, exactly the score it was made from.
    @inline(__always)
    static func score(ofKey key: UInt64) -> Double { Double(maxQ - (key >> 32)) * quantum }
}
