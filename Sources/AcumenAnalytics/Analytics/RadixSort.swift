import AcumenCore
/// Stable least-significant-digit radix sort of 64-bit keys, and order-preserving key maps.
///
/// The analytics rank millions of values (percentiles, RFM quintiles, ABC, composite rank);
/// Swift's comparison sort needs ~180 ms for 1M doubles on the reference machine, a radix
/// sort with 11-bit digits a few tens of milliseconds. Digits on which all keys agree are
/// skipped, so small integers (frequencies, days) sort in one or two passes; the counts of
/// every digit come from one pass over the keys. When a key's range and its position fit one
/// 64-bit word together, ``order(_:subset:)`` sorts those words alone (``RadixSort/packedOrder(_:subset:)``):
/// half the memory traffic of sorting keys and indices side by side, the same order.
public enum RadixSort {
    /// Bits per digit (2048 buckets: the counters stay in the L1 cache).
    static let digitBits: UInt64 = 11

    /// An unsigned key that orders like the double (`-0.0` before `0.0`; NaN must not occur).
    @inline(__always)
    public static func key(_ d: Double) -> UInt64 {
        let b = d.bitPattern
        return b >> 63 == 1 ? ~b : b | (1 << 63)
    }

    /// An unsigned key that orders like the signed integer.
    @inline(__always)
    public static func key(_ i: Int64) -> UInt64 { UInt64(bitPattern: i) ^ (1 << 63) }

    /// The indices in `subset` (default: all of `keys`), ordered by ascending key.
    ///
    /// Stable: indices with equal keys keep their order in `subset`.
    /// - Returns: the ordered indices and their keys in that order.
    /// - Complexity: O(n · d) where d ≤ 6 is the number of 11-bit digits on which keys differ.
    static func order(_ keys: consuming [UInt64], subset: [Int32]? = nil) -> (indices: [Int32], keys: [UInt64]) {
        if let p = packing(keys, subset: subset) { return packed(consume keys, subset: subset, p) }
        var k: [UInt64]
        if let subset { k = keys.withUnsafeBufferPointer { kp in subset.map { kp[Int($0)] } } } else { k = consume keys }
        var idx: [Int32] = subset ?? (0..<k.count).map { Int32($0) }
        sortInPlace(keys: &k, values: &idx)
        return (idx, k)
    }

    /// The counts of every 11-bit digit (pass p's counts at `p · radix ..< (p + 1) · radix`) of
    /// `keys` in one pass, and the bits on which the keys differ (a digit where all keys agree
    /// needs no pass).
    @inline(__always)  // `passes` stays a constant in the 64-bit sort: its loop unrolls as before
    static func histograms(_ keys: [UInt64], passes: Int) -> (counts: [Int], diff: UInt64) {
        let radix = 1 << Int(digitBits), mask: UInt64 = (1 << digitBits) - 1
        var counts = [Int](repeating: 0, count: passes * radix)
        var diff: UInt64 = 0
        keys.withUnsafeBufferPointer { src in
            counts.withUnsafeMutableBufferPointer { c in
                guard let first = src.first else { return }
                for v in src {
                    diff |= v ^ first
                    for p in 0..<passes { c[p * radix + Int((v >> (UInt64(p) * digitBits)) & mask)] += 1 }
                }
            }
        }
        return (counts, diff)
    }

    /// Sorts `keys` ascending, carrying `values` along; stable.
    public static func sortInPlace(keys k: inout [UInt64], values idx: inout [Int32]) {
        let n = k.count
        guard n > 1 else { return }
        let radix = 1 << Int(digitBits), mask: UInt64 = (1 << digitBits) - 1, passes = 6
        var (counts, diff) = histograms(k, passes: passes)
        guard diff != 0 else { return }
        var k2 = [UInt64](unsafeUninitializedCapacity: n) { _, c in c = n }
        var i2 = [Int32](unsafeUninitializedCapacity: n) { _, c in c = n }
        for p in 0..<passes where (diff >> (UInt64(p) * digitBits)) & mask != 0 {
            let shift = UInt64(p) * digitBits
            counts.withUnsafeMutableBufferPointer { all in
                let c = UnsafeMutableBufferPointer(rebasing: all[(p * radix)..<((p + 1) * radix)])
                var sum = 0
                for j in c.indices { let t = c[j]; c[j] = sum; sum += t }
                k.withUnsafeBufferPointer { src in
                    idx.withUnsafeBufferPointer { isrc in
                        k2.withUnsafeMutableBufferPointer { dst in
                            i2.withUnsafeMutableBufferPointer { idst in
                                for j in 0..<n {
                                    let v = src[j]
                                    let d = Int((v >> shift) & mask)
                                    let q = c[d]
                                    dst[q] = v; idst[q] = isrc[j]
                                    c[d] = q + 1
                                }
                            }
                        }
                    }
                }
            }
            swap(&k, &k2)
            swap(&idx, &i2)
        }
    }
}
