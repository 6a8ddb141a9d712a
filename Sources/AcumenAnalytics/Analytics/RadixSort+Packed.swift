import AcumenCore
/// The packed form of ``RadixSort/order(_:subset:)``: each key less the smallest, shifted
/// above its position in the subset, sorted as one 64-bit word.
///
/// Sorting `(key − lo) << b | position` ascending orders by key, then by position — exactly
/// what the stable sort of the subset gives — so the indices and keys read back from the words
/// are identical to the two-array sort's; it runs only when the key range and the positions fit
/// 64 bits together (money in minor units, ABC's values, compacted ids). Without a subset the
/// words are made, sorted and read back in the keys' own array (no second key array).
extension RadixSort {
    /// How keys pack: the smallest key and the bits of the key range and of the positions.
    struct Packing {
        let lo: UInt64, rangeBits: Int, positionBits: Int
    }

    /// The packing of `keys` (at `subset`), nil when key range and position exceed 64 bits.
    static func packing(_ keys: [UInt64], subset: [Int32]?) -> Packing? {
        let m = subset?.count ?? keys.count
        guard m > 1, m <= Int(Int32.max) else { return nil }
        var lo = UInt64.max, hi: UInt64 = 0
        keys.withUnsafeBufferPointer { kp in
            if let subset {
                for i in subset { let v = kp[Int(i)]; lo = min(lo, v); hi = max(hi, v) }
            } else {
                for v in kp { lo = min(lo, v); hi = max(hi, v) }
            }
        }
        let rangeBits = UInt64.bitWidth - (hi - lo).leadingZeroBitCount
        let positionBits = UInt64.bitWidth - UInt64(m - 1).leadingZeroBitCount
        guard rangeBits + positionBits <= UInt64.bitWidth else { return nil }
        return Packing(lo: lo, rangeBits: rangeBits, positionBits: positionBits)
    }

    /// The order of ``order(_:subset:)`` from packed words; nil when they would not fit 64 bits.
    static func packedOrder(_ keys: [UInt64], subset: [Int32]?) -> (indices: [Int32], keys: [UInt64])? {
        packing(keys, subset: subset).map { packed(keys, subset: subset, $0) }
    }

    /// Sorts the packed words of `keys` (at `subset`) and reads indices and keys back.
    static func packed(_ keys: consuming [UInt64], subset: [Int32]?, _ p: Packing) -> (indices: [Int32], keys: [UInt64]) {
        let m = subset?.count ?? keys.count
        let shift = UInt64(p.positionBits), low = (UInt64(1) << shift) - 1, lo = p.lo
        var words: [UInt64]
        if let subset {
            words = [UInt64](unsafeUninitializedCapacity: m) { buffer, count in
                keys.withUnsafeBufferPointer { kp in
                    subset.withUnsafeBufferPointer { s in
                        for j in 0..<m { buffer[j] = (kp[Int(s[j])] &- lo) << shift | UInt64(j) }
                    }
                }
                count = m
            }
        } else {
            words = consume keys
            words.withUnsafeMutableBufferPointer { w in
                for j in 0..<m { w[j] = (w[j] &- lo) << shift | UInt64(j) }
            }
        }
        sortWords(&words, bits: p.rangeBits + p.positionBits)
        var indices = [Int32](unsafeUninitializedCapacity: m) { _, c in c = m }
        words.withUnsafeMutableBufferPointer { w in
            indices.withUnsafeMutableBufferPointer { out in
                if let subset {
                    subset.withUnsafeBufferPointer { s in
                        for j in 0..<m { out[j] = s[Int(w[j] & low)]; w[j] = (w[j] >> shift) &+ lo }
                    }
                } else {
                    for j in 0..<m { out[j] = Int32(truncatingIfNeeded: w[j] & low); w[j] = (w[j] >> shift) &+ lo }
                }
            }
        }
        return (indices, words)
    }
    /// Sorts distinct words below `2^bits` ascending: least significant 11-bit digit first, the
    /// counts of every digit from one pass, digits on which all words agree skipped.
    static func sortWords(_ a: inout [UInt64], bits: Int) {
        let n = a.count
        guard n > 1 else { return }
        let radix = 1 << Int(digitBits), mask: UInt64 = (1 << digitBits) - 1
        let passes = max(1, (bits + Int(digitBits) - 1) / Int(digitBits))
        var (counts, diff) = histograms(a, passes: passes)
        var b = [UInt64](unsafeUninitializedCapacity: n) { _, c in c = n }
        for p in 0..<passes where (diff >> (UInt64(p) * digitBits)) & mask != 0 {
            let shift = UInt64(p) * digitBits
            counts.withUnsafeMutableBufferPointer { all in
                let c = UnsafeMutableBufferPointer(rebasing: all[(p * radix)..<((p + 1) * radix)])
                var sum = 0
                for j in c.indices { let t = c[j]; c[j] = sum; sum += t }
                a.withUnsafeBufferPointer { src in
                    b.withUnsafeMutableBufferPointer { dst in
                        for j in 0..<n {
                            let v = src[j]
                            let d = Int((v >> shift) & mask)
                            dst[c[d]] = v
                            c[d] += 1
                        }
                    }
                }
            }
            swap(&a, &b)
        }
    }
}
