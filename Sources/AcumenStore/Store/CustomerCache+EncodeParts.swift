import AcumenCore

/// The customers' cache encoded on all cores: each chunk of ``CustomerList`` becomes a
/// ``Part`` on its own (string offsets relative to the chunk, industry/region/owner codes into
/// the chunk's own dictionary); the sections are then written from the parts in order
/// (``writeUnsealed(customers:headerExtra:index:to:)``) — offsets shifted, codes mapped to one
/// dictionary whose strings are numbered in order of first use exactly as one pass over the
/// customers numbers them — so the bytes equal a one-pass encoder's
/// (`ReferenceCustomerCacheEncoder` in the tests, compared in `SaveParallelTests`).
extension CustomerCache {
    /// One chunk's columns.
    struct Part {
        /// Strings before each customer's next one, relative to the chunk (one per customer).
        var firstString: [UInt32] = []
        /// End of each string, relative to the chunk's string bytes.
        var stringEnd: [UInt32] = []
        var strings: [UInt8] = []
        var dictionary = Dictionary()
        /// Industry, region and owner of each customer in ``dictionary``'s codes.
        var codes: [UInt32] = []
        var known: [UInt16] = [], thousandths: [UInt16] = [], cost: [Int64] = []
        /// Customers with details (global positions) and where each record ends (relative).
        var detailPositions: [UInt32] = [], detailEnds: [UInt64] = [], details: [UInt8] = []

        /// The columns of `customers`, the chunk starting at customer `first`.
        init(_ customers: [Customer], first: Int) {
            let n = customers.count
            firstString.reserveCapacity(n); stringEnd.reserveCapacity(n * fixedStrings); strings.reserveCapacity(n * 32)
            codes.reserveCapacity(3 * n); known.reserveCapacity(n); thousandths.reserveCapacity(n * 5); cost.reserveCapacity(n)
            customers.withUnsafeBufferPointer { fill($0, first: first) }
        }

        /// Adds the customers' columns (read in place: no copy of a customer).
        private mutating func fill(_ cs: UnsafeBufferPointer<Customer>, first: Int) {
            var recent = RecentCodes()
            for k in cs.indices {
                add(cs[k].id); add(cs[k].name)
                for t in cs[k].tags { add(t) }
                firstString.append(UInt32(truncatingIfNeeded: stringEnd.count))
                codes.append(recent.code(cs[k].industry, &dictionary))
                codes.append(recent.code(cs[k].region, &dictionary))
                codes.append(recent.code(cs[k].owner, &dictionary))
                let mask = cs[k].ratings.knownMask
                known.append(mask)
                let fixed = cs[k].ratings.fixedPointLanes
                let lanes = fixed ?? SIMD16<UInt16>()
                var bits = mask
                while bits != 0 {
                    thousandths.append(lanes[bits.trailingZeroBitCount])
                    bits &= bits - 1
                }
                cost.append(cs[k].costToServe.minor)
                let exactRatings = fixed == nil && mask != 0
                if !cs[k].isPlain || exactRatings {
                    detailPositions.append(UInt32(truncatingIfNeeded: first + k))
                    DetailRecord.append(cs[k], exactRatings: exactRatings, to: &details)
                    detailEnds.append(UInt64(details.count))
                }
            }
        }

        private mutating func add(_ s: String) {
            var s = s
            s.withUTF8 { strings.append(contentsOf: $0) }
            stringEnd.append(UInt32(truncatingIfNeeded: strings.count))
        }
    }

    /// The codes of strings seen lately, keyed by the strings' 16 bytes of representation, so
    /// the industries, regions and owners that repeat (almost all of them) are not hashed as
    /// `String`s (Unicode-aware, the encoder's largest cost) again and again. Equal bits are
    /// the same string: a small string's bytes are stored inline; a large one's bits name its
    /// immutable storage, alive in the snapshot while the chunk is encoded. A miss asks the
    /// ``Dictionary``, so the codes are exactly the ones it gives.
    struct RecentCodes {
        private static let size = 256
        private var keys = [(UInt64, UInt64)](repeating: (0, 0), count: size)
        private var codes = [UInt32](repeating: UInt32.max, count: size)

        @inline(__always) mutating func code(_ s: String, _ dictionary: inout Dictionary) -> UInt32 {
            let bits = unsafeBitCast(s, to: (UInt64, UInt64).self)
            let slot = Int(truncatingIfNeeded: ((bits.0 ^ bits.1.rotatedLeft19) &* 0x9E37_79B9_7F4A_7C15) >> 56)
            if codes[slot] != UInt32.max, keys[slot] == bits { return codes[slot] }
            let c = dictionary.code(s)
            keys[slot] = bits
            codes[slot] = c
            return c
        }
    }
}

extension UInt64 {
    fileprivate var rotatedLeft19: UInt64 { self << 19 | self >> 45 }
}
