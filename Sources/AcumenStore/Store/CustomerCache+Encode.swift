import AcumenCore

/// The customers' cache encoded on all cores: the same bytes as ``CustomerCache/encode(key:customers:headerExtra:)``
/// (a test holds the two equal), computed chunk by chunk of the ``CustomerList`` into one
/// buffer of the exact size — a first pass sizes each chunk's pieces, a second writes them at
/// their offsets side by side.
extension CustomerCache {
    /// What one chunk of customers adds to each column.
    struct ChunkSizes {
        var strings = 0
        var bytes = 0
        var values = 0
        var detailPositions: [UInt32] = []
        var details: [UInt8] = []
    }

    /// The cache's bytes, or nil when the customers do not fit its 32-bit offsets.
    static func encodeInParallel(key: Key, customers: CustomerList, headerExtra: [String: JSONValue]) -> [UInt8]? {
        let n = customers.count
        let rated = Criterion.rated.count
        let size = CustomerList.chunkSize
        let sizes = chunkSizes(customers)
        var stringBase = [0], byteBase = [0], valueBase = [0]
        for z in sizes {
            stringBase.append(stringBase[stringBase.count - 1] + z.strings)
            byteBase.append(byteBase[byteBase.count - 1] + z.bytes)
            valueBase.append(valueBase[valueBase.count - 1] + z.values)
        }
        let s = stringBase[stringBase.count - 1], b = byteBase[byteBase.count - 1], v = valueBase[valueBase.count - 1]
        guard b < Int(UInt32.max), s < Int(UInt32.max), n < Int(UInt32.max) else { return nil }
        let m = sizes.reduce(0) { $0 + $1.detailPositions.count }, d = sizes.reduce(0) { $0 + $1.details.count }
        let header = Array(JSONWriter.compact(.object(headerExtra)).utf8)
        // Section offsets, in file order.
        let firstStringAt = 8 * 7 + header.count + 8 * 7
        let stringEndAt = firstStringAt + 4 * (n + 1)
        let stringsAt = stringEndAt + 4 * s
        let knownAt = stringsAt + b
        let valuesAt = knownAt + 2 * n
        let costAt = valuesAt + 8 * v
        let positionsAt = costAt + 8 * n
        let detailsAt = positionsAt + 4 * m
        let total = detailsAt + d + 8
        return [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var at = 0
            func word(_ w: UInt64) { raw.storeBytes(of: w.littleEndian, toByteOffset: at, as: UInt64.self); at += 8 }
            word(magic)
            word(UInt64(bitPattern: key.size)); word(UInt64(bitPattern: key.modifiedNanoseconds)); word(key.inode)
            word(UInt64(bitPattern: key.changedNanoseconds)); word(key.contentHash)
            word(UInt64(header.count))
            header.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: raw[at..<(at + header.count)]).copyMemory(from: $0) }
            at += header.count
            for c in [n, s, b, rated, v, m, d] { word(UInt64(c)) }
            raw.storeBytes(of: UInt32(0), toByteOffset: firstStringAt, as: UInt32.self)
            _ = Parallel.map(customers.chunkCount) { j -> Bool in
                var strings = stringBase[j], bytes = byteBase[j], value = valueBase[j]
                func put(_ text: String) {
                    var text = text
                    text.withUTF8 { utf8 in
                        if let from = utf8.baseAddress, let to = raw.baseAddress, !utf8.isEmpty {
                            (to + stringsAt + bytes).copyMemory(from: from, byteCount: utf8.count)
                        }
                        bytes += utf8.count
                    }
                    raw.storeBytes(of: UInt32(truncatingIfNeeded: bytes), toByteOffset: stringEndAt + 4 * strings, as: UInt32.self)
                    strings += 1
                }
                for (i, c) in customers.chunk(j).enumerated() {
                    let k = j * size + i
                    put(c.id); put(c.name); put(c.industry); put(c.region); put(c.owner)
                    for t in c.tags { put(t) }
                    raw.storeBytes(of: UInt32(truncatingIfNeeded: strings), toByteOffset: firstStringAt + 4 * (k + 1), as: UInt32.self)
                    let mask = c.ratings.knownMask
                    raw.storeBytes(of: mask, toByteOffset: knownAt + 2 * k, as: UInt16.self)
                    for r in 0..<rated where mask & (1 << r) != 0 {
                        raw.storeBytes(of: c.ratings.value(atRatedIndex: r) ?? 0, toByteOffset: valuesAt + 8 * value, as: Double.self)
                        value += 1
                    }
                    raw.storeBytes(of: c.costToServe.minor, toByteOffset: costAt + 8 * k, as: Int64.self)
                }
                return true
            }
            at = positionsAt
            for z in sizes {
                for p in z.detailPositions { raw.storeBytes(of: p, toByteOffset: at, as: UInt32.self); at += 4 }
            }
            for z in sizes {
                z.details.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: raw[at..<(at + z.details.count)]).copyMemory(from: $0) }
                at += z.details.count
            }
            let hash = Checksum.fingerprint(UnsafeRawBufferPointer(rebasing: raw[8..<at]))
            word(hash)
            count = at
        }
    }

    /// What each chunk of `customers` adds to the columns (on all cores).
    static func chunkSizes(_ customers: CustomerList) -> [ChunkSizes] {
        let size = CustomerList.chunkSize
        return Parallel.map(customers.chunkCount) { j -> ChunkSizes in
            var z = ChunkSizes()
            for (i, c) in customers.chunk(j).enumerated() {
                z.strings += fixedStrings + c.tags.count
                z.bytes += c.id.utf8.count + c.name.utf8.count + c.industry.utf8.count + c.region.utf8.count + c.owner.utf8.count
                for t in c.tags { z.bytes += t.utf8.count }
                z.values += c.ratings.knownMask.nonzeroBitCount
                if !c.isPlain {
                    z.detailPositions.append(UInt32(truncatingIfNeeded: j * size + i))
                    CustomerLineWriter.append(c, to: &z.details)
                }
            }
            return z
        }
    }
}
