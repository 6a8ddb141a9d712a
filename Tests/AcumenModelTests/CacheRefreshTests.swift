import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Read-only opens (the CLI's `report`, `export`, `check`, `fit`) use a valid transaction cache,
/// write a missing one under the lock, and never trust a stale, truncated or foreign one.
@Suite struct CacheRefreshTests {
    let dataFiles = [WorkspaceFiles.settings, WorkspaceFiles.customers, WorkspaceFiles.transactions, WorkspaceFiles.journal]

    /// A fresh workspace folder (created without a cache) and its workspace.
    func makeWorkspace(seed: UInt64 = 5, _ name: String = #function) throws -> (folder: String, workspace: Workspace) {
        let folder = temporaryFolder(name)
        let w = DemoGenerator(customers: 60, transactionsPerCustomer: 4, seed: seed).generate()
        try WorkspaceStore.create(folder, workspace: w).close()
        return (folder, w)
    }

    /// Bytes and status of the workspace's own files.
    func snapshot(_ folder: String) throws -> [String: ([UInt8], FileStatus?)] {
        let fs = PosixFileSystem()
        var out: [String: ([UInt8], FileStatus?)] = [:]
        for f in dataFiles {
            let p = folder + "/" + f
            out[f] = ((try? fs.read(p, limit: 1 << 30)) ?? [], try fs.status(p))
        }
        return out
    }

    func cacheIsValid(_ folder: String, _ w: Workspace) throws -> Bool {
        let st = try #require(try PosixFileSystem().status(folder + "/" + WorkspaceFiles.transactions))
        return TransactionCache.load(folder: folder, status: st, customers: w.customers)?.table == w.transactions
    }

    func openReadOnly(_ folder: String) throws -> Workspace {
        let store = try WorkspaceStore.open(folder, options: .readOnlyRefreshingCache)
        defer { store.close() }
        #expect(store.isReadOnly)
        return store.workspace
    }

    @Test func aReadOnlyOpenWritesTheCacheAndChangesNoWorkspaceFile() throws {
        let (folder, w) = try makeWorkspace()
        #expect(!FileManager.default.fileExists(atPath: TransactionCache.path(folder)))
        let before = try snapshot(folder)
        #expect(try openReadOnly(folder) == w)
        #expect(try cacheIsValid(folder, w))
        let after = try snapshot(folder)
        for f in dataFiles {
            #expect(before[f]?.0 == after[f]?.0 && before[f]?.1 == after[f]?.1, "\(f) changed")
        }
        // The next open reads the cache and gets the same workspace.
        #expect(try openReadOnly(folder) == w)
        // A plain read-only open (no refresh) writes nothing.
        try FileManager.default.removeItem(atPath: TransactionCache.path(folder))
        let plain = try WorkspaceStore.open(folder, options: .init(readOnly: true))
        plain.close()
        #expect(!FileManager.default.fileExists(atPath: TransactionCache.path(folder)))
    }

    @Test func aTruncatedCacheIsIgnoredAndRebuilt() throws {
        let (folder, w) = try makeWorkspace()
        _ = try openReadOnly(folder)
        let path = TransactionCache.path(folder)
        let full = try #require(FileManager.default.contents(atPath: path))
        for cut in [full.count - 1, full.count / 2, 60, 8, 0] {
            try full.prefix(cut).write(to: URL(fileURLWithPath: path))
            #expect(try openReadOnly(folder) == w, "cut at \(cut)")
            #expect(try cacheIsValid(folder, w))
        }
    }

    @Test func aForeignCacheIsIgnoredAndRebuilt() throws {
        let (folder, w) = try makeWorkspace(seed: 5)
        let (other, _) = try makeWorkspace(seed: 9, "foreign")
        _ = try openReadOnly(other)
        try? FileManager.default.createDirectory(atPath: folder + "/" + TransactionCache.folderName, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TransactionCache.path(other), toPath: TransactionCache.path(folder))
        #expect(try openReadOnly(folder) == w)
        #expect(try cacheIsValid(folder, w))
    }

    @Test func aStaleCacheIsIgnoredAndRebuilt() throws {
        let (folder, w) = try makeWorkspace()
        _ = try openReadOnly(folder)
        let path = folder + "/" + WorkspaceFiles.transactions
        var lines = readText(path).split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: 2)
        try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let reread = try openReadOnly(folder)
        #expect(reread.transactions.count == w.transactions.count - 1)
        #expect(try cacheIsValid(folder, reread))
    }

    @Test func aSameSizeRewriteThatRestoredTheModificationTimeIsNotTrusted() throws {
        let (folder, w) = try makeWorkspace()
        _ = try openReadOnly(folder)
        let path = folder + "/" + WorkspaceFiles.transactions
        var st = stat()
        #expect(stat(path, &st) == 0)
        let times = [st.st_atim, st.st_mtim]
        // Same length, same inode (written in place), the mtime set back: only the ctime moved.
        let text = readText(path)
        let changed = text.replacingOccurrences(of: "\"quantity\":1", with: "\"quantity\":2")
        #expect(changed != text && changed.utf8.count == text.utf8.count)
        try changed.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(times.withUnsafeBufferPointer { utimensat(AT_FDCWD, path, $0.baseAddress, 0) } == 0)
        let reread = try openReadOnly(folder)
        #expect(reread.transactions.quantity != w.transactions.quantity)
        #expect(try cacheIsValid(folder, reread))
    }

    @Test func aCacheWithTrailingBytesIsIgnored() throws {
        let (folder, w) = try makeWorkspace()
        _ = try openReadOnly(folder)
        let handle = try #require(FileHandle(forWritingAtPath: TransactionCache.path(folder)))
        handle.seekToEndOfFile()
        handle.write(Data([1, 2, 3]))
        handle.closeFile()
        let st = try #require(try PosixFileSystem().status(folder + "/" + WorkspaceFiles.transactions))
        #expect(TransactionCache.load(folder: folder, status: st, customers: w.customers)?.table == nil)
        #expect(try openReadOnly(folder) == w)
        #expect(try cacheIsValid(folder, w))
    }

    @Test func noCacheIsWrittenWhileAnotherAcumenHoldsTheLockOrTheWorkspaceHasErrors() throws {
        let (folder, w) = try makeWorkspace()
        guard case .acquired(let held) = WorkspaceLock.take(folder: folder) else {
            Issue.record("the lock was not free"); return
        }
        #expect(try openReadOnly(folder) == w)
        #expect(!FileManager.default.fileExists(atPath: TransactionCache.path(folder)))
        held.release()
        // A damaged line: the open fails and writes no cache.
        let path = folder + "/" + WorkspaceFiles.transactions
        try (readText(path) + "{not json\n").write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: WorkspaceError.self) { _ = try openReadOnly(folder) }
        #expect(!FileManager.default.fileExists(atPath: TransactionCache.path(folder)))
    }
}
