import AcumenCore
/// The full ranking of a scoring: a radix sort of the rank keys its scoring pass already made,
/// so the what-if's re-rank after a weight key never sums the criteria again.
extension ScoreEngine {
    /// `s` with its order (best first) and ranks; `s` itself when already ranked.
    /// - Complexity: O(n · d), d ≤ 5 digit passes of one core (see ``rankOrder(_:isCancelled:)``).
    func ranked(_ s: Scoring) -> Scoring {
        guard !s.isRanked else { return s }
        return ranked(s, isCancelled: { false }) ?? s
    }

    /// `s` ranked, or nil when `isCancelled` said so between two passes (a newer weight set
    /// made this ranking useless: it stops and leaves the cores to the key).
    func ranked(_ s: Scoring, isCancelled: () -> Bool) -> Scoring? {
        if s.isRanked { return s }
        let n = s.count
        let keys = s.keys.count == n ? s.keys : rankKeys(s.scores)
        guard let sorted = rankOrder(keys, isCancelled: isCancelled) else { return nil }
        var order = Self.uninitialised(Int32.self, n)
        var ranks = Self.uninitialised(Int32.self, n)
        let mask = UInt64(1) << UInt64(Self.idBits(n)) - 1
        sorted.withUnsafeBufferPointer { ck in
            idOrder.order.withUnsafeBufferPointer { byId in
                order.withUnsafeMutableBufferPointer { o in
                    ranks.withUnsafeMutableBufferPointer { r in
                        for pos in 0..<n {
                            let k = byId[Int(ck[pos] & mask)]
                            o[pos] = k
                            r[Int(k)] = Int32(pos + 1)
                        }
                    }
                }
            }
        }
        return s.withRanking(order: order, ranks: ranks)
    }

    /// Bits that hold an id rank `0..<n`.
    static func idBits(_ n: Int) -> Int { max(1, Int.bitWidth - max(0, n - 1).leadingZeroBitCount) }

    /// The rank keys of scores (for a scoring made without them).
    func rankKeys(_ scores: [Double]) -> [UInt64] {
        scores.indices.map { k in
            let q = UInt64((scores[k] * 33_554_432).rounded())
            return (Self.maxQ - q) << 32 | UInt64(UInt32(bitPattern: idOrder.rank[k]))
        }
    }

    /// The rank keys compacted to `(maxQ − q) << idBits | id rank` (the same order: id ranks
    /// are below `2^idBits`) and sorted ascending by a least-significant-digit radix sort of
    /// 11-bit digits; digits on which all keys agree are skipped (≤ 5 passes for 52 bits).
    /// All digit counts come from one pass over the keys.
    func rankOrder(_ keys: [UInt64], isCancelled: () -> Bool) -> [UInt64]? {
        let n = keys.count
        let bits = UInt64(Self.idBits(n)), digit: UInt64 = 11, radix = 1 << 11
        let passes = Int((32 + bits + digit - 1) / digit)
        var a = Self.uninitialised(UInt64.self, n)
        var counts = [Int](repeating: 0, count: passes * radix)
        var diff: UInt64 = 0
        keys.withUnsafeBufferPointer { src in
            a.withUnsafeMutableBufferPointer { dst in
                counts.withUnsafeMutableBufferPointer { c in
                    let first = n > 0 ? (src[0] >> 32) << bits | (src[0] & 0xFFFF_FFFF) : 0
                    for k in 0..<n {
                        let v = (src[k] >> 32) << bits | (src[k] & 0xFFFF_FFFF)
                        dst[k] = v
                        diff |= v ^ first
                        for p in 0..<passes { c[p * radix + Int((v >> (UInt64(p) * digit)) & UInt64(radix - 1))] += 1 }
                    }
                }
            }
        }
        var b = Self.uninitialised(UInt64.self, n)
        for p in 0..<passes where (diff >> (UInt64(p) * digit)) & UInt64(radix - 1) != 0 {
            if isCancelled() { return nil }
            let shift = UInt64(p) * digit
            counts.withUnsafeMutableBufferPointer { c in
                var sum = 0
                for j in p * radix..<(p + 1) * radix { let t = c[j]; c[j] = sum; sum += t }
                a.withUnsafeBufferPointer { src in
                    b.withUnsafeMutableBufferPointer { dst in
                        for j in 0..<n {
                            let v = src[j]
                            let d = p * radix + Int((v >> shift) & UInt64(radix - 1))
                            dst[c[d]] = v
                            c[d] += 1
                        }
                    }
                }
            }
            swap(&a, &b)
        }
        return a
    }
}
