import AcumenCore
#if canImport(Glibc)
import Glibc
#endif

/// The customers' cache written section by section, in the file's order, from the chunks'
/// ``Part``s (``Sections``) to a sink in pieces of about 1 MiB: each section is the parts'
/// pieces one after another (offsets shifted, industry/region/owner codes mapped to one
/// dictionary numbered in order of first use), and each part's piece is freed once written.
/// So the cache never exists whole in memory beside its parts: a save streams it into its
/// temporary file with the parts (~70 MB at a million customers) as its only large memory,
/// where joining the parts and then laying them out held three copies (~230 MB). The bytes are
/// those of the one-pass encoder (`ReferenceCustomerCacheEncoder` in the tests, compared in
/// `SaveParallelTests`).
extension CustomerCache {
    /// Bytes gathered before they go to the sink.
    static let sectionPiece = 1 << 20

    /// Appends words, columns and padding to a sink through a buffer of ``sectionPiece`` bytes.
    struct SectionWriter {
        private var buffer: [UInt8] = []
        private let sink: (UnsafeRawBufferPointer) throws(IOFailure) -> Void
        /// Bytes written so far (sent or buffered).
        private(set) var count = 0

        init(sink: @escaping (UnsafeRawBufferPointer) throws(IOFailure) -> Void) {
            self.sink = sink
            buffer.reserveCapacity(sectionPiece)
        }

        mutating func raw(_ bytes: UnsafeRawBufferPointer) throws(IOFailure) {
            if buffer.count + bytes.count > sectionPiece { try flush() }
            if bytes.count >= sectionPiece { try sink(bytes) } else { buffer.append(contentsOf: bytes) }
            count += bytes.count
        }

        mutating func word(_ v: UInt64) throws(IOFailure) {
            var le = v.littleEndian
            let result = withUnsafeBytes(of: &le) { b in Result { () throws(IOFailure) in try raw(b) } }
            try result.get()
        }

        /// The elements of `a` as stored in memory (little endian on every supported machine).
        mutating func elements<T>(_ a: [T]) throws(IOFailure) {
            let result = a.withUnsafeBytes { b in Result { () throws(IOFailure) in try raw(b) } }
            try result.get()
        }

        /// `a`'s elements each changed by `transform`, a piece at a time.
        mutating func elements<T, U>(_ a: [T], _ transform: (T) -> U) throws(IOFailure) {
            let step = Swift.max(1, sectionPiece / Swift.max(1, MemoryLayout<U>.stride))
            var from = 0
            while from < a.count {
                let to = Swift.min(a.count, from + step)
                try elements(a[from..<to].map(transform))
                from = to
            }
        }

        /// Zero bytes up to the next multiple of 8.
        mutating func pad() throws(IOFailure) {
            let zeros = (8 - count % 8) % 8
            if zeros > 0 { try elements([UInt8](repeating: 0, count: zeros)) }
        }

