import AcumenCore
#if canImport(Glibc)
import Glibc
#endif

/// Reading back and patching a temporary file before it is committed: a file written piece by
/// piece is fingerprinted from the page cache (never held whole in memory), and a header whose
/// values are known only at the end (a cache's key) is written in place.
extension AtomicFile.Staged {
    /// Bytes mapped at a time by ``fingerprint(total:)`` (a multiple of the page size).
    static let fingerprintWindow = 32 << 20

    /// ``Checksum/fingerprint(_:)`` of the `total` bytes written so far, read back from the
    /// temporary file (from the page cache) a 32 MiB window at a time — a whole 230 MB file
    /// mapped at once would count in the process's resident memory until unmapped — or in
    /// 1 MiB pieces when it cannot be mapped.
    func fingerprint(total: Int) throws(IOFailure) -> UInt64 {
        let rfd = try openForReadBack()
        defer { fs.close(rfd) }
        var st = stat()
        if total > 0, fstat(rfd, &st) == 0, st.st_size == off_t(total) {
            var stream = FingerprintStream(total: total)
            var offset = 0
            while offset < total {
                let size = min(Self.fingerprintWindow, total - offset)
                guard let base = mmap(nil, size, PROT_READ, MAP_SHARED | MAP_POPULATE, rfd, off_t(offset)), base != MAP_FAILED else { break }
                stream.add(UnsafeRawBufferPointer(start: base, count: size))
                munmap(base, size)
                offset += size
            }
            if offset == total, let hash = stream.finish() { return hash }
        }
        return try fingerprint(rfd, from: 0, count: total)
    }

    /// ``Checksum/fingerprint(_:)`` of `count` bytes from `offset` of the temporary file, read
    /// back (from the page cache) in 1 MiB pieces.
    func fingerprint(from offset: Int, count: Int) throws(IOFailure) -> UInt64 {
        let rfd = try openForReadBack()
        defer { fs.close(rfd) }
        return try fingerprint(rfd, from: offset, count: count)
    }

    /// Writes every byte of `raw` at `offset` of the temporary file, over bytes already
    /// written (a header filled in once its values are known).
    func write(_ raw: UnsafeRawBufferPointer, at offset: Int) throws(IOFailure) {
        var done = 0
        while done < raw.count {
            let n = pwrite(fd, raw.baseAddress.map { $0 + done }, raw.count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw IOFailure(operation: "write", path: target, code: n < 0 ? errno : EIO) }
            done += n
        }
    }

    private func openForReadBack() throws(IOFailure) -> Int32 {
        do { return try fs.open(temp, flags: O_RDONLY | O_NOFOLLOW, mode: 0) } catch {
            throw IOFailure(operation: "read back", path: target, code: error.code, reason: error.reason)
        }
    }

    private func fingerprint(_ rfd: Int32, from start: Int, count: Int) throws(IOFailure) -> UInt64 {
        var stream = FingerprintStream(total: count)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { pread(rfd, $0.baseAddress, min($0.count, count - done), off_t(start + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw IOFailure(operation: "read back", path: target, code: n < 0 ? errno : EIO) }
            buffer.withUnsafeBytes { stream.add(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            done += n
        }
        guard let hash = stream.finish() else { throw IOFailure(operation: "read back", path: target, code: EIO) }
        return hash
    }
}
