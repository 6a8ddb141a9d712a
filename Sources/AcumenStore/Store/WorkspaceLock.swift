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
public final class WorkspaceLock {
    private var fd: Int32
    /// Pid of the process that wrote the lock file last (the holder, when locked).
    public let holderDescription: String

    private init(fd: Int32, holder: String) { self.fd = fd; holderDescription = holder }

    /// Tries to take the lock without waiting.
    /// - Returns: the lock, or nil with a description of the holder when another process has it.
    public static func acquire(folder: String) -> (lock: WorkspaceLock?, holder: String) {
        let path = folder + "/" + WorkspaceFiles.lock
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return (nil, "cannot open \(path): \(String(cString: strerror(errno)))") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            var buf = [UInt8](repeating: 0, count: 128)
            let n = buf.withUnsafeMutableBytes { b in b.baseAddress.map { pread(fd, $0, 127, 0) } ?? 0 }
            close(fd)
            let text = n > 0 ? String(decoding: buf[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "another process"
            return (nil, text.isEmpty ? "another process" : text)
        }
        let me = "pid \(getpid())"
        _ = ftruncate(fd, 0)
        _ = me.withCString { pwrite(fd, $0, strlen($0), 0) }
        return (WorkspaceLock(fd: fd, holder: me), me)
    }

    /// Releases the lock.
    public func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)  // no holder any more; keeps demo folders byte-identical
        _ = flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
