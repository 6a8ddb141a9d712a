import AcumenCore
import AcumenAnalytics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A columnar binary copy of `transactions.jsonl`, so a large workspace opens without parsing
/// text: `.acumen-cache/transactions-v1.bin` inside the workspace.
///
/// The cache is valid only for the exact source file (size, modification and status-change
/// times in ns, inode and content fingerprint recorded when it was built — the status-change
/// time, which no program can set back, catches a same-size rewrite that restored the mtime) *and* the exact ordered list of customer ids
/// (rows refer to customers by position). Anything else — a missing, stale, truncated or foreign
/// cache — is ignored and rebuilt transparently; the JSON Lines file is always the truth.
/// Layout (little endian): magic `ACUMTXC2`, key (size, mtime, inode, content hash, ids hash,
/// ctime), header-extra JSON, row count, then the columns
/// customer `Int32`, day `Int32`, amount `Int64`, margin `Int64`, quantity `Int32`, givenAsCost
/// `UInt8`, then the row extras as JSON.
enum TransactionCache {
    static let folderName = ".acumen-cache"
    static let fileName = "transactions-v1.bin"
    static let magic: UInt64 = 0x3243_5854_4D55_4341  // "ACUMTXC2"

    /// What a cache must match.
    struct Key: Equatable {
        var size: Int64
        var modifiedNanoseconds: Int64
        var inode: UInt64
        var contentHash: UInt64
        var customerIDsHash: UInt64
        var changedNanoseconds: Int64
    }

    static func path(_ folder: String) -> String { folder + "/" + folderName + "/" + fileName }

