import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// A ``FileSystem`` over the real one that fails chosen calls, for fault-injection tests.
///
/// Every fallible call (`open`, `write`, `fsync`, `rename`, `truncate`, `status`, `read`,
/// `list`) gets an index in call order; a plan maps indices to faults. A short write writes
/// half the buffer for real and arms `ENOSPC` for the next write, as a filling disk does.
final class FaultyFileSystem: FileSystem, @unchecked Sendable {
    /// A fallible call.
    enum Op: String, CaseIterable, Sendable { case open, write, fsync, rename, truncate, status, read, list }

    /// What goes wrong.
    enum Fault: Hashable, Sendable, CustomStringConvertible {
        case error(Int32)
        case shortWrite

        var description: String {
            switch self {
            case .shortWrite: "short write + ENOSPC"
            case .error(let code):
                [ENOSPC: "ENOSPC", EIO: "EIO", EACCES: "EACCES", EFBIG: "EFBIG", EXDEV: "EXDEV"][code] ?? "errno \(code)"
            }
        }
    }

    private let real = PosixFileSystem()
    private let lock = NSLock()
    private var plan: [Int: Fault] = [:]
    private var calls: [(op: Op, path: String)] = []
    private var enospcNextWrite = false
    private var renamed: [String] = []
    private var openCalls: [(path: String, flags: Int32, mode: mode_t)] = []
    /// Largest write passed to the real file system (0: no limit).
    let maxWrite: Int

    init(maxWrite: Int = 0) { self.maxWrite = maxWrite }

    /// Fails the calls at these indices (counted from now) with these faults.
    func inject(_ faults: [Int: Fault]) { lock.withLock { plan = faults; calls = []; renamed = []; openCalls = []; enospcNextWrite = false } }

    /// The calls made since the last ``inject(_:)``.
    var log: [(op: Op, path: String)] { lock.withLock { calls } }
    /// Every `open` since the last ``inject(_:)`` with its flags and mode.
    var opens: [(path: String, flags: Int32, mode: mode_t)] { lock.withLock { openCalls } }
    /// Targets of renames that completed since the last ``inject(_:)``.
    var completedRenames: [String] { lock.withLock { renamed } }

    private func step(_ op: Op, _ path: String) throws(IOFailure) {
        let fault: Fault? = lock.withLock {
            calls.append((op, path))
            if op == .write && enospcNextWrite { enospcNextWrite = false; return .error(ENOSPC) }
            return plan[calls.count - 1]
        }
        switch fault {
        case .error(let code)?: throw IOFailure(operation: op.rawValue, path: path, code: code)
        case .shortWrite? where op != .write: throw IOFailure(operation: op.rawValue, path: path, code: EIO)
        default: break
        }
    }

    private func isShortWrite() -> Bool { lock.withLock { plan[calls.count - 1] == .shortWrite } }

    func open(_ path: String, flags: Int32, mode: mode_t) throws(IOFailure) -> Int32 {
        try step(.open, path)
        lock.withLock { openCalls.append((path, flags, mode)) }
        return try real.open(path, flags: flags, mode: mode)
    }

    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws(IOFailure) -> Int {
        try step(.write, path)
        var count = buffer.count
        if isShortWrite() {
            count = max(1, buffer.count / 2)
            lock.withLock { enospcNextWrite = true }
        }
        if maxWrite > 0 { count = min(count, maxWrite) }
        return try real.write(fd, UnsafeRawBufferPointer(rebasing: buffer[0..<count]), path: path)
    }

    func fsync(_ fd: Int32, path: String) throws(IOFailure) { try step(.fsync, path); try real.fsync(fd, path: path) }
    func close(_ fd: Int32) { real.close(fd) }

    func rename(_ from: String, to: String) throws(IOFailure) {
        try step(.rename, to)
        try real.rename(from, to: to)
        lock.withLock { renamed.append(to) }
    }

    func unlink(_ path: String) { real.unlink(path) }
    func truncate(_ fd: Int32, length: Int64, path: String) throws(IOFailure) { try step(.truncate, path); try real.truncate(fd, length: length, path: path) }
    func status(_ path: String) throws(IOFailure) -> FileStatus? { try step(.status, path); return try real.status(path) }
    func read(_ path: String, limit: Int64) throws(IOFailure) -> [UInt8] { try step(.read, path); return try real.read(path, limit: limit) }
    func list(_ folder: String) throws(IOFailure) -> [String] { try step(.list, folder); return try real.list(folder) }

    /// The realistic faults for a call.
    static func faults(for op: Op) -> [Fault] {
        switch op {
        case .open: [.error(EACCES), .error(ENOSPC), .error(EIO)]
        case .write: [.error(ENOSPC), .error(EIO), .shortWrite]
        case .fsync: [.error(EIO), .error(ENOSPC)]
        case .rename: [.error(EACCES), .error(EIO), .error(EXDEV)]
        case .truncate: [.error(EIO)]
        case .status, .read, .list: [.error(EACCES), .error(EIO)]
        }
    }
}
