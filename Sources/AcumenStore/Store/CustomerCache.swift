import AcumenCore
#if canImport(Glibc)
import Glibc
#endif

/// A columnar binary copy of `customers.jsonl`, so a large workspace opens without decoding
/// JSON: `.acumen-cache/customers-v1.bin` inside the workspace, read through `mmap`.
///
/// Valid only for the exact source file: its size, modification and status-change times (ns)
/// and inode must match the ones recorded when the cache was built (the status-change time,
/// which no program can set back, catches a same-size rewrite that restored the mtime), and
/// a fingerprint of the cache's own bytes must match its trailer, so a truncated, flipped or
/// foreign cache is never trusted. A cache that fails any check is ignored and rebuilt; the
/// JSON Lines file is always the truth. Layout (little endian, docs/format.md):
///
/// - magic `ACUMCUC1`; key: size, mtime, inode, ctime, content fingerprint of the source file;
/// - the header line's members as compact JSON (length, bytes);
/// - counts: customers `n`, strings `s`, string bytes `b`, rated criteria, rating values `v`,
///   customers with details `m`, details bytes `d`;
/// - columns: first string of each customer `UInt32 × (n+1)` (id, name, industry, region,
///   owner, then the tags), end offset of each string `UInt32 × s`, the strings' UTF-8 `b`
///   bytes back to back, the known-ratings mask `UInt16 × n`, the known ratings `Double × v`
///   in customer and ``Criterion/rated`` order, cost to serve in minor units `Int64 × n`;
/// - customers with notes, overrides, review, history or unknown fields: their positions
///   `UInt32 × m` and their `customers.jsonl` lines (`d` bytes), decoded strictly on load;
/// - trailer: the fingerprint of every byte after the magic.
///
/// - Complexity: load is O(n + b): one pass over the mapped columns, on all cores.
enum CustomerCache {
    static let fileName = "customers-v1.bin"
    static let magic: UInt64 = 0x3143_5543_4D55_4341  // "ACUMCUC1"
    /// Strings a customer always has: id, name, industry, region, owner.
    static let fixedStrings = 5

    /// What a cache must match: the source file as it was read.
    struct Key: Equatable {
        var size: Int64
        var modifiedNanoseconds: Int64
        var inode: UInt64
        var changedNanoseconds: Int64
        var contentHash: UInt64

        init(_ st: FileStatus, contentHash: UInt64) {
            size = st.size; modifiedNanoseconds = st.modifiedNanoseconds; inode = st.inode
            changedNanoseconds = st.changedNanoseconds; self.contentHash = contentHash
        }

        /// True when `st` describes the file this key was made from.
        func matches(_ st: FileStatus) -> Bool {
            size == st.size && modifiedNanoseconds == st.modifiedNanoseconds && inode == st.inode
                && changedNanoseconds == st.changedNanoseconds
        }
    }

    /// The customers read from a valid cache.
    struct Loaded {
        var customers: CustomerList
        var index: CustomerIndex
        /// The header line's members as in the file (`journalSeq` included).
        var headerExtra: [String: JSONValue]
        /// The source file's content fingerprint recorded with the cache.
        var contentHash: UInt64
    }

    static func path(_ folder: String) -> String { folder + "/" + TransactionCache.folderName + "/" + fileName }

    /// Maps the cache read-only and decodes it if it matches `status`; nil otherwise.
    static func load(folder: String, status: FileStatus) -> Loaded? {
        let fd = open(path(folder), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size >= 16, st.st_size < 1 << 40 else { return nil }
        let size = Int(st.st_size)
        // Writers replace the cache by rename, so the mapped inode never shrinks under us.
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { return nil }
        defer { munmap(base, size) }
        _ = madvise(base, size, MADV_WILLNEED)
        return decode(UnsafeRawBufferPointer(start: base, count: size), status: status)
    }

    /// Writes the cache crash-safely (temporary file, fsync, rename); failures are ignored,
    /// the cache is only an accelerator.
    static func store(folder: String, key: Key, customers: CustomerList, headerExtra: [String: JSONValue], fs: any FileSystem) {
        let dir = folder + "/" + TransactionCache.folderName
        if mkdir(dir, 0o777) != 0 && errno != EEXIST { return }
        // Streamed (CustomerCache+Stream): a few MB in memory, not the whole cache.
        guard let staged = try? AtomicFile(fs: fs).begin(path(folder)) else { return }
        let complete: Bool
        do { complete = try write(key: key, customers: customers, headerExtra: headerExtra, to: staged) } catch {
            staged.abandon()
            return
        }
        guard complete else { staged.abandon(); return }
        try? staged.commit()
        let ignore = dir + "/.gitignore"
        if (try? fs.status(ignore)) == nil { try? AtomicFile(fs: fs).replace(ignore, with: Array("*\n".utf8)) }
    }

    /// The cache's bytes, or nil when the customers do not fit its 32-bit offsets.
    static func encode(key: Key, customers: CustomerList, headerExtra: [String: JSONValue]) -> [UInt8]? {
        let n = customers.count
        let rated = Criterion.rated.count
        var firstString: [UInt32] = [0]
        firstString.reserveCapacity(n + 1)
        var stringEnd: [UInt32] = []
        stringEnd.reserveCapacity(n * fixedStrings)
        var strings: [UInt8] = []
        strings.reserveCapacity(n * 48)
        var known: [UInt16] = [], values: [Double] = [], cost: [Int64] = []
        known.reserveCapacity(n); cost.reserveCapacity(n)
        var detailPositions: [UInt32] = [], details: [UInt8] = []
        for (k, c) in customers.enumerated() {
            for s in [c.id, c.name, c.industry, c.region, c.owner] + c.tags {
                strings += s.utf8
                stringEnd.append(UInt32(truncatingIfNeeded: strings.count))
            }
            firstString.append(UInt32(truncatingIfNeeded: stringEnd.count))
            let mask = c.ratings.knownMask
            known.append(mask)
            for j in 0..<rated where mask & (1 << j) != 0 { values.append(c.ratings.value(atRatedIndex: j) ?? 0) }
            cost.append(c.costToServe.minor)
            if !c.isPlain {
                detailPositions.append(UInt32(k))
                CustomerLineWriter.append(c, to: &details)
            }
        }
        guard strings.count < Int(UInt32.max), stringEnd.count < Int(UInt32.max), n < Int(UInt32.max) else { return nil }
        let header = Array(JSONWriter.compact(.object(headerExtra)).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(160 + header.count + n * 24 + stringEnd.count * 4 + strings.count + values.count * 8 + details.count)
        func word(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        func column<T>(_ a: [T]) { a.withUnsafeBytes { out += $0 } }
        word(magic)
        word(UInt64(bitPattern: key.size)); word(UInt64(bitPattern: key.modifiedNanoseconds)); word(key.inode)
        word(UInt64(bitPattern: key.changedNanoseconds)); word(key.contentHash)
        word(UInt64(header.count)); out += header
        for count in [n, stringEnd.count, strings.count, rated, values.count, detailPositions.count, details.count] { word(UInt64(count)) }
        column(firstString); column(stringEnd); out += strings
        column(known); column(values); column(cost)
        column(detailPositions); out += details
        let hash = out.withUnsafeBytes { Checksum.fingerprint(UnsafeRawBufferPointer(rebasing: $0[8...])) }
        word(hash)
        return out
    }
}
