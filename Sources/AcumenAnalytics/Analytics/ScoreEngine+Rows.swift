import AcumenCore

extension ScoreEngine {
    /// `s` (a ranked scoring of the same weights) rescored on this engine's matrix, where only
    /// the columns of customers `ks` differ from the matrix `s` was scored on: their sums and
    /// scores are computed as the scoring pass computes them, every tier and cut-off is
    /// assigned again from the rank keys (a changed score can move a share boundary), and the
    /// changed customers are taken out of the order and put back by binary search. The same
    /// scoring as ``score(weights:ranking:)`` — without the kept sums, which only speed up a
    /// later weight change and are rebuilt by the next full pass.
    /// - Complexity: O(n) for the keys, tiers and ranks, O(n · |ks|) to move the changed
    ///   customers in the order; nil (a full pass is the way) for more than 64 of them.
    func rescoring(_ s: Scoring, changed ks: [Int]) -> Scoring? {
        let n = matrix.count
        guard s.isRanked, s.count == n, ks.count <= 64, ks.allSatisfy({ $0 >= 0 && $0 < n }) else { return nil }
        let (active, inverse) = inverseWeightTable(s.weights)
        var scores = s.scores
        var keys = Self.uninitialised(UInt64.self, n)
        scores.withUnsafeMutableBufferPointer { sc in
            keys.withUnsafeMutableBufferPointer { kb in
                let out = Output(scores: sc, keys: kb, sums: nil)
                for k in ks { _ = scoreRange(k, k + 1, source: .full(active), inverse: inverse, into: out) }
            }
        }
        // Every key from its score (what the scoring pass wrote for the changed customers).
        var histogram = [Int](repeating: 0, count: 1 << 16)
        scores.withUnsafeBufferPointer { sc in
            idOrder.rank.withUnsafeBufferPointer { id in
                keys.withUnsafeMutableBufferPointer { kb in
                    for k in 0..<n {
                        let q = UInt64(sc[k] * 33_554_432)
                        let key = (Self.maxQ - q) << 32 | UInt64(UInt32(bitPattern: id[k]))
                        kb[k] = key
                        histogram[Int(key >> 48)] += 1
                    }
                }
            }
        }
        let tiers = assignTiers(keys: keys, histogram: histogram, parts: n >= Self.parallelFrom ? Parallel.cores : 1)
        // The order without the changed customers (still ascending by key), then each put back.
        let changed = Set(ks).sorted()
        var order = s.order
        for p in changed.map({ Int(s.ranks[$0]) - 1 }).sorted(by: >) { order.remove(at: p) }
        for k in changed {
            let key = keys[k]
            var lo = 0, hi = order.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if keys[Int(order[mid])] < key { lo = mid + 1 } else { hi = mid }
            }
            order.insert(Int32(k), at: lo)
        }
        var ranks = Self.uninitialised(Int32.self, n)
        ranks.withUnsafeMutableBufferPointer { r in
            for (pos, k) in order.enumerated() { r[Int(k)] = Int32(pos + 1) }
        }
        return Scoring(weights: s.weights, scores: scores, tiers: tiers.computed, effectiveTiers: tiers.effective,
                       cutoffs: tiers.cutoffs, order: order, ranks: ranks)
    }
}
