import AcumenCore
import AcumenAnalytics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Crash-safe replacement of a file: the old or the new content survives any crash, never a mix.
///
/// Protocol (see `../shared/TOOLCHAIN.md`, measured 0 corrupt files in 300 kill -9 runs):
/// create a temporary file in the same folder with `O_CREAT|O_EXCL|O_NOFOLLOW`, mode 0600;
/// write everything (retrying short writes); `fsync`; `close`; `rename` over the target;
/// `fsync` the folder. On any error the temporary file is removed and the target is untouched.
public struct AtomicFile {
    /// Prefix of temporary files, so stale ones can be found and removed on open.
    public static let tempPrefix = ".acumen-tmp-"

    let fs: any FileSystem

    /// Creates a writer over a file system seam.
    public init(fs: any FileSystem = PosixFileSystem()) { self.fs = fs }

    /// Replaces `path` with `bytes`.
    /// - Parameter allowSymlink: when false (the default) a symlinked target is refused, so a
    ///   planted link cannot redirect the write.
    ///   When true, the link is kept and the file it points to is replaced (crash-safely, in
    ///   the target's folder).
    ///   Only a regular file (or nothing) is ever replaced: a directory, FIFO, socket or device
    ///   node at `path` (or behind an allowed link) is refused before anything is written, so
    ///   a rename can never put a file where `/dev/null` was. Errors name `path`, never the
    ///   temporary file.
    public func replace(_ path: String, with bytes: [UInt8], allowSymlink: Bool = false) throws(IOFailure) {
        var path = path
        if let st = try fs.status(path) {
            if st.isSymlink {
                guard allowSymlink else { throw IOFailure(operation: "write through the symlink", path: path, code: ELOOP) }
                path = try Self.resolve(path)
                if let target = try fs.status(path), !target.isRegular { throw Self.notRegular(path, isDirectory: target.isDirectory) }
            } else if !st.isRegular {
                throw Self.notRegular(path, isDirectory: st.isDirectory)
            }
        }
        let folder = Self.folder(of: path)
        let name = String(path.split(separator: "/").last ?? "")
        var fd: Int32 = -1
        var temp = ""
        for attempt in 0..<16 {
            temp = folder + "/" + Self.tempPrefix + name + "-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            do {
                fd = try fs.open(temp, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o600)
                break
            } catch {
                if error.code != EEXIST || attempt == 15 { throw IOFailure(operation: "write", path: path, code: error.code, reason: error.reason) }
            }
        }
        do {
            try writeAll(fd, bytes, path: temp)
            try fs.fsync(fd, path: temp)
        } catch {
            fs.close(fd)
            fs.unlink(temp)
            throw IOFailure(operation: error.operation, path: path, code: error.code, reason: error.reason)
        }
        fs.close(fd)
        do {
            try fs.rename(temp, to: path)
        } catch {
            fs.unlink(temp)
            throw error
        }
        try syncFolder(folder)
    }

    /// The refusal for a target that is not a regular file, naming what it is.
    static func notRegular(_ path: String, isDirectory: Bool) -> IOFailure {
        var st = stat()
        let kind: String
        switch lstat(path, &st) == 0 ? st.st_mode & S_IFMT : 0 {
        case S_IFCHR: kind = "a character device"
        case S_IFBLK: kind = "a block device"
        case S_IFIFO: kind = "a FIFO (named pipe)"
        case S_IFSOCK: kind = "a socket"
        case S_IFDIR: kind = "a directory"
        default: kind = isDirectory ? "a directory" : "a special file"
        }
        return IOFailure(operation: "replace", path: path, code: isDirectory ? EISDIR : EINVAL,
                         reason: "it is \(kind), not a regular file; Acumen only replaces regular files")
    }

    /// Writes every byte, looping over short writes.
    func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(IOFailure) {
        var done = 0
        while done < bytes.count {
            let result = bytes.withUnsafeBytes { buf in
                Result { () throws(IOFailure) -> Int in
                    try fs.write(fd, UnsafeRawBufferPointer(rebasing: buf[done...]), path: path)
                }
            }
            let n = try result.get()
            if n <= 0 { throw IOFailure(operation: "write", path: path, code: EIO) }
            done += n
        }
    }

    /// `fsync`s a folder so a rename in it is durable.
    public func syncFolder(_ folder: String) throws(IOFailure) {
        let dfd = try fs.open(folder, flags: O_RDONLY | O_DIRECTORY, mode: 0)
        defer { fs.close(dfd) }
        try fs.fsync(dfd, path: folder)
    }

    /// Removes temporary files left by a crashed save; returns how many were removed.
    @discardableResult
    public func removeStaleTemporaries(in folder: String) -> Int {
        guard let names = try? fs.list(folder) else { return 0 }
        var removed = 0
        for n in names where n.hasPrefix(Self.tempPrefix) {
            fs.unlink(folder + "/" + n)
            removed += 1
        }
        return removed
    }

    /// The absolute path a symlink finally points to.
    static func resolve(_ path: String) throws(IOFailure) -> String {
        guard let resolved = realpath(path, nil) else { throw IOFailure(operation: "resolve the symlink", path: path, code: errno) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let f = String(path[..<slash])
        return f.isEmpty ? "/" : f
    }
}
