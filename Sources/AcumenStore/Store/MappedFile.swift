import AcumenCore
#if canImport(Glibc)
import Glibc
#endif

/// A regular file mapped read-only into memory, unmapped when the last reference goes: the
/// caches are read where they lie in the page cache instead of being copied.
///
/// Writers replace a cache by rename (``AtomicFile``), never in place, so a mapped inode
/// keeps its size and bytes while it is mapped.
final class MappedFile: MappedPages, @unchecked Sendable {
    /// The file's bytes (page-aligned).
    let bytes: UnsafeRawBufferPointer

    /// Maps the regular file at `path` (not through a symbolic link); nil when it cannot be
    /// opened or mapped, or is empty or beyond 1 TiB.
    /// - Parameter populate: map every page at once (`MAP_POPULATE`) instead of on first touch.
    init?(path: String, populate: Bool = false) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size > 0, st.st_size < 1 << 40 else { return nil }
        let size = Int(st.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE | (populate ? MAP_POPULATE : 0), fd, 0), base != MAP_FAILED else {
            return nil
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    /// Drops the pages from this process's resident memory; the mapping stays valid and the
    /// next read maps them again from the page cache (a private read-only mapping has no
    /// changes to lose).
    func releaseResidentPages() {
        guard let base = bytes.baseAddress else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base), bytes.count, MADV_DONTNEED)
    }

    /// Drops the pages wholly inside `part` (which lies in ``bytes``) from this process's
    /// resident memory; a page only partly inside stays.
    func releaseResidentPages(in part: UnsafeRawBufferPointer) {
        guard let start = part.baseAddress, let base = bytes.baseAddress else { return }
        let page = Self.pageSize
        let from = max(Int(bitPattern: start), Int(bitPattern: base))
        let to = min(Int(bitPattern: start) + part.count, Int(bitPattern: base) + bytes.count)
        let first = (from + page - 1) / page * page, last = to / page * page
        guard last > first, let p = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(p, last - first, MADV_DONTNEED)
    }

    /// The system's page size (called behind every scan block: looked up once).
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
