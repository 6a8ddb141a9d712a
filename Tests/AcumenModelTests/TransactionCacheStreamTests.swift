import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The transaction cache written section by section from the columns is byte for byte the
/// file the one-buffer writer wrote, and a failed write leaves neither a cache nor a temporary.
@Suite struct TransactionCacheStreamTests {
    /// The cache's bytes as the writer built them in one buffer before it streamed them.
    static func reference(key: TransactionCache.Key, table t: TransactionTable, headerExtra: [String: JSONValue]) -> [UInt8] {
        let header = Array(JSONWriter.compact(.object(headerExtra)).utf8)
        var extras: [String: JSONValue] = [:]
        for (row, e) in t.extra { extras[String(row)] = .object(e) }
        let extraBytes = extras.isEmpty ? [] : Array(JSONWriter.compact(.object(extras)).utf8)
        var out: [UInt8] = []
        func word(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        func pad() { while out.count % 8 != 0 { out.append(0) } }
        func column<T>(_ a: Column<T>) { a.withUnsafeBytes { out += $0 }; pad() }
        word(TransactionCache.magic); word(UInt64(bitPattern: key.size)); word(UInt64(bitPattern: key.modifiedNanoseconds)); word(key.inode)
        word(key.contentHash); word(key.customerIDsHash); word(UInt64(bitPattern: key.changedNanoseconds))
        word(UInt64(header.count)); out += header; pad()
        word(UInt64(t.count))
        column(t.customer); column(t.day); column(t.amount); column(t.margin); column(t.quantity)
        column(t.givenAsCost)
        word(UInt64(extraBytes.count)); out += extraBytes; pad()
        return out
    }

    static let key = TransactionCache.Key(size: 12_345, modifiedNanoseconds: -7, inode: 99, contentHash: 0xDEAD_BEEF,
                                          customerIDsHash: 42, changedNanoseconds: 1_700_000_000_000_000_001)

    @Test(arguments: [0, 1, 3, 7, 1_001])
    func theStreamedCacheIsTheOneBufferCache(rows: Int) throws {
        let folder = temporaryFolder("cacheStream\(rows)")
        var t = TransactionTable()
        for r in 0..<rows {
            t.append(customer: Int32(r % 5), day: Day(ordinal: Int32(19_000 + r)), amount: Money(minor: Int64(r) * 101 - 7),
                     margin: r % 3 == 0 ? nil : Money(minor: Int64(r)), quantity: Int32(r % 4 + 1), givenAsCost: r % 2 == 0)
        }
        if rows > 2 { t.extra[2] = ["note": .string("ü")] }
        for header: [String: JSONValue] in [[:], ["odd": .string("12345")]] {
            TransactionCache.store(folder: folder, key: Self.key, table: t, headerExtra: header, fs: PosixFileSystem())
            let written = try PosixFileSystem().read(TransactionCache.path(folder), limit: 1 << 30)
            #expect(written == Self.reference(key: Self.key, table: t, headerExtra: header))
        }
    }

    @Test func aFailedWriteLeavesNoCacheAndNoTemporary() throws {
        let folder = temporaryFolder(#function)
        var t = TransactionTable()
        for r in 0..<100 { t.append(customer: 0, day: Day(ordinal: 19_000), amount: Money(minor: Int64(r)), margin: nil) }
        for failing in 0..<12 {
            let fs = FaultyFileSystem()
            fs.inject([failing: .error(ENOSPC)])
            TransactionCache.store(folder: folder, key: Self.key, table: t, headerExtra: [:], fs: fs)
            let names = try PosixFileSystem().list(folder + "/" + TransactionCache.folderName)
            #expect(!names.contains { $0.hasPrefix(AtomicFile.tempPrefix) }, "fault at call \(failing)")
            if let written = try? PosixFileSystem().read(TransactionCache.path(folder), limit: 1 << 30) {
                #expect(written == Self.reference(key: Self.key, table: t, headerExtra: [:]))
                try FileManager.default.removeItem(atPath: TransactionCache.path(folder))
            }
        }
    }
}
