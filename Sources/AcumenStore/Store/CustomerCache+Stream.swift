import AcumenCore

/// The customers' cache written piece by piece into a staged file (``AtomicFile/Staged``): the
/// same bytes as ``CustomerCache/encodeInParallel(key:customers:headerExtra:)`` (a test holds
/// them equal), section by section, each section's pieces made a batch of chunks at a time on
/// all cores, so a save holds a few MB of it instead of the whole 131 MB at a million customers.
extension CustomerCache {
    /// Writes the cache to `staged` and fingerprints it on the way.
    /// - Returns: false when the customers do not fit the cache's 32-bit offsets (nothing useful
    ///   was written: the caller abandons the file).
    static func write(key: Key, customers: CustomerList, headerExtra: [String: JSONValue], to staged: AtomicFile.Staged) throws(IOFailure) -> Bool {
        let n = customers.count
        let sizes = chunkSizes(customers)
        var stringBase = [0], byteBase = [0]
        for z in sizes {
            stringBase.append(stringBase[stringBase.count - 1] + z.strings)
            byteBase.append(byteBase[byteBase.count - 1] + z.bytes)
        }
        let s = stringBase[stringBase.count - 1], b = byteBase[byteBase.count - 1]
        let v = sizes.reduce(0) { $0 + $1.values }
        guard b < Int(UInt32.max), s < Int(UInt32.max), n < Int(UInt32.max) else { return false }
        let m = sizes.reduce(0) { $0 + $1.detailPositions.count }, d = sizes.reduce(0) { $0 + $1.details.count }
        let header = Array(JSONWriter.compact(.object(headerExtra)).utf8)
        // Everything after the magic and before the trailer is fingerprinted.
        let hashed = 8 * 6 + header.count + 8 * 7 + 4 * (n + 1) + 4 * s + b + 2 * n + 8 * v + 8 * n + 4 * m + d
        var stream = FingerprintStream(total: hashed)
        var start: [UInt8] = []
        func word(_ w: UInt64) { withUnsafeBytes(of: w.littleEndian) { start += $0 } }
        word(magic)
        try staged.append(start)
        start = []
        word(UInt64(bitPattern: key.size)); word(UInt64(bitPattern: key.modifiedNanoseconds)); word(key.inode)
        word(UInt64(bitPattern: key.changedNanoseconds)); word(key.contentHash)
        word(UInt64(header.count)); start += header
        for c in [n, s, b, Criterion.rated.count, v, m, d] { word(UInt64(c)) }
        withUnsafeBytes(of: UInt32(0)) { start += $0 }
        func emit(_ bytes: [UInt8]) throws(IOFailure) {
            stream.add(bytes)
            try staged.append(bytes)
        }
        try emit(start)
        for section in 0..<6 {
            var next = 0
            while next < customers.chunkCount {
                let batch = min(8 * Parallel.cores, customers.chunkCount - next), from = next
                let pieces = Parallel.map(batch) { p in
                    piece(section, customers.chunk(from + p), strings: stringBase[from + p], bytes: byteBase[from + p])
                }
                for piece in pieces { try emit(piece) }
                next += batch
            }
        }
        var tail: [UInt8] = []
        for z in sizes { for p in z.detailPositions { withUnsafeBytes(of: p) { tail += $0 } } }
        for z in sizes { tail += z.details }
        try emit(tail)
        guard let hash = stream.finish() else { return false }
        try staged.append(withUnsafeBytes(of: hash.littleEndian) { Array($0) })
        return true
    }

    /// One chunk's part of column `section` (0 first string of each customer, 1 end of each
    /// string, 2 the strings' bytes, 3 known-ratings masks, 4 known ratings, 5 costs), given
    /// the strings and string bytes of the chunks before it.
    private static func piece(_ section: Int, _ chunk: [Customer], strings: Int, bytes: Int) -> [UInt8] {
        var out: [UInt8] = []
        var strings = strings, bytes = bytes
        func put<T>(_ v: T) { withUnsafeBytes(of: v) { out += $0 } }
        for c in chunk {
            switch section {
            case 0:
                strings += fixedStrings + c.tags.count
                put(UInt32(truncatingIfNeeded: strings))
            case 1:
                for t in [c.id, c.name, c.industry, c.region, c.owner] + c.tags {
                    bytes += t.utf8.count
                    put(UInt32(truncatingIfNeeded: bytes))
                }
            case 2:
                for t in [c.id, c.name, c.industry, c.region, c.owner] + c.tags { out += t.utf8 }
            case 3:
                put(c.ratings.knownMask)
            case 4:
                let mask = c.ratings.knownMask
                for r in 0..<Criterion.rated.count where mask & (1 << r) != 0 { put(c.ratings.value(atRatedIndex: r) ?? 0) }
            default:
                put(c.costToServe.minor)
            }
        }
        return out
    }
}