    /// Fingerprint of the ordered customer ids.
    static func idsHash(_ customers: CustomerList) -> UInt64 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(customers.count * 10)
        for k in customers.indices { bytes += customers[k].id.utf8; bytes.append(0) }  // no copy of each customer
        return Checksum.fingerprint(bytes)
    }

    /// Loads the cache if it matches `status` and the ids, and its rows keep the money bounds
    /// (``MoneyBounds``: every amount within 10^15, Σ|amount| and Σ|known margin| within
    /// 10^16) and refer to existing customers; nil otherwise. Each column is read in parts on
    /// all cores, each part checked while it is still in the processor's cache.
    static func load(folder: String, status: FileStatus, customers: CustomerList) -> (table: TransactionTable, contentHash: UInt64, headerExtra: [String: JSONValue])? {
        let fd = open(path(folder), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var offset: off_t = 0
        func word() -> UInt64? {
            var v: UInt64 = 0
            guard withUnsafeMutableBytes(of: &v, { read(fd, into: $0, at: offset) }) else { return nil }
            offset += 8
            return UInt64(littleEndian: v)
        }
        /// `n` elements from the current offset, read in parts side by side; nil when a read
        /// fails or `valid` refuses a part.
        func column<T>(_ n: Int, _: T.Type, valid: @escaping (UnsafeBufferPointer<T>) -> Bool = { _ in true }) -> [T]? {
            let parts = n >= 1 << 20 ? Parallel.cores * 2 : 1
            let start = offset
            var ok = false
            let a = [T](unsafeUninitializedCapacity: n) { buf, count in
                ok = Parallel.map(parts) { k in
                    let lo = n * k / parts, hi = n * (k + 1) / parts
                    let part = UnsafeMutableBufferPointer(rebasing: buf[lo..<hi])
                    return read(fd, into: UnsafeMutableRawBufferPointer(part), at: start + off_t(lo * MemoryLayout<T>.stride))
                        && valid(UnsafeBufferPointer(part))
                }.allSatisfy { $0 }
                count = ok ? n : 0
            }
            offset += off_t(n * MemoryLayout<T>.stride)
            return ok ? a : nil
        }
        guard word() == magic, let size = word(), let mtime = word(), let inode = word(), let hash = word(), let ids = word(),
              Int64(bitPattern: size) == status.size, Int64(bitPattern: mtime) == status.modifiedNanoseconds, inode == status.inode,
              ids == idsHash(customers), let ctime = word(), Int64(bitPattern: ctime) == status.changedNanoseconds,
              let extraLength = word(), extraLength < 1 << 30,
              let headerBytes = column(Int(extraLength), UInt8.self), let rows = word(), rows < 1 << 40 else { return nil }
        let n = Int(rows)
        let limit = Int32(customers.count)
        let amounts = PartSums(), margins = PartSums()
        var t = TransactionTable()
        guard let c = column(n, Int32.self, valid: { part in !part.contains { $0 < 0 || $0 >= limit } }),
              let d = column(n, Int32.self),
              let a = column(n, Int64.self, valid: { part in amounts.add(part.magnitudes(limit: UInt64(Money.limitMinor))) }),
              let m = column(n, Int64.self, valid: { part in margins.add(part.magnitudes(skipping: TransactionTable.unknownMargin)) }),
              let q = column(n, Int32.self),
              let g = column(n, Bool.self, valid: { part in UnsafeRawBufferPointer(part).allSatisfy { $0 <= 1 } }),
              amounts.withinBound, margins.withinBound,
              let rowExtraLength = word(), rowExtraLength < 1 << 34, let rowExtra = column(Int(rowExtraLength), UInt8.self) else { return nil }
        var probe: UInt8 = 0
        guard pread(fd, &probe, 1, offset) == 0 else { return nil }  // trailing bytes: not a cache this code wrote
        t.customer = c; t.day = d; t.amount = a; t.margin = m; t.quantity = q; t.givenAsCost = g
        if rowExtraLength > 0, case .object(let o)? = try? JSONParser.parse(rowExtra) {
            for (k, v) in o { if let row = Int(k), let e = v.objectValue { t.extra[row] = e } }
        }
        let headerExtra = (try? JSONParser.parse(headerBytes))?.objectValue ?? [:]
        return (t, hash, headerExtra)
    }

    /// Reads exactly `raw.count` bytes at `offset`.
    private static func read(_ fd: Int32, into raw: UnsafeMutableRawBufferPointer, at offset: off_t) -> Bool {
        var done = 0
        while done < raw.count, let base = raw.baseAddress {
            let n = pread(fd, base + done, raw.count - done, offset + off_t(done))
            if n <= 0 { if n < 0 && errno == EINTR { continue }; return false }
            done += n
        }
        return true
    }

    /// Writes the cache crash-safely; failures are ignored (the cache is only an accelerator).
    static func store(folder: String, key: Key, table t: TransactionTable, headerExtra: [String: JSONValue], fs: any FileSystem) {
        let dir = folder + "/" + folderName
        if mkdir(dir, 0o777) != 0 && errno != EEXIST { return }
        var out: [UInt8] = []
        out.reserveCapacity(64 + t.count * 29)
        func word(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        func column<T>(_ a: [T]) { a.withUnsafeBytes { out += $0 } }
        let header = Array(JSONWriter.compact(.object(headerExtra)).utf8)
        word(magic); word(UInt64(bitPattern: key.size)); word(UInt64(bitPattern: key.modifiedNanoseconds)); word(key.inode)
        word(key.contentHash); word(key.customerIDsHash); word(UInt64(bitPattern: key.changedNanoseconds)); word(UInt64(header.count)); out += header
        word(UInt64(t.count))
        column(t.customer); column(t.day); column(t.amount); column(t.margin); column(t.quantity)
        out += t.givenAsCost.map { $0 ? 1 : 0 }
        var extras: [String: JSONValue] = [:]
        for (row, e) in t.extra { extras[String(row)] = .object(e) }
        let extraBytes = extras.isEmpty ? [] : Array(JSONWriter.compact(.object(extras)).utf8)
        word(UInt64(extraBytes.count)); out += extraBytes
        try? AtomicFile(fs: fs).replace(path(folder), with: out)
        let ignore = dir + "/.gitignore"
        if (try? fs.status(ignore)) == nil { try? AtomicFile(fs: fs).replace(ignore, with: Array("*\n".utf8)) }
    }
}
