import AcumenCore
#if canImport(Glibc)
import Glibc
#endif

/// Writing a customer cache: the columns, the dictionary of industries, regions and owners,
/// the id index's probe table and the binary records of customers with details.
extension CustomerCache {
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

    /// Distinct strings with a code each, in order of first use.
    struct Dictionary {
        var codes: [String: UInt32] = [:]
        var ends: [UInt32] = []
        var bytes: [UInt8] = []
        /// The strings in code order.
        var strings: [String] = []

        mutating func code(_ s: String) -> UInt32 {
            if let c = codes[s] { return c }
            let c = UInt32(truncatingIfNeeded: ends.count)
            bytes += s.utf8
            ends.append(UInt32(truncatingIfNeeded: bytes.count))
            codes[s] = c
            strings.append(s)
            return c
        }
    }

    /// The cache's bytes, or nil when the customers do not fit its 32-bit offsets or repeat an id:
    /// the columns encoded chunk by chunk on all cores (``Part``, ``Joined``), then sealed.
    static func encode(key: Key, customers: CustomerList, headerExtra: [String: JSONValue], index: CustomerIndex? = nil) -> [UInt8]? {
        guard var bytes = encodeUnsealed(customers: customers, headerExtra: headerExtra, index: index) else { return nil }
        seal(&bytes, key: key)
        return bytes
    }

    /// The cache's bytes with the key and the trailer left zero (``seal(_:key:)`` fills them in
    /// once the source file's status and fingerprint are known), so the columns can be encoded
    /// while the source file is still being written.
    static func encodeUnsealed(customers: CustomerList, headerExtra: [String: JSONValue], index: CustomerIndex?) -> [UInt8]? {
        let n = customers.count
        guard n < Int(Int32.max) else { return nil }
        let parts = Parallel.map(customers.chunkCount) { Part(customers.chunk($0), first: $0 * CustomerList.chunkSize) }
        guard let j = Joined(parts), let slots = probeSlots(customers, index: index) else { return nil }
        return layout(key: nil, n: n, headerExtra: headerExtra, firstString: j.firstString, stringEnd: j.stringEnd,
                      strings: j.strings, dictionary: j.dictionary, codes: j.codes, known: j.known, thousandths: j.thousandths,
                      cost: j.cost, slots: slots, detailPositions: j.detailPositions, detailStarts: j.detailStarts, details: j.details)
    }

    /// Writes `key` into an unsealed cache and its trailer: the fingerprint of every byte after
    /// the magic (``bodyHash(_:)``).
    static func seal(_ bytes: inout [UInt8], key: Key) {
        let words = keyWords(key)
        bytes.withUnsafeMutableBytes { raw in
            for (k, w) in words.enumerated() { raw.storeBytes(of: w.littleEndian, toByteOffset: 8 + 8 * k, as: UInt64.self) }
            let hash = bodyHash(UnsafeRawBufferPointer(rebasing: raw[8..<(raw.count - 8)]))
            raw.storeBytes(of: hash.littleEndian, toByteOffset: raw.count - 8, as: UInt64.self)
        }
    }

    /// The key as the file stores it: size, mtime, inode, ctime, content fingerprint.
    static func keyWords(_ key: Key) -> [UInt64] {
        [UInt64(bitPattern: key.size), UInt64(bitPattern: key.modifiedNanoseconds), key.inode,
         UInt64(bitPattern: key.changedNanoseconds), key.contentHash]
    }

    /// The id index's probe table: the caller's index of these customers when it has one, else built.
    static func probeSlots(_ customers: CustomerList, index: CustomerIndex?) -> [Int32]? {
        let ids = (0..<customers.count).map { customers[$0].id }
        if let index, index.count == ids.count, let rebuilt = CustomerIndex(ids: ids, slots: index.slots) { return rebuilt.slots }
        let (built, duplicates) = CustomerIndex.build(ids)
        return duplicates.isEmpty ? built.slots : nil
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

    /// Replaces the cache file with sealed `bytes` crash-safely (temporary file, fsync,
    /// rename, fsync of the folder); failures are ignored, the cache is only an accelerator.
    static func write(folder: String, bytes: [UInt8], fs: any FileSystem) {
        let dir = folder + "/" + TransactionCache.folderName
        if mkdir(dir, 0o777) != 0 && errno != EEXIST { return }
        try? AtomicFile(fs: fs).replace(path(folder), with: bytes)
        _ = unlink(dir + "/" + oldFileName)
        let ignore = dir + "/.gitignore"
        if (try? fs.status(ignore)) == nil { try? AtomicFile(fs: fs).replace(ignore, with: Array("*\n".utf8)) }
    }
}
