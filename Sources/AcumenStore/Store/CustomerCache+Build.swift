import AcumenCore

extension CustomerCache {
    /// Builds the customers of one chunk from a cache's columns, each checked and initialised
    /// in place: its strings are created once and moved into the customer, nothing is copied.
    struct ChunkBuilder {
        let col: Columns
        let details: Details
        /// The next rating in `col.thousandths`.
        var next: Int
        /// The next detail record to apply.
        var record: Int
        /// Σ cost to serve of the customers built so far (minor units).
        private(set) var costs: UInt64 = 0
        /// The ids built so far, each id's UTF-8 and a 0 byte (``TransactionCache/idsHash(_:)``).
        private(set) var idBytes: [UInt8] = []
        /// Constants read once per chunk rather than through their global accessors per customer.
        private let outside = CustomerCache.outsideMask, bound = UInt64(MoneyBounds.workspaceLimitMinor)

        init(col: Columns, details: Details, next: Int, record: Int) {
            self.col = col; self.details = details; self.next = next; self.record = record
            idBytes.reserveCapacity(CustomerList.chunkSize * 12)
        }

        /// The fingerprint of this chunk's ids, as ``TransactionCache/idsHash(_:)`` computes it.
        var idsFingerprint: UInt64 { Checksum.fingerprint(idBytes) }

        /// String `j` of the string columns; nil when its offsets are out of order or range.
        @inline(__always)
        func string(_ j: Int) -> String? {
            let start = j == 0 ? 0 : Int(col.stringEnd[j - 1]), end = Int(col.stringEnd[j])
            guard start <= end, end <= col.strings.count else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: col.strings[start..<end]), as: UTF8.self)
        }

        /// Initialises customer `k` at `slot`; false (`slot` left uninitialised) when a value is
        /// out of range or its detail record is malformed.
        mutating func build(_ k: Int, into slot: UnsafeMutablePointer<Customer>) -> Bool {
            let s = col.stringEnd.count, t = UInt32(col.dictionary.count)
            let s0 = Int(col.firstString[k]), s1 = Int(col.firstString[k + 1])
            let i0 = col.codes[3 * k], i1 = col.codes[3 * k + 1], i2 = col.codes[3 * k + 2]
            let mask = col.known[k], cost = col.cost[k]
            guard s0 + fixedStrings <= s1, s1 <= s, i0 < t, i1 < t, i2 < t, mask & outside == 0, cost >= 0,
                  let id = string(s0), let name = string(s0 + 1) else { return false }
            idBytes.append(contentsOf: UnsafeBufferPointer(rebasing: col.strings[(s0 == 0 ? 0 : Int(col.stringEnd[s0 - 1]))..<Int(col.stringEnd[s0])]))
            idBytes.append(0)
            costs += UInt64(cost)  // ≤ 10^18 + 2^63: no overflow
            guard costs <= bound else { return false }
            var tags: [String] = []
            if s1 > s0 + fixedStrings {
                tags.reserveCapacity(s1 - s0 - fixedStrings)
                for j in (s0 + fixedStrings)..<s1 {
                    guard let tag = string(j) else { return false }
                    tags.append(tag)
                }
            }
            var ratings = Ratings()
            if mask != 0 {
                var lanes = SIMD16<UInt16>()
                var bits = mask
                while bits != 0 {
                    guard next < col.thousandths.count else { return false }
                    let value = col.thousandths[next]
                    guard value <= 10_000 else { return false }
                    lanes[bits.trailingZeroBitCount] = value
                    next += 1
                    bits &= bits - 1
                }
                ratings = Ratings(knownMask: mask, thousandths: lanes)
            }
            Customer.initialize(slot, id: id, name: name, industry: col.dictionary[Int(i0)], region: col.dictionary[Int(i1)],
                                owner: col.dictionary[Int(i2)], tags: tags, ratings: ratings, costToServe: Money(minor: cost))
            if record < details.positions.count, Int(details.positions[record]) == k {
                guard DetailRecord.apply(details.record(record), to: &slot.pointee) else {
                    slot.deinitialize(count: 1)
                    return false
                }
                record += 1
            }
            return true
        }
    }
}
