import AcumenCore

/// The customers' cache encoded on all cores: each chunk of ``CustomerList`` becomes a
/// ``Part`` on its own (string offsets relative to the chunk, industry/region/owner codes into
/// the chunk's own dictionary), then the parts are joined in order — offsets shifted, codes
/// mapped to one dictionary whose strings are numbered in order of first use exactly as one
/// pass over the customers numbers them — so the bytes equal a one-pass encoder's
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

    /// The parts joined into the cache's columns (see ``CustomerCache``'s layout).
    struct Joined {
        var firstString: [UInt32], stringEnd: [UInt32], strings: [UInt8], dictionary: Dictionary, codes: [UInt32]
        var known: [UInt16], thousandths: [UInt16], cost: [Int64]
        var detailPositions: [UInt32], detailStarts: [UInt64], details: [UInt8]

        /// Joins `parts` in order; nil when the strings do not fit 32-bit offsets.
        init?(_ parts: [Part]) {
            // Where each part's entries start in the joined columns.
            var stringBase = [0], byteBase = [0], thousandthBase = [0], detailBase = [0], detailByteBase = [0], customerBase = [0]
            var dictionary = Dictionary()
            var maps: [[UInt32]] = []
            for p in parts {
                stringBase.append(stringBase[stringBase.count - 1] + p.stringEnd.count)
                byteBase.append(byteBase[byteBase.count - 1] + p.strings.count)
                thousandthBase.append(thousandthBase[thousandthBase.count - 1] + p.thousandths.count)
                detailBase.append(detailBase[detailBase.count - 1] + p.detailPositions.count)
                detailByteBase.append(detailByteBase[detailByteBase.count - 1] + p.details.count)
                customerBase.append(customerBase[customerBase.count - 1] + p.known.count)
                maps.append(p.dictionary.strings.map { dictionary.code($0) })
            }
            guard let strings = byteBase.last, let stringCount = stringBase.last, strings < Int(UInt32.max),
                  stringCount < Int(UInt32.max), dictionary.bytes.count < Int(UInt32.max),
                  let n = customerBase.last, let values = thousandthBase.last, let detailCount = detailBase.last,
                  let detailBytes = detailByteBase.last else { return nil }
            self.dictionary = dictionary
            /// Fills a joined column part by part on all cores.
            func join<T>(_ count: Int, _ lead: T?, _ base: [Int], _ fill: (Int, UnsafeMutablePointer<T>) -> Void) -> [T] {
                let offset = lead == nil ? 0 : 1
                return [T](unsafeUninitializedCapacity: count + offset) { buffer, filled in
                    guard let start = buffer.baseAddress else { filled = 0; return }
                    if let lead { start.initialize(to: lead) }
                    _ = Parallel.map(parts.count) { k in fill(k, start + offset + base[k]) }
                    filled = count + offset
                }
            }
            firstString = join(n, 0, customerBase) { k, to in
                let shift = UInt32(truncatingIfNeeded: stringBase[k])
                for (j, v) in parts[k].firstString.enumerated() { (to + j).initialize(to: v + shift) }
            }
            stringEnd = join(stringCount, nil, stringBase) { k, to in
                let shift = UInt32(truncatingIfNeeded: byteBase[k])
                for (j, v) in parts[k].stringEnd.enumerated() { (to + j).initialize(to: v + shift) }
            }
            self.strings = join(strings, nil, byteBase) { k, to in Self.copy(parts[k].strings, to) }
            codes = join(3 * n, nil, customerBase.map { 3 * $0 }) { k, to in
                let map = maps[k]
                for (j, v) in parts[k].codes.enumerated() { (to + j).initialize(to: map[Int(v)]) }
            }
            known = join(n, nil, customerBase) { k, to in Self.copy(parts[k].known, to) }
            thousandths = join(values, nil, thousandthBase) { k, to in Self.copy(parts[k].thousandths, to) }
            cost = join(n, nil, customerBase) { k, to in Self.copy(parts[k].cost, to) }
            detailPositions = join(detailCount, nil, detailBase) { k, to in Self.copy(parts[k].detailPositions, to) }
            detailStarts = join(detailCount, 0, detailBase) { k, to in
                let shift = UInt64(detailByteBase[k])
                for (j, v) in parts[k].detailEnds.enumerated() { (to + j).initialize(to: v + shift) }
            }
            details = join(detailBytes, nil, detailByteBase) { k, to in Self.copy(parts[k].details, to) }
        }

        private static func copy<T>(_ a: [T], _ to: UnsafeMutablePointer<T>) {
            a.withUnsafeBufferPointer { b in if let s = b.baseAddress { to.initialize(from: s, count: b.count) } }
        }
    }
}

extension UInt64 {
    fileprivate var rotatedLeft19: UInt64 { self << 19 | self >> 45 }
}
