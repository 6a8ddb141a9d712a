@testable import AcumenCore
@testable import AcumenStore

/// The customers' cache encoded in one pass, as before it was encoded chunk by chunk on all
/// cores: the reference ``SaveParallelTests`` compares the parallel encoder with, byte for byte.
extension CustomerCache {
    /// The one-pass encoder the parallel one replaced.
    static func encodeSerial(key: Key, customers: CustomerList, headerExtra: [String: JSONValue], index: CustomerIndex? = nil) -> [UInt8]? {
        let n = customers.count
        guard n < Int(Int32.max) else { return nil }
        var firstString: [UInt32] = [0]
        firstString.reserveCapacity(n + 1)
        var stringEnd: [UInt32] = []
        stringEnd.reserveCapacity(n * fixedStrings)
        var strings: [UInt8] = []
        strings.reserveCapacity(n * 32)
        var dictionary = Dictionary()
        var codes: [UInt32] = []
        codes.reserveCapacity(3 * n)
        var known: [UInt16] = [], thousandths: [UInt16] = [], cost: [Int64] = []
        known.reserveCapacity(n); thousandths.reserveCapacity(n * 5); cost.reserveCapacity(n)
        var detailPositions: [UInt32] = [], detailStarts: [UInt64] = [0], details: [UInt8] = []
        for k in 0..<n {
            func add(_ s: String) {
                strings += s.utf8
                stringEnd.append(UInt32(truncatingIfNeeded: strings.count))
            }
            add(customers[k].id); add(customers[k].name)
            for t in customers[k].tags { add(t) }
            firstString.append(UInt32(truncatingIfNeeded: stringEnd.count))
            codes.append(dictionary.code(customers[k].industry))
            codes.append(dictionary.code(customers[k].region))
            codes.append(dictionary.code(customers[k].owner))
            let ratings = customers[k].ratings
            let mask = ratings.knownMask
            known.append(mask)
            let lanes = ratings.fixedPointLanes ?? SIMD16<UInt16>()
            var bits = mask
            while bits != 0 {
                thousandths.append(lanes[bits.trailingZeroBitCount])
                bits &= bits - 1
            }
            cost.append(customers[k].costToServe.minor)
            let exactRatings = ratings.fixedPointLanes == nil && mask != 0
            if !customers[k].isPlain || exactRatings {
                detailPositions.append(UInt32(k))
                DetailRecord.append(customers[k], exactRatings: exactRatings, to: &details)
                detailStarts.append(UInt64(details.count))
            }
        }
        guard strings.count < Int(UInt32.max), stringEnd.count < Int(UInt32.max), dictionary.bytes.count < Int(UInt32.max) else { return nil }
        guard let slots = probeSlots(customers, index: index) else { return nil }
        return layout(key: key, n: n, headerExtra: headerExtra, firstString: firstString, stringEnd: stringEnd, strings: strings,
                      dictionary: dictionary, codes: codes, known: known, thousandths: thousandths, cost: cost, slots: slots,
                      detailPositions: detailPositions, detailStarts: detailStarts, details: details)
    }

    /// Appends little-endian words and padded sections to a byte buffer.
    struct Output {
        var bytes: [UInt8] = []

        mutating func word(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }

        /// Zero bytes up to the next multiple of 8.
        mutating func pad() { while bytes.count % 8 != 0 { bytes.append(0) } }

        /// A column's elements as stored in memory (little endian on every supported machine), padded.
        mutating func column<T>(_ a: [T]) {
            a.withUnsafeBytes { bytes += $0 }
            pad()
        }

        mutating func raw(_ b: [UInt8]) {
            bytes += b
            pad()
        }
    }


    /// The file's bytes from its columns (the trailer and, without a key, the key left zero).
    static func layout(key: Key?, n: Int, headerExtra: [String: JSONValue], firstString: [UInt32], stringEnd: [UInt32],
                       strings: [UInt8], dictionary: Dictionary, codes: [UInt32], known: [UInt16], thousandths: [UInt16],
                       cost: [Int64], slots: [Int32], detailPositions: [UInt32], detailStarts: [UInt64], details: [UInt8]) -> [UInt8] {
        let header = Array(JSONWriter.compact(.object(headerExtra)).utf8)
        var out = Output()
        out.bytes.reserveCapacity(256 + header.count + n * 30 + stringEnd.count * 4 + strings.count + thousandths.count * 2
                                  + slots.count * 4 + details.count + detailStarts.count * 12)
        out.word(magic)
        for w in key.map(keyWords) ?? [0, 0, 0, 0, 0] { out.word(w) }
        out.word(UInt64(header.count)); out.raw(header)
        for count in [n, stringEnd.count, strings.count, Criterion.rated.count, thousandths.count, dictionary.ends.count,
                      dictionary.bytes.count, slots.count, detailPositions.count, details.count] { out.word(UInt64(count)) }
        out.column(firstString); out.column(stringEnd); out.raw(strings)
        out.column(codes); out.column(dictionary.ends); out.raw(dictionary.bytes)
        out.column(known); out.column(thousandths); out.column(cost); out.column(slots)
        out.column(detailPositions); out.column(detailStarts); out.raw(details)
        let hash = key == nil ? 0 : out.bytes.withUnsafeBytes { bodyHash(UnsafeRawBufferPointer(rebasing: $0[8...])) }
        out.word(hash)
        return out.bytes
    }
}
