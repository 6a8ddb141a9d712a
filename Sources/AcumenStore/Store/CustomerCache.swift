import AcumenCore
#if canImport(Glibc)
import Glibc
#endif

/// A columnar binary copy of `customers.jsonl`, so a large workspace opens without decoding
/// JSON: `.acumen-cache/customers-v2.bin` inside the workspace, read through `mmap`.
///
/// Valid only for the exact source file: its size, modification and status-change times (ns)
/// and inode must match the ones recorded when the cache was built (the status-change time,
/// which no program can set back, catches a same-size rewrite that restored the mtime), and
/// a fingerprint of the cache's own bytes must match its trailer, so a truncated, flipped or
/// foreign cache is never trusted. A cache that fails any check is ignored and rebuilt; the
/// JSON Lines file is always the truth. Layout (little endian, every section padded to 8
/// bytes so the columns are read in place; docs/format.md):
///
/// - magic `ACUMCUC2`; key: size, mtime, inode, ctime, content fingerprint of the source file;
/// - the header line's members as compact JSON (length, bytes);
/// - counts: customers `n`, strings `s`, string bytes `b`, rated criteria, rating values `v`,
///   dictionary strings `t`, dictionary bytes `u`, probe slots `h`, customers with details
///   `m`, details bytes `d`;
/// - columns: first string of each customer `UInt32 × (n+1)` (id, name, then the tags), end
///   offset of each string `UInt32 × s`, the strings' UTF-8 (`b` bytes); industry, region and
///   owner as codes `UInt32 × 3n` into a dictionary of the distinct values (end offsets
///   `UInt32 × t`, UTF-8 `u` bytes); the known-ratings mask `UInt16 × n`, the known ratings
///   in thousandths `UInt16 × v` in customer and ``Criterion/rated`` order; cost to serve in
///   minor units `Int64 × n`; the id index's probe table `Int32 × h` (``CustomerIndex``);
/// - customers with notes, overrides, review, history, unknown fields or ratings that are not
///   whole thousandths: their positions `UInt32 × m`, where each record starts `UInt64 × (m+1)`
///   and the records (`d` bytes, ``DetailRecord``);
/// - trailer: a fingerprint of the fingerprints of 16 equal parts of every byte after the
///   magic (computed on all cores).
///
/// - Complexity: load is O(n + b + d) on all cores; the columns are read where they are mapped.
enum CustomerCache {
    static let fileName = "customers-v2.bin"
    /// The previous layout's file, removed when a new cache is written.
    static let oldFileName = "customers-v1.bin"
    static let magic: UInt64 = 0x3243_5543_4D55_4341  // "ACUMCUC2"
    /// Strings each customer has in the string columns: id and name (then its tags).
    static let fixedStrings = 2
    /// Parts of the body fingerprinted separately (on all cores) for the trailer.
    static let hashParts = 16
    /// The bits of a known-ratings mask beyond the rated criteria (must be 0).
    static let outsideMask = UInt16.max << UInt16(Criterion.rated.count)

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
        /// ``TransactionCache/idsHash(_:)`` of the customers, computed from the id column
        /// while they were built (so the transactions' cache is checked without a second pass).
        var idsHash: UInt64
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
        // MAP_POPULATE maps every page of the page cache at once instead of one fault per page.
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), base != MAP_FAILED else { return nil }
        defer { munmap(base, size) }
        return decode(UnsafeRawBufferPointer(start: base, count: size), status: status)
    }

    /// Writes the cache crash-safely (temporary file, fsync, rename), streamed section by
    /// section (``store(_:key:headerExtra:folder:fs:)``); failures are ignored, the cache is
    /// only an accelerator.
    /// - Parameter index: the index of exactly these customers, when the caller has it (else
    ///   it is built).
    static func store(folder: String, key: Key, customers: CustomerList, headerExtra: [String: JSONValue], fs: any FileSystem,
                      index: CustomerIndex? = nil) {
        guard var sections = Sections(customers: customers, index: index) else { return }
        store(&sections, key: key, headerExtra: headerExtra, folder: folder, fs: fs)
    }

    /// The trailer's fingerprint of `body`: ``hashParts`` parts fingerprinted on all cores,
    /// then the fingerprint of their fingerprints.
    static func bodyHash(_ body: UnsafeRawBufferPointer) -> UInt64 {
        let n = body.count
        let parts = Parallel.map(hashParts) { k in
            Checksum.fingerprint(UnsafeRawBufferPointer(rebasing: body[(n * k / hashParts)..<(n * (k + 1) / hashParts)]))
        }
        return parts.withUnsafeBytes { Checksum.fingerprint($0) }
    }
}
