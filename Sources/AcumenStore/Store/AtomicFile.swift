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
        let staged = try begin(path, allowSymlink: allowSymlink)
        do {
            try staged.append(bytes)
        } catch {
            staged.abandon()
            throw error
        }
        try staged.commit()
    }

    /// A replacement in progress: the temporary file is created and open. ``append(_:)`` adds
    /// bytes, ``commit()`` makes them the target's content (fsync, rename, fsync of the
    /// folder), ``abandon()`` removes the temporary file and leaves the target untouched.
    /// Lets a large file be written piece by piece without joining the pieces in memory.
    public struct Staged {
        let fs: any FileSystem
        let fd: Int32
        let temp: String
        /// The file replaced (after resolving an allowed symlink): errors name it.
        let target: String

        /// Writes every byte of `raw` at the end of the temporary file (short writes retried).
        /// On failure the caller abandons the replacement.
        public func append(_ raw: UnsafeRawBufferPointer) throws(IOFailure) {
            var done = 0
            while done < raw.count {
                let n: Int
                do { n = try fs.write(fd, UnsafeRawBufferPointer(rebasing: raw[done...]), path: temp) } catch {
                    throw IOFailure(operation: error.operation, path: target, code: error.code, reason: error.reason)
                }
                if n <= 0 { throw IOFailure(operation: "write", path: target, code: EIO) }
                done += n
            }
        }

        /// Writes every byte of `bytes` at the end of the temporary file.
        public func append(_ bytes: [UInt8]) throws(IOFailure) {
            let result = bytes.withUnsafeBytes { raw in Result { () throws(IOFailure) in try append(raw) } }
            try result.get()
        }

        /// `fsync`, `close`, `rename` over the target, `fsync` of the folder. On a failure
        /// before the rename the temporary file is removed and the target is untouched.
        /// - Parameter synced: true when ``sync()`` has already made the bytes durable.
        public func commit(synced: Bool = false) throws(IOFailure) {
            if !synced { try sync() }
            fs.close(fd)
            do {
                try fs.rename(temp, to: target)
            } catch {
                fs.unlink(temp)
                throw error
            }
            try AtomicFile(fs: fs).syncFolder(AtomicFile.folder(of: target))
        }

        /// `fsync`s the temporary file (the first step of ``commit(synced:)``, so it can run
        /// beside other work); on failure the temporary file is removed.
        public func sync() throws(IOFailure) {
            do { try fs.fsync(fd, path: temp) } catch {
                abandon()
                throw IOFailure(operation: error.operation, path: target, code: error.code, reason: error.reason)
            }
        }

        /// Closes and removes the temporary file; the target stays as it was.
        public func abandon() {
            fs.close(fd)
            fs.unlink(temp)
        }
    }

    /// Starts replacing `path` (checks as ``replace(_:with:allowSymlink:)``): creates the
    /// temporary file beside the target.
    public func begin(_ path: String, allowSymlink: Bool = false) throws(IOFailure) -> Staged {
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
        for attempt in 0..<16 {
            let temp = folder + "/" + Self.tempPrefix + name + "-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            do {
                let fd = try fs.open(temp, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o600)
                return Staged(fs: fs, fd: fd, temp: temp, target: path)
            } catch {
                if error.code != EEXIST || attempt == 15 { throw IOFailure(operation: "write", path: path, code: error.code, reason: error.reason) }
            }
        }
        throw IOFailure(operation: "write", path: path, code: EEXIST)
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
