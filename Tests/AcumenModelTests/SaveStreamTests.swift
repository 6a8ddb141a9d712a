import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The streamed save (``SavePlan/writeCustomers(_:into:)``) writes exactly the bytes of the
/// one-buffer encoding, the parallel customers' cache equals the serial one, and an edit made
/// while a save writes a workspace of several chunks is saved exactly once.
@Suite struct SaveStreamTests {
    static let t0 = Timestamp(seconds: 1_764_234_650)

    /// A demo workspace over several chunks, with notes, tags, reviews and non-ASCII names.
    /// A customer in the second chunk of ``workspace(_:)``.
    static let edited = CustomerList.chunkSize + 100

    static func workspace(_ n: Int = 2 * CustomerList.chunkSize + 300) throws -> Workspace {
        var w = DemoGenerator(customers: n, transactionsPerCustomer: 1, seed: 11).generate()
        for k in stride(from: 0, to: n, by: 97) {
            let id = w.customers[k].id
            try w.apply(.addNote(customer: id, note: Note(text: "note \(k) ✓", author: "bo", at: t0)), author: "bo", at: t0)
            try w.apply(.setTags(customer: id, tags: ["vip", "東京"]), author: "bo", at: t0)
        }
        w.customers[3].name = "Zoë \"quoted\" 株式会社"
        return w
    }

    /// The bytes of `customers.jsonl` as the one-buffer encoder wrote them before the stream.
    static func serialCustomersFile(_ w: Workspace, header: [String: JSONValue]) -> [UInt8] {
        var out = WorkspaceCodec.customersHeaderLine(header)
        for c in w.customers { CustomerLineWriter.append(c, to: &out) }
        return out
    }

    @Test func theStreamedCustomersFileEqualsTheOneBufferEncoding() throws {
        let w = try Self.workspace()
        #expect(WorkspaceCodec.encodeCustomers(w.customers, headerExtra: [:]) == Self.serialCustomersFile(w, header: [:]))
    }

    @Test func aSaveStreamsTheSameBytesAndAWarmCache() throws {
        let folder = temporaryFolder()
        let w = try Self.workspace()
        try WorkspaceStore.create(folder, workspace: w).close()
        let store = try WorkspaceStore.open(folder)
        try store.record(.setOwner(customer: w.customers[Self.edited].id, owner: "streamed"), author: "bo", at: Self.t0)
        let expected = store.encodedFiles().first { $0.file == WorkspaceFiles.customers }?.bytes
        try store.save()
        let written = try PosixFileSystem().read(folder + "/" + WorkspaceFiles.customers, limit: 1 << 30)
        #expect(written == expected)
        #expect(written == Self.serialCustomersFile(store.workspace, header: store.customersHeaderToSave()))
        let saved = store.workspace
        store.close()
        let status = try #require(try PosixFileSystem().status(folder + "/" + WorkspaceFiles.customers))
        #expect(CustomerCache.load(folder: folder, status: status)?.customers == saved.customers)
        let reopened = try WorkspaceStore.open(folder)
        #expect(reopened.workspace == saved)
        reopened.close()
    }

    @Test func anEditDuringABackgroundSaveIsSavedExactlyOnce() throws {
        let folder = temporaryFolder()
        let w = try Self.workspace()
        try WorkspaceStore.create(folder, workspace: w).close()
        let store = try WorkspaceStore.open(folder)
        let id = w.customers[Self.edited].id
        try store.record(.setOwner(customer: id, owner: "before"), author: "bo", at: Self.t0)
        let plan = try store.prepareSave()
        try store.record(.setOwner(customer: id, owner: "during"), author: "bo", at: Self.t0)
        try store.finishSave(plan.write())
        let file = readText(folder + "/" + WorkspaceFiles.customers)
        #expect(file.contains("\"owner\":\"before\"") && !file.contains("\"owner\":\"during\""))
        #expect(store.hasUnsavedEdits)
        // A crash now: the journal replays the edit made during the save, once.
        let crashed = try WorkspaceStore.open(folder, options: .init(readOnly: true))
        #expect(crashed.workspace.customers[Self.edited].owner == "during")
        #expect(crashed.workspace.customers[Self.edited].history.count == w.customers[Self.edited].history.count + 2)
        crashed.close()
        try store.save()
        let final = store.workspace
        store.close()
        let reopened = try WorkspaceStore.open(folder)
        defer { reopened.close() }
        #expect(reopened.workspace == final && reopened.workspace.customers[Self.edited].owner == "during")
        #expect(reopened.workspace.customers[Self.edited].history.count == w.customers[Self.edited].history.count + 2)
        #expect(readText(folder + "/" + WorkspaceFiles.journal) == Journal.header)
    }

    @Test func theStreamedLineIndexEqualsTheWholeFileOne() throws {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let w = try Self.workspace(700)
        let path = folder + "/" + WorkspaceFiles.customers
        let canonical = Self.serialCustomersFile(w, header: ["journalSeq": .int(3)])
        var text = String(decoding: canonical, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        text[5] = text[5].replacingOccurrences(of: ",", with: ", ")  // reformatted by hand: differs
        text[300] = text[300] + " "
        let variants: [[UInt8]] = [
            canonical,
            Array(text.joined(separator: "\n").utf8),
            Array(canonical.dropLast()),  // no final line end: the last line differs
            Array(canonical.prefix(canonical.count / 2)),  // too few lines: no index
            canonical + Array("{}\n".utf8),  // one line too many: no index
            [],
        ]
        for (v, bytes) in variants.enumerated() {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let hash = Checksum.fingerprint(bytes)
            let whole = CustomerLineIndex(disk: bytes, status: nil, hash: hash, customers: w.customers)
            for window in [1, 7, 64, 333, 4096, 1 << 20] {
                let streamed = CustomerLineIndex.streamed(path: path, fs: PosixFileSystem(), status: nil, hash: hash, customers: w.customers, window: window)
                #expect(streamed?.headerLine == whole?.headerLine && streamed?.differing == whole?.differing
                        && streamed?.customers == whole?.customers && (streamed == nil) == (whole == nil), "variant \(v), window \(window)")
            }
            #expect(CustomerLineIndex.streamed(path: path, fs: PosixFileSystem(), status: nil, hash: hash &+ 1, customers: w.customers) == nil)
        }
        #expect(CustomerLineIndex(disk: variants[1], status: nil, hash: 0, customers: w.customers)?.differing == [4, 299])
    }
}
