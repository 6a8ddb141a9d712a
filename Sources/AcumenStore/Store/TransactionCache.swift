import AcumenCore
import AcumenAnalytics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A columnar binary copy of `transactions.jsonl`, so a large workspace opens without parsing
/// text: `.acumen-cache/transactions-v2.bin` inside the workspace, read in place through `mmap`.
///
/// The cache is valid only for the exact source file (size, modification and status-change
/// times in ns, inode and content fingerprint recorded when it was built — the status-change
/// time, which no program can set back, catches a same-size rewrite that restored the mtime) *and* the exact ordered list of customer ids
/// (rows refer to customers by position). Anything else — a missing, stale, truncated or foreign
/// cache — is ignored and rebuilt transparently; the JSON Lines file is always the truth.
/// Layout (little endian, every section padded to 8 bytes so each column is aligned for its
/// type and read where it is mapped): magic `ACUMTXC3`, key (size, mtime, inode, content hash,
/// ids hash, ctime), header-extra JSON (length, bytes), row count, then the columns
/// customer `Int32`, day `Int32`, amount `Int64`, margin `Int64`, quantity `Int32`, givenAsCost
/// `UInt8`, then the row extras as JSON (length, bytes); the file ends there.
enum TransactionCache {
    static let folderName = ".acumen-cache"
    static let fileName = "transactions-v2.bin"
    /// The previous layout's file (columns not aligned), removed when a new cache is written.
    static let oldFileName = "transactions-v1.bin"
    static let magic: UInt64 = 0x3343_5854_4D55_4341  // "ACUMTXC3"

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

    /// Fingerprint of the ordered customer ids: the fingerprints of each chunk's ids (each id's
    /// UTF-8 and a 0 byte), computed on all cores, then the fingerprint of those.
    static func idsHash(_ customers: CustomerList) -> UInt64 {
        let parts = Parallel.map(customers.chunkCount) { j -> UInt64 in
            let chunk = customers.chunk(j)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(chunk.count * 12)
            chunk.withUnsafeBufferPointer { cs in
                for k in cs.indices {
                    var id = cs[k].id  // a copy of the string only, never of the customer
                    id.withUTF8 { bytes.append(contentsOf: $0) }
                    bytes.append(0)
                }
            }
            return Checksum.fingerprint(bytes)
        }
        return parts.withUnsafeBytes { Checksum.fingerprint($0) }
    }

    /// The cache's bytes (layout above) appended to `staged` section by section.
    static func write(key: Key, table t: TransactionTable, headerExtra: [String: JSONValue], to staged: AtomicFile.Staged) throws(IOFailure) {
        let header = Array(JSONWriter.compact(.object(headerExtra)).utf8)
        var extras: [String: JSONValue] = [:]
        for (row, e) in t.extra { extras[String(row)] = .object(e) }
        let extraBytes = extras.isEmpty ? [] : Array(JSONWriter.compact(.object(extras)).utf8)
        let zeros = [UInt8](repeating: 0, count: 8)
        func words(_ values: [UInt64]) throws(IOFailure) {
            try staged.append(values.flatMap { v in withUnsafeBytes(of: v.littleEndian) { Array($0) } })
        }
        func padding(_ n: Int) throws(IOFailure) { if padded(n) > n { try staged.append(Array(zeros[0..<(padded(n) - n)])) } }
        func column<T>(_ a: Column<T>) throws(IOFailure) {
            let result = a.withUnsafeBytes { raw in Result { () throws(IOFailure) in try staged.append(raw) } }
            try result.get()
            try padding(a.count * MemoryLayout<T>.stride)
        }
        try words([magic, UInt64(bitPattern: key.size), UInt64(bitPattern: key.modifiedNanoseconds), key.inode,
                   key.contentHash, key.customerIDsHash, UInt64(bitPattern: key.changedNanoseconds), UInt64(header.count)])
        try staged.append(header); try padding(header.count)
        try words([UInt64(t.count)])
        try column(t.customer); try column(t.day); try column(t.amount); try column(t.margin); try column(t.quantity)
        try column(t.givenAsCost)  // a `Bool` is stored as the byte 0 or 1
        try words([UInt64(extraBytes.count)])
        try staged.append(extraBytes); try padding(extraBytes.count)
    }

    /// Bytes of a section of `n` bytes with its padding to the next multiple of 8.
    static func padded(_ n: Int) -> Int { (n + 7) & ~7 }

    /// Writes the cache crash-safely; failures are ignored (the cache is only an accelerator).
    /// The columns are written from where they lie, section by section (never joined into one
    /// buffer: that was 290 MB more at 10M rows, at the cold open's peak).
    static func store(folder: String, key: Key, table t: TransactionTable, headerExtra: [String: JSONValue], fs: any FileSystem) {
        let dir = folder + "/" + folderName
        if mkdir(dir, 0o777) != 0 && errno != EEXIST { return }
        guard let staged = try? AtomicFile(fs: fs).begin(path(folder)) else { return }
        do { try write(key: key, table: t, headerExtra: headerExtra, to: staged) } catch {
            staged.abandon()
            return
        }
        // A failed commit removes its temporary file itself.
        do { try staged.commit() } catch { return }
        _ = unlink(dir + "/" + oldFileName)
        let ignore = dir + "/.gitignore"
        if (try? fs.status(ignore)) == nil { try? AtomicFile(fs: fs).replace(ignore, with: Array("*\n".utf8)) }
    }
}