        /// Sends what is buffered.
        mutating func flush() throws(IOFailure) {
            guard !buffer.isEmpty else { return }
            let result = buffer.withUnsafeBytes { b in Result { () throws(IOFailure) in try sink(b) } }
            try result.get()
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// The cache of some customers ready to be written: the chunks' ``Part``s (encoded on all
    /// cores), where each part's entries start in the joined columns, its codes in one
    /// dictionary, and the id index's probe table. Written once (``write(key:headerExtra:to:)``
    /// frees each part's pieces as it goes).
    struct Sections {
        private var parts: [Part]
        private let n: Int
        private let stringBase: [Int], byteBase: [Int], detailByteBase: [Int]
        private let counts: (strings: Int, bytes: Int, thousandths: Int, details: Int, detailBytes: Int)
        private let dictionary: Dictionary
        private let maps: [[UInt32]]
        private let slots: [Int32]

        /// The parts of `customers`; nil when they do not fit the cache's 32-bit offsets or
        /// repeat an id.
        init?(customers: CustomerList, index: CustomerIndex?) {
            n = customers.count
            guard n < Int(Int32.max) else { return nil }
            parts = Parallel.map(customers.chunkCount) { Part(customers.chunk($0), first: $0 * CustomerList.chunkSize) }
            var stringBase = [0], byteBase = [0], detailByteBase = [0]
            var counts = (strings: 0, bytes: 0, thousandths: 0, details: 0, detailBytes: 0)
            var dictionary = Dictionary()
            var maps: [[UInt32]] = []
            maps.reserveCapacity(parts.count)
            for p in parts {
                counts.strings += p.stringEnd.count; counts.bytes += p.strings.count
                counts.thousandths += p.thousandths.count
                counts.details += p.detailPositions.count; counts.detailBytes += p.details.count
                stringBase.append(counts.strings); byteBase.append(counts.bytes); detailByteBase.append(counts.detailBytes)
                maps.append(p.dictionary.strings.map { dictionary.code($0) })
            }
            guard counts.bytes < Int(UInt32.max), counts.strings < Int(UInt32.max), dictionary.bytes.count < Int(UInt32.max),
                  let slots = probeSlots(customers, index: index) else { return nil }
            self.stringBase = stringBase; self.byteBase = byteBase; self.detailByteBase = detailByteBase
            self.counts = counts; self.dictionary = dictionary; self.maps = maps; self.slots = slots
        }

        /// Writes the cache to `sink` with `key` (zero when nil, for ``seal(_:key:)`` to fill in)
        /// and the trailer left zero.
        /// - Returns: the bytes written.
        mutating func write(key: Key?, headerExtra: [String: JSONValue],
                            to sink: @escaping (UnsafeRawBufferPointer) throws(IOFailure) -> Void) throws(IOFailure) -> Int {
            let header = Array(JSONWriter.compact(.object(headerExtra)).utf8)
            var out = SectionWriter(sink: sink)
            try out.word(magic)
            for w in key.map(keyWords) ?? [0, 0, 0, 0, 0] { try out.word(w) }
            try out.word(UInt64(header.count)); try out.elements(header); try out.pad()
            for c in [n, counts.strings, counts.bytes, Criterion.rated.count, counts.thousandths, dictionary.ends.count,
                      dictionary.bytes.count, slots.count, counts.details, counts.detailBytes] { try out.word(UInt64(c)) }
            // First string of each customer (n + 1 entries), then the string ends, then the strings.
            try out.elements([UInt32(0)])
            for k in parts.indices {
                let shift = UInt32(truncatingIfNeeded: stringBase[k])
                try out.elements(parts[k].firstString) { $0 + shift }
                parts[k].firstString = []
            }
            try out.pad()
            for k in parts.indices {
                let shift = UInt32(truncatingIfNeeded: byteBase[k])
                try out.elements(parts[k].stringEnd) { $0 + shift }
                parts[k].stringEnd = []
            }
            try out.pad()
            for k in parts.indices { try out.elements(parts[k].strings); parts[k].strings = [] }
            try out.pad()
            for k in parts.indices {
                let map = maps[k]
                try out.elements(parts[k].codes) { map[Int($0)] }
                parts[k].codes = []
            }
            try out.pad()
            try out.elements(dictionary.ends); try out.pad()
            try out.elements(dictionary.bytes); try out.pad()
            for k in parts.indices { try out.elements(parts[k].known); parts[k].known = [] }
            try out.pad()
            for k in parts.indices { try out.elements(parts[k].thousandths); parts[k].thousandths = [] }
            try out.pad()
            for k in parts.indices { try out.elements(parts[k].cost); parts[k].cost = [] }
            try out.pad()
            try out.elements(slots); try out.pad()
            for k in parts.indices { try out.elements(parts[k].detailPositions) }
            try out.pad()
            // Where each record starts (m + 1 entries), then the records.
            try out.elements([UInt64(0)])
            for k in parts.indices {
                let shift = UInt64(detailByteBase[k])
                try out.elements(parts[k].detailEnds) { $0 + shift }
            }
            try out.pad()
            for k in parts.indices { try out.elements(parts[k].details) }
            try out.pad()
            try out.word(0)  // the trailer, written when sealed
            try out.flush()
            parts = []
            return out.count
        }
    }
}

extension CustomerCache {
    /// Writes the cache of a saved `customers.jsonl` into place without holding it whole in
    /// memory: its ``Sections`` (encoded beside the file's fsync) streamed with the file's key
    /// into a temporary file beside the cache, the trailer's fingerprint read back from the
    /// page cache part by part on all cores (as ``bodyHash(_:)`` computes it) and written at
    /// the end, then fsync, rename over the old cache, fsync of the folder. Failures only drop
    /// the new cache: it is an accelerator, and the old one no longer matches the new file.
    static func store(_ sections: inout Sections, key: Key, headerExtra: [String: JSONValue], folder: String, fs: any FileSystem) {
        let dir = folder + "/" + TransactionCache.folderName
        if mkdir(dir, 0o777) != 0 && errno != EEXIST { return }
        guard let staged = try? AtomicFile(fs: fs).begin(path(folder)) else { return }
        let size: Int
        do {
            size = try sections.write(key: key, headerExtra: headerExtra) { raw throws(IOFailure) in try staged.append(raw) }
        } catch {
            staged.abandon()
            return
        }
        let body = size - 16
        let hashes = Parallel.map(hashParts) { k -> UInt64? in
            let from = 8 + body * k / hashParts, to = 8 + body * (k + 1) / hashParts
            return try? staged.fingerprint(from: from, count: to - from)
        }.compactMap { $0 }
        let trailer = [hashes.withUnsafeBytes { Checksum.fingerprint($0) }.littleEndian]
        guard hashes.count == hashParts, trailer.withUnsafeBytes({ raw in (try? staged.write(raw, at: size - 8)) != nil }) else {
            staged.abandon()
            return
        }
        // A failed commit has cleaned up after itself (the temporary file removed, or the cache
        // in place when only the folder's fsync failed).
        guard (try? staged.commit()) != nil else { return }
        _ = unlink(dir + "/" + oldFileName)
        let ignore = dir + "/.gitignore"
        if (try? fs.status(ignore)) == nil { try? AtomicFile(fs: fs).replace(ignore, with: Array("*\n".utf8)) }
    }
}
