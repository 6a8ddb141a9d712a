import AcumenCore

/// Writing a customer cache: the dictionary of industries, regions and owners, the id index's
/// probe table, sealing, and replacing the file (the columns: ``writeUnsealed``).
extension CustomerCache {
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
    /// the columns encoded chunk by chunk on all cores and laid out section by section
    /// (``Sections``), then sealed.
    static func encode(key: Key, customers: CustomerList, headerExtra: [String: JSONValue], index: CustomerIndex? = nil) -> [UInt8]? {
        guard var bytes = encodeUnsealed(customers: customers, headerExtra: headerExtra, index: index) else { return nil }
        seal(&bytes, key: key)
        return bytes
    }

    /// The cache's bytes with the key and the trailer left zero (``seal(_:key:)`` fills them in).
    static func encodeUnsealed(customers: CustomerList, headerExtra: [String: JSONValue], index: CustomerIndex?) -> [UInt8]? {
        guard var sections = Sections(customers: customers, index: index) else { return nil }
        var bytes: [UInt8] = []
        // Appending to memory never fails.
        _ = try? sections.write(key: nil, headerExtra: headerExtra) { raw throws(IOFailure) in bytes.append(contentsOf: raw) }
        return bytes
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
}
