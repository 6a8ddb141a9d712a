import AcumenCore
import AcumenAnalytics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A failed system call, with the path and the `errno` it returned.
public struct IOFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was being done (`open`, `write`, `fsync`, `rename`…).
    public var operation: String
    public var path: String
    public var code: Int32
    /// A reason to show instead of the system's text for `code` (e.g. "it is a FIFO, not a regular file").
    public var reason: String?

    public init(operation: String, path: String, code: Int32, reason: String? = nil) {
        self.operation = operation; self.path = path; self.code = code; self.reason = reason
    }

    public var description: String {
        let reason = self.reason ?? String(cString: strerror(code))
        let hint: String
        switch code {
        case ENOSPC, EDQUOT: hint = " — the disk is full; free some space and save again"
        case EFBIG: hint = " — the file is larger than allowed (file size limit)"
        case EACCES, EPERM: hint = " — no permission; check the folder's owner and mode"
        case EROFS: hint = " — the file system is read-only"
        case ELOOP: hint = " — it is a symbolic link; Acumen does not write through links (replace the link with the file it points to)"
        case EIO: hint = " — the disk reported an error; your edits are kept, try saving again or save elsewhere"
        default: hint = ""
        }
        return "cannot \(operation) \(path): \(reason)\(hint)"
    }
}

/// Metadata of a file, used to notice changes made behind Acumen's back.
public struct FileStatus: Hashable, Sendable {
    public var size: Int64
    public var modifiedNanoseconds: Int64
    public var inode: UInt64
    public var isRegular: Bool
    public var isDirectory: Bool
    public var isSymlink: Bool
    /// Status change time (ctime) in nanoseconds: set by the kernel on every write or
    /// `utimes`, so a same-size change that restored the mtime is still noticed.
    public var changedNanoseconds: Int64 = 0
}

/// The narrow seam through which every workspace write goes, so tests can inject faults.
///
/// ``PosixFileSystem`` is the real one; tests wrap it to fail a chosen call with `ENOSPC`,
/// `EIO`, `EACCES`, a failing `fsync` or `rename`, or a short write.
public protocol FileSystem: Sendable {
    func open(_ path: String, flags: Int32, mode: mode_t) throws(IOFailure) -> Int32
    /// Writes some bytes; may write fewer than asked (a short write).
    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws(IOFailure) -> Int
    func fsync(_ fd: Int32, path: String) throws(IOFailure)
    func close(_ fd: Int32)
    func rename(_ from: String, to: String) throws(IOFailure)
    func unlink(_ path: String)
    func truncate(_ fd: Int32, length: Int64, path: String) throws(IOFailure)
    /// Status without following a final symlink; nil if the path does not exist.
    func status(_ path: String) throws(IOFailure) -> FileStatus?
    /// Reads a whole regular file, refusing anything larger than `limit` bytes.
    func read(_ path: String, limit: Int64) throws(IOFailure) -> [UInt8]
    /// Opens a whole regular file for reading in pieces, refusing anything larger than `limit`
    /// bytes (the checks and errors of ``read(_:limit:)``). The default reads the file whole.
    func openForReading(_ path: String, limit: Int64) throws(IOFailure) -> any FileReader
    /// Names in a folder.
    func list(_ folder: String) throws(IOFailure) -> [String]
}

/// The real POSIX file system.
public struct PosixFileSystem: FileSystem {
    public init() {}

    public func open(_ path: String, flags: Int32, mode: mode_t) throws(IOFailure) -> Int32 {
        let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
        if fd < 0 { throw IOFailure(operation: "open", path: path, code: errno) }
        return fd
    }

    public func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws(IOFailure) -> Int {
        while true {
            let n = Glibc.write(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw IOFailure(operation: "write", path: path, code: errno)
        }
    }

    public func fsync(_ fd: Int32, path: String) throws(IOFailure) {
        if Glibc.fsync(fd) != 0 { throw IOFailure(operation: "fsync", path: path, code: errno) }
    }

    public func close(_ fd: Int32) { _ = Glibc.close(fd) }

    public func rename(_ from: String, to: String) throws(IOFailure) {
        if Glibc.rename(from, to) != 0 { throw IOFailure(operation: "rename", path: to, code: errno) }
    }

    public func unlink(_ path: String) { _ = Glibc.unlink(path) }

    public func truncate(_ fd: Int32, length: Int64, path: String) throws(IOFailure) {
        if ftruncate(fd, off_t(length)) != 0 { throw IOFailure(operation: "truncate", path: path, code: errno) }
    }

    public func status(_ path: String) throws(IOFailure) -> FileStatus? {
        var st = stat()
        if lstat(path, &st) != 0 {
            if errno == ENOENT { return nil }
            throw IOFailure(operation: "stat", path: path, code: errno)
        }
        let type = st.st_mode & S_IFMT
        return FileStatus(size: Int64(st.st_size),
                          modifiedNanoseconds: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
                          inode: UInt64(st.st_ino), isRegular: type == S_IFREG, isDirectory: type == S_IFDIR,
                          isSymlink: type == S_IFLNK,
                          changedNanoseconds: Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec))
    }

    public func read(_ path: String, limit: Int64) throws(IOFailure) -> [UInt8] {
        let fd = try open(path, flags: O_RDONLY | O_NONBLOCK, mode: 0)
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw IOFailure(operation: "stat", path: path, code: errno) }
        let type = st.st_mode & S_IFMT
        guard type == S_IFREG else { throw IOFailure(operation: "read (not a regular file)", path: path, code: type == S_IFDIR ? EISDIR : EINVAL) }
        guard Int64(st.st_size) <= limit else { throw IOFailure(operation: "read", path: path, code: EFBIG) }
        let size = Int(st.st_size)
        var failure: Int32 = 0
        let out = [UInt8](unsafeUninitializedCapacity: size) { buf, initialized in
            var done = 0
            while done < size, let base = buf.baseAddress {
                let n = Glibc.read(fd, base + done, size - done)
                if n < 0 { if errno == EINTR { continue }; failure = errno; break }
                if n == 0 { break }
                done += n
            }
            initialized = done
        }
        if failure != 0 { throw IOFailure(operation: "read", path: path, code: failure) }
        return out
    }

    public func openForReading(_ path: String, limit: Int64) throws(IOFailure) -> any FileReader {
        try DescriptorReader(path, limit: limit, fs: self)
    }

    public func list(_ folder: String) throws(IOFailure) -> [String] {
        guard let dir = opendir(folder) else { throw IOFailure(operation: "list", path: folder, code: errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
