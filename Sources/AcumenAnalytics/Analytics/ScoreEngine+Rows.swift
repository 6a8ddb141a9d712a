import AcumenCore

extension ScoreEngine {
    /// `s` (a ranked scoring of the same weights) rescored on this engine's matrix, where only
    /// the columns of customers `ks` differ from the matrix `s` was scored on.
    ///
    /// Their sums and scores are computed as the scoring pass computes them, and they are taken
    /// out of the order and put back by binary search on the rank keys (the others' keys did
    /// not change, so the order without them stays sorted). Every other customer keeps its score
    /// and moves by at most `|ks|` places, so its computed tier can change only within `|ks|`
    /// places of a share boundary: only those places are assigned again (score mode: only the
    /// rescored customers). The cut-offs are read off the order at the band edges. The same
    /// scoring as ``score(weights:ranking:)`` — without the kept sums, which only speed up a
    /// later weight change and are rebuilt by the next full pass.
    ///
    /// It takes the scoring (consuming it): when nothing else holds its arrays they are updated
    /// in place, not copied.
    /// - Returns: the scoring and the customers not in `ks` whose computed tier changed; nil
    ///   (a full pass is the way) for more than 64 customers or an unranked scoring.
    /// - Complexity: O(|ks| · (log n + criteria) + places the rescored customers moved over +
    ///   bands · |ks|), plus one move of the order's tail per rescored customer.
    func rescoring(_ s: consuming Scoring, changed ks: [Int]) -> (scoring: Scoring, tierMoved: [Int])? {
        let n = matrix.count
        guard s.isRanked, s.count == n, ks.count <= 64, ks.allSatisfy({ $0 >= 0 && $0 < n }) else { return nil }
        let weights = s.weights
        var scores = s.scores, tiers = s.tiers, effective = s.effectiveTiers, order = s.order, ranks = s.ranks
        _ = consume s
        let changed = Array(Set(ks)).sorted()
        let (active, inverse) = inverseWeightTable(weights)
        // The rescored customers through the scoring pass itself (same sums, same rounding);
        // their keys go to scratch rows of which only the pages written are ever touched.
        var scratch = Self.uninitialised(UInt64.self, n)
        scores.withUnsafeMutableBufferPointer { sc in
            scratch.withUnsafeMutableBufferPointer { kb in
                let out = Output(scores: sc, keys: kb, sums: nil)
                for k in changed { _ = scoreRange(k, k + 1, source: .full(active), inverse: inverse, into: out) }
            }
        }
        let idRank = idOrder.rank
        func key(_ k: Int) -> UInt64 {
            (Self.maxQ - UInt64(scores[k] * 33_554_432)) << 32 | UInt64(UInt32(bitPattern: idRank[k]))
        }
        // The order without the rescored customers (still ascending by key), then each put back.
        let from = changed.map { Int(ranks[$0]) - 1 }
        for p in from.sorted(by: >) { order.remove(at: p) }
        var inserted: [Int] = []
        for k in changed {
            let kk = key(k)
            var lo = 0, hi = order.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if key(Int(order[mid])) < kk { lo = mid + 1 } else { hi = mid }
            }
            order.insert(Int32(k), at: lo)
            inserted.append(lo)
        }
        // Only places between the first and the last one left or taken moved.
        let first = min(from.min() ?? 0, inserted.min() ?? 0)
        let last = min(n - 1, max(from.max() ?? 0, inserted.max() ?? 0) + changed.count)
        if first <= last {
            order.withUnsafeBufferPointer { o in
                ranks.withUnsafeMutableBufferPointer { r in
                    for p in first...last { r[Int(o[p])] = Int32(p + 1) }
                }
            }
        }
        let bands = self.bands
        var moved: [Int] = []
        if tierSettings.mode == .share {
            let cum = Self.cumulativeCounts(n: n, bands: bands)
            func band(_ p: Int) -> UInt8 { UInt8(cum.firstIndex(where: { p < $0 }) ?? bands.count - 1) }
            let m = changed.count
            var places = Set<Int>()
            for c in cum.dropLast() where c > 0 && c < n { for p in max(0, c - m)..<min(n, c + m) { places.insert(p) } }
            for k in changed { places.insert(Int(ranks[k]) - 1) }
            for p in places {
                let r = Int(order[p]), b = band(p)
                guard tiers[r] != b else { continue }
                tiers[r] = b
                if !changed.contains(r) { moved.append(r) }
            }
        } else {
            for k in changed {
                var b = UInt8(bands.count - 1)
                for (j, band) in bands.enumerated() where scores[k] >= band.minScore { b = UInt8(j); break }
                tiers[k] = b
            }
        }
        for r in changed + moved {
            let o = r < tierOverride.count ? tierOverride[r] : -1
            effective[r] = o >= 0 ? UInt8(o) : tiers[r]
        }
        let cutoffs = Self.cutoffs(bands: bands, settings: tierSettings, order: order, tiers: tiers, scores: scores)
        let scoring = Scoring(weights: weights, scores: scores, tiers: tiers, effectiveTiers: effective,
                              cutoffs: cutoffs, order: order, ranks: ranks)
        return (scoring, moved.sorted())
    }

    /// The cut-offs of tiers read off a ranked order: computed tiers never go up along it
    /// (share mode by place, score mode by score), so each band holds one run of places, found
    /// by binary search; its highest and lowest score are those of the run's ends.
    /// - Complexity: O(bands · log n).
    static func cutoffs(bands: [TierSettings.Band], settings: TierSettings, order: [Int32], tiers: [UInt8],
                        scores: [Double]) -> [TierCutoff] {
        let n = order.count
        func start(_ b: Int) -> Int {
            var lo = 0, hi = n
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(tiers[Int(order[mid])]) < b { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        return bands.enumerated().map { j, band in
            var c = TierCutoff(name: band.name, customers: 0, lowestScore: nil, highestScore: nil,
                               minScore: settings.mode == .score ? band.minScore : nil)
            let lo = start(j), hi = start(j + 1)
            guard hi > lo else { return c }
            c.customers = hi - lo
            c.highestScore = scores[Int(order[lo])]
            c.lowestScore = scores[Int(order[hi - 1])]
            return c
        }
    }
}
