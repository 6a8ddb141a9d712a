import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Shared fixtures for the workflow tests: a small store and hand-made review facts.
enum WorkflowFixture {
    static let t0 = Timestamp(seconds: 1_764_234_650)

    /// A fresh store over a demo workspace of `n` customers in a temporary folder.
    static func store(_ n: Int = 8, fs: any FileSystem = PosixFileSystem(), name: String = #function) throws -> WorkspaceStore {
        let folder = temporaryFolder(name)
        let created = try WorkspaceStore.create(folder, workspace: DemoGenerator(customers: n, transactionsPerCustomer: 3, seed: 5).generate())
        created.close()
        return try WorkspaceStore.open(folder, fs: fs)
    }

    /// Facts: scores 90, 80, … down by 10; tiers Key/Growth/Core/Tail by position; recommendations cycling.
    static func facts(_ n: Int) -> ReviewFactsTable {
        let tiers = ["Key", "Growth", "Core", "Tail"]
        return ReviewFactsTable(scores: (0..<n).map { 90 - 10 * Double($0) },
                                tiers: (0..<n).map { tiers[min(3, $0 / 2)] },
                                recommendations: (0..<n).map { Strategy.allCases[$0 % 4] })
    }

    /// The journal's text.
    static func journal(_ store: WorkspaceStore) -> String { readText(store.folder + "/" + WorkspaceFiles.journal) }
}

/// A file system that records calls and can fail the fsync of one path.
final class SpyFileSystem: FileSystem, @unchecked Sendable {
    let real = PosixFileSystem()
    private let lock = NSLock()
    private var _log: [String] = []
    private var _failFsync: String?
    var log: [String] { lock.withLock { _log } }
    var failFsyncOf: String? {
        get { lock.withLock { _failFsync } }
        set { lock.withLock { _failFsync = newValue } }
    }
    private func note(_ s: String) { lock.withLock { _log.append(s) } }
    private var fdPaths: [Int32: String] = [:]

    func open(_ path: String, flags: Int32, mode: mode_t) throws(IOFailure) -> Int32 {
        let fd = try real.open(path, flags: flags, mode: mode)
        lock.withLock { fdPaths[fd] = path }
        return fd
    }
    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws(IOFailure) -> Int {
        note("write " + (path as NSString).lastPathComponent)
        return try real.write(fd, buffer, path: path)
    }
    func fsync(_ fd: Int32, path: String) throws(IOFailure) {
        let name = (path as NSString).lastPathComponent
        if let f = failFsyncOf, name == f { throw IOFailure(operation: "fsync", path: path, code: EIO) }
        note("fsync " + name)
        try real.fsync(fd, path: path)
    }
    func close(_ fd: Int32) { real.close(fd) }
    func rename(_ from: String, to: String) throws(IOFailure) { try real.rename(from, to: to) }
    func unlink(_ path: String) { real.unlink(path) }
    func truncate(_ fd: Int32, length: Int64, path: String) throws(IOFailure) { try real.truncate(fd, length: length, path: path) }
    func status(_ path: String) throws(IOFailure) -> FileStatus? { try real.status(path) }
    func read(_ path: String, limit: Int64) throws(IOFailure) -> [UInt8] { try real.read(path, limit: limit) }
    func list(_ folder: String) throws(IOFailure) -> [String] { try real.list(folder) }
}
