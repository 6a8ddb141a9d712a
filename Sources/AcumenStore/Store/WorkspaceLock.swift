import AcumenCore
import AcumenAnalytics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a workspace, held on a separate lock file with `flock`.
///
/// The kernel releases a `flock` when its process dies, so a lock left by a crashed Acumen
/// never blocks anyone (stale locks recover themselves). The data files are not locked
/// directly because a crash-safe save replaces them (rename swaps the inode).
///
/// A `flock` protects only the file it was taken on: when someone removes or replaces
/// `.acumen.lock`, a second Acumen can take a lock on the new file. ``lostReason()`` notices
/// this (the path no longer names the file this lock holds), and the store checks it before
/// every journal append and save.
public final class WorkspaceLock {
    private var fd: Int32
    /// The lock file's path.
    public let path: String
    /// Pid of the process that wrote the lock file last (the holder, when locked).
    public let holderDescription: String

    private init(fd: Int32, path: String, holder: String) { self.fd = fd; self.path = path; holderDescription = holder }

    /// What happened when taking the lock.
    public enum Outcome {
        /// The lock is ours.
        case acquired(WorkspaceLock)
        /// Another process holds it (described by what it wrote into the lock file).
        case heldBy(String)
        /// The lock file cannot be created or locked (read-only folder, a directory in its
        /// place…): the reason, in words.
        case unavailable(String)
    }

    /// Tries to take the lock without waiting.
    public static func take(folder: String) -> Outcome {
        let path = folder + "/" + WorkspaceFiles.lock
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o600)
        guard fd >= 0 else {
            let code = errno
            let what: String
            switch code {
            case EISDIR: what = "it is a directory"
            case ELOOP: what = "it is a symbolic link"
            case EROFS: what = "the file system is read-only"
            case EACCES, EPERM: what = "no permission to create it (the folder is read-only for you)"
            default: what = String(cString: strerror(code))
            }
            return .unavailable("cannot use the lock file \(path): \(what)")
        }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            return .unavailable("cannot use the lock file \(path): it is not a regular file")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK else {
                close(fd)
                return .unavailable("cannot lock \(path): \(String(cString: strerror(code)))")
            }
            var buf = [UInt8](repeating: 0, count: 128)
            let n = buf.withUnsafeMutableBytes { b in b.baseAddress.map { pread(fd, $0, 127, 0) } ?? 0 }
            close(fd)
            let text = n > 0 ? String(decoding: buf[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "another process"
            return .heldBy(text.isEmpty || text.count > 40 ? "another process" : text)
        }
        let me = "pid \(getpid())"
        _ = ftruncate(fd, 0)
        _ = me.withCString { pwrite(fd, $0, strlen($0), 0) }
        return .acquired(WorkspaceLock(fd: fd, path: path, holder: me))
    }

    /// Why this lock no longer protects the workspace, or nil while it does: the lock file
    /// was removed or replaced (its path names another file than the one locked).
    public func lostReason() -> String? {
        guard fd >= 0 else { return "the workspace lock was released" }
        var held = stat(), now = stat()
        guard fstat(fd, &held) == 0 else { return "the workspace lock cannot be checked (\(String(cString: strerror(errno))))" }
        if lstat(path, &now) != 0 {
            return errno == ENOENT ? "the lock file \(path) was removed while this Acumen held it"
                : "the lock file \(path) cannot be checked (\(String(cString: strerror(errno))))"
        }
        if now.st_dev != held.st_dev || now.st_ino != held.st_ino {
            return "the lock file \(path) was replaced while this Acumen held it"
        }
        return nil
    }

    /// Releases the lock.
    public func release() {
        guard fd >= 0 else { return }
        if lostReason() == nil { _ = ftruncate(fd, 0) }  // no holder any more; keeps demo folders byte-identical
        _ = flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
