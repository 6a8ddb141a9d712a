import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The columnar customers' cache: a warm open equals a parsed one, the journal still applies on
/// top, and a stale, truncated, flipped or foreign cache is ignored and rebuilt, never trusted.
@Suite struct CustomerCacheTests {
    /// A fresh workspace folder (created without caches) with hostile and annotated customers.
    func makeWorkspace(seed: UInt64 = 5, _ name: String = #function) throws -> (folder: String, workspace: Workspace) {
        let folder = temporaryFolder(name)
        var w = DemoGenerator(customers: 80, transactionsPerCustomer: 3, seed: seed).generate()
        w.customers[0].name = "Quote \" and \u{1b}[31m escape 华远"
        w.customers[1].ratings = [.risk: 3.25, .satisfaction: 0, .cultureFit: 10]
        w.customers[2].tags = ["a", "b,c", "", "长"]
        w.customers[3].notes = [Note(text: "called", author: "ana", at: Timestamp(seconds: 1_700_000_000))]
        w.customers[4].extra = ["futureField": .int(7)]
        w.customers[5].industry = ""; w.customers[5].owner = ""; w.customers[5].ratings = Ratings()
        try WorkspaceStore.create(folder, workspace: w).close()
        return (folder, w)
    }

    func status(_ folder: String) throws -> FileStatus {
        try #require(try PosixFileSystem().status(folder + "/" + WorkspaceFiles.customers))
    }

    /// The customers a valid cache holds, or nil.
    func cached(_ folder: String) throws -> CustomerList? {
        CustomerCache.load(folder: folder, status: try status(folder))?.customers
    }

    func openReadOnly(_ folder: String) throws -> Workspace {
        let store = try WorkspaceStore.open(folder, options: .readOnlyRefreshingCache)
        defer { store.close() }
        return store.workspace
    }

    @Test func aWarmOpenEqualsAParsedOpen() throws {
        let (folder, w) = try makeWorkspace()
        #expect(!FileManager.default.fileExists(atPath: CustomerCache.path(folder)))
        let cold = try WorkspaceStore.open(folder)
        #expect(cold.workspace == w)
        cold.close()
        #expect(try cached(folder) == w.customers)
        let warm = try WorkspaceStore.open(folder)
        defer { warm.close() }
        #expect(warm.workspace == w)
        #expect(warm.workspace.index == w.index)
        #expect(warm.workspace.customersHeaderExtra == w.customersHeaderExtra)
        // The fingerprint the cache recorded is the file's: a save sees no conflict.
        #expect(try warm.filesChangedOnDisk().isEmpty)
    }

    @Test func theJournalAppliesOnTopOfTheCache() throws {
        let (folder, w) = try makeWorkspace()
        try WorkspaceStore.open(folder).close()  // writes the caches
        let store = try WorkspaceStore.open(folder)
        let id = w.customers[7].id
        try store.record(.setOwner(customer: id, owner: "zoë"), author: "t", at: Timestamp(seconds: 0))
        store.close()
        let reopened = try WorkspaceStore.open(folder)
        defer { reopened.close() }
        #expect(reopened.workspace.customer(id: id)?.owner == "zoë")
        // The cache still holds the file as saved, not the journal's edit.
        #expect(try cached(folder)?[7].owner == w.customers[7].owner)
        // A save writes the cache of the file it wrote, so the next open is warm and equal.
        try reopened.save()
        let saved = reopened.workspace
        reopened.close()
        #expect(try cached(folder)?[7].owner == "zoë")
        #expect(try cached(folder) == saved.customers)
        let again = try WorkspaceStore.open(folder)
        defer { again.close() }
        #expect(again.workspace == saved)
        #expect(again.workspace.customersHeaderExtra == saved.customersHeaderExtra)
        #expect(try again.filesChangedOnDisk().isEmpty)
    }

    /// Edits recorded while a save writes stay in the journal; the cache the save writes holds
    /// the file as written, and the reopen replays only the later edits, once.
    @Test func aSaveWithEditsDuringItWritesACacheThatReplaysOnlyTheLaterEdits() throws {
        let (folder, w) = try makeWorkspace()
        let store = try WorkspaceStore.open(folder)
        let a = w.customers[7].id, b = w.customers[9].id
        try store.record(.setOwner(customer: a, owner: "first"), author: "t", at: Timestamp(seconds: 0))
        let plan = try store.prepareSave()
        try store.record(.addNote(customer: b, note: Note(text: "later", author: "t", at: Timestamp(seconds: 1))), author: "t", at: Timestamp(seconds: 1))
        try store.finishSave(plan.write())
        let expected = store.workspace
        store.close()
        #expect(try cached(folder)?[7].owner == "first")
        #expect(try cached(folder)?[9].notes.contains { $0.text == "later" } == false)
        let reopened = try WorkspaceStore.open(folder)
        defer { reopened.close() }
        #expect(reopened.workspace == expected)
        #expect(reopened.workspace.customer(id: b)?.notes.filter { $0.text == "later" }.count == 1)
    }

