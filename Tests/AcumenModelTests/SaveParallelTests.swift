import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The save's fast paths against their simple references: the customers' cache encoded chunk
/// by chunk on all cores equals the one-pass encoder byte for byte, sealing an unsealed cache
/// equals encoding it with its key, the cursor line writer equals the tree writer for every
/// line (and every rating in thousandths), and a cache whose key or trailer is left unsealed
/// (a save killed before it sealed it) is never trusted.
@Suite struct SaveParallelTests {
    static let key = CustomerCache.Key(FileStatus(size: 123, modifiedNanoseconds: 456, inode: 42, isRegular: true, isDirectory: false,
                                                  isSymlink: false, changedNanoseconds: 789), contentHash: 0xABCD)

    /// Customers over several chunks with details, exact ratings, tags, non-ASCII and escapes.
    static func customers() throws -> CustomerList {
        var w = try SaveStreamTests.workspace(3 * CustomerList.chunkSize + 17)
        w.customers[10].ratings[.risk] = 3.14159  // not whole thousandths: a detail record
        w.customers[CustomerList.chunkSize + 1].owner = "Ünïcode \u{7f} owner"
        w.customers[CustomerList.chunkSize + 2].industry = "new\tindustry"
        w.customers[2 * CustomerList.chunkSize + 200].tags = ["x", "y", "z\"q"]
        return w.customers
    }

    @Test func theParallelCacheEqualsTheSerialOne() throws {
        let cs = try Self.customers()
        let header: [String: JSONValue] = ["journalSeq": .int(7)]
        let parallel = try #require(CustomerCache.encode(key: Self.key, customers: cs, headerExtra: header))
        let serial = try #require(CustomerCache.encodeSerial(key: Self.key, customers: cs, headerExtra: header))
        #expect(parallel == serial)
        let index = CustomerIndex.build((0..<cs.count).map { cs[$0].id }).index
        #expect(CustomerCache.encode(key: Self.key, customers: cs, headerExtra: header, index: index) == serial)
        let small = CustomerList((0..<5).map { cs[$0] })
        #expect(CustomerCache.encode(key: Self.key, customers: small, headerExtra: [:])
                == CustomerCache.encodeSerial(key: Self.key, customers: small, headerExtra: [:]))
        #expect(CustomerCache.encode(key: Self.key, customers: CustomerList([Customer]()), headerExtra: [:])
                == CustomerCache.encodeSerial(key: Self.key, customers: CustomerList([Customer]()), headerExtra: [:]))
    }

    @Test func anUnsealedCacheIsNeverTrusted() throws {
        let cs = try Self.customers()
        var bytes = try #require(CustomerCache.encodeUnsealed(customers: cs, headerExtra: [:], index: nil))
        let status = FileStatus(size: 0, modifiedNanoseconds: 0, inode: 0, isRegular: true, isDirectory: false, isSymlink: false)
        // Key words zero and no trailer: even a file whose status is all zeros does not match.
        #expect(bytes.withUnsafeBytes { CustomerCache.decode($0, status: status) } == nil)
        CustomerCache.seal(&bytes, key: Self.key)
        #expect(bytes == CustomerCache.encodeSerial(key: Self.key, customers: cs, headerExtra: [:]))
    }

    @Test func theChunkWriterEqualsTheTreeWriter() throws {
        let cs = try Self.customers()
        for k in 0..<cs.chunkCount {
            var tree: [UInt8] = []
            for c in cs.chunk(k) { CustomerLineWriter.appendTree(c, to: &tree) }
            #expect(CustomerLineWriter.lines(cs.chunk(k)) == tree, "chunk \(k)")
        }
    }

    @Test func everyRatingInThousandthsIsWrittenAsJSONWriterWritesIt() {
        var c = Customer(id: "r", name: "r")
        for t in 0...Int(UInt16.max) {
            c.ratings[.risk] = Double(t) / 1000
            var fast: [UInt8] = []
            CustomerLineWriter.append(c, to: &fast)
            var tree: [UInt8] = []
            CustomerLineWriter.appendTree(c, to: &tree)
            if fast != tree { Issue.record("rating \(t): \(String(decoding: fast, as: UTF8.self))"); break }
        }
    }
}

/// A save skips `customers.jsonl` only when the edit list and the kept line index prove its
/// bytes unchanged; otherwise it encodes and compares as before.
@Suite struct SaveSkipTests {
    static let t0 = Timestamp(seconds: 1_764_234_650)

    static func inode(_ folder: String) throws -> UInt64? {
        try PosixFileSystem().status(folder + "/" + WorkspaceFiles.customers)?.inode
    }

    @Test func aSettingsOnlySaveLeavesTheCustomersFileAlone() throws {
        let folder = temporaryFolder()
        try WorkspaceStore.create(folder, workspace: try SaveStreamTests.workspace(500)).close()
        let store = try WorkspaceStore.open(folder)
        defer { store.close() }
        // Right after open no index is kept: the file is encoded and compared (equal: not written).
        #expect(store.unchangedCustomerLines == nil)
        try store.record(.setWeights([.monetary: 7]), author: "bo", at: Self.t0)
        let before = try Self.inode(folder)
        try store.save()
        #expect(try Self.inode(folder) == before)
        // A customer edit: written; the save's own index then proves the next settings-only save.
        try store.record(.setOwner(customer: store.workspace.customers[3].id, owner: "x"), author: "bo", at: Self.t0)
        #expect(store.unchangedCustomerLines == nil)
        try store.save()
        let written = try Self.inode(folder)
        #expect(written != before)
        try store.record(.setWeights([.monetary: 8]), author: "bo", at: Self.t0)
        #expect(store.unchangedCustomerLines != nil)
        try store.save()
        #expect(try Self.inode(folder) == written && !store.hasUnsavedEdits)
        let expected = store.workspace
        #expect(try WorkspaceStore.open(folder, options: .init(readOnly: true)).workspace == expected)
    }

    @Test func aFileNotInCanonicalFormIsRewrittenAsBefore() throws {
        let folder = temporaryFolder()
        try WorkspaceStore.create(folder, workspace: try SaveStreamTests.workspace(300)).close()
        let path = folder + "/" + WorkspaceFiles.customers
        var lines = readText(path).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[4] = lines[4].replacingOccurrences(of: ",", with: ", ")
        try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let store = try WorkspaceStore.open(folder)
        defer { store.close() }
        store.adoptSaveReviewPreparation(store.saveReviewPreparation()?())
        try store.record(.setWeights([.monetary: 7]), author: "bo", at: Self.t0)
        #expect(store.validCustomerLines?.differing == [3] && store.unchangedCustomerLines == nil)
        try store.save()
        #expect(!readText(path).contains(lines[4]))  // the canonical form was written
        // Now the file is Acumen's own: a settings-only save skips it.
        try store.record(.setWeights([.monetary: 8]), author: "bo", at: Self.t0)
        #expect(store.unchangedCustomerLines != nil)
    }
}