    @Test func aReadOnlyCommandWritesBothCachesAndNoWorkspaceFile() throws {
        let (folder, w) = try makeWorkspace()
        let files = [WorkspaceFiles.settings, WorkspaceFiles.customers, WorkspaceFiles.transactions]
        func snapshot() throws -> [FileStatus?] { try files.map { try PosixFileSystem().status(folder + "/" + $0) } }
        let before = try snapshot()
        #expect(try openReadOnly(folder) == w)
        #expect(try cached(folder) == w.customers)
        #expect(FileManager.default.fileExists(atPath: TransactionCache.path(folder)))
        #expect(try snapshot() == before)
        #expect(try openReadOnly(folder) == w)
    }

    @Test func aTruncatedCacheIsIgnoredAndRebuilt() throws {
        let (folder, w) = try makeWorkspace()
        _ = try openReadOnly(folder)
        let path = CustomerCache.path(folder)
        let full = try #require(FileManager.default.contents(atPath: path))
        for cut in [full.count - 1, full.count - 8, full.count / 2, 100, 16, 8, 0] {
            try full.prefix(cut).write(to: URL(fileURLWithPath: path))
            #expect(try cached(folder) == nil, "cut at \(cut)")
            #expect(try openReadOnly(folder) == w, "cut at \(cut)")
            #expect(try cached(folder) == w.customers)
        }
    }

    @Test func aFlippedByteAnywhereIsNeverTrusted() throws {
        let (folder, w) = try makeWorkspace()
        _ = try openReadOnly(folder)
        let path = CustomerCache.path(folder)
        let full = try #require(FileManager.default.contents(atPath: path))
        var generator = SeededGenerator(seed: 3)
        let positions = [0, 9, 47, full.count / 3, full.count / 2, full.count - 9, full.count - 1]
            + (0..<25).map { _ in Int.random(in: 0..<full.count, using: &generator) }
        for p in positions {
            var bytes = full
            bytes[p] ^= 0x20
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(try cached(folder) == nil, "flip at \(p)")
            #expect(try openReadOnly(folder) == w, "flip at \(p)")
        }
        var longer = full
        longer.append(contentsOf: [1, 2, 3])
        try longer.write(to: URL(fileURLWithPath: path))
        #expect(try cached(folder) == nil)
    }

    @Test func anotherWorkspacesCacheIsIgnoredAndRebuilt() throws {
        let (folder, w) = try makeWorkspace(seed: 5)
        let (other, _) = try makeWorkspace(seed: 9, "customerCacheForeign")
        _ = try openReadOnly(other)
        try? FileManager.default.createDirectory(atPath: folder + "/" + TransactionCache.folderName, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CustomerCache.path(other), toPath: CustomerCache.path(folder))
        #expect(try cached(folder) == nil)
        #expect(try openReadOnly(folder) == w)
        #expect(try cached(folder) == w.customers)
    }

    @Test func aSameSizeRewriteWithTheOldModificationTimeIsNotTrusted() throws {
        let (folder, w) = try makeWorkspace()
        _ = try openReadOnly(folder)
        let path = folder + "/" + WorkspaceFiles.customers
        var st = stat()
        #expect(stat(path, &st) == 0)
        let times = [st.st_atim, st.st_mtim]
        // Same length, same inode (written in place), the mtime set back: only the ctime moved.
        let text = readText(path)
        let name = w.customers[10].name
        let renamed = String(name.reversed())
        #expect(renamed != name)
        let changed = text.replacingOccurrences(of: "\"name\":\"\(name)\"", with: "\"name\":\"\(renamed)\"")
        #expect(changed != text && changed.utf8.count == text.utf8.count)
        try changed.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(times.withUnsafeBufferPointer { utimensat(AT_FDCWD, path, $0.baseAddress, 0) } == 0)
        let reread = try openReadOnly(folder)
        #expect(reread.customers[10].name == renamed)
        #expect(try cached(folder)?[10].name == renamed)
    }

    @Test func noCacheForCustomersWithProblemsOrUnderAnotherLock() throws {
        let (folder, w) = try makeWorkspace()
        guard case .acquired(let held) = WorkspaceLock.take(folder: folder) else {
            Issue.record("the lock was not free"); return
        }
        #expect(try openReadOnly(folder) == w)
        #expect(!FileManager.default.fileExists(atPath: CustomerCache.path(folder)))
        held.release()
        let path = folder + "/" + WorkspaceFiles.customers
        try (readText(path) + "{\"id\":\"broken\n").write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: WorkspaceError.self) { _ = try WorkspaceStore.open(folder) }
        #expect(!FileManager.default.fileExists(atPath: CustomerCache.path(folder)))
    }
}
