import AcumenCore
#if canImport(Glibc)
import Glibc
#endif

/// A regular file opened for reading piece by piece (``FileSystem/openForReading(_:limit:)``),
/// so a large file is read through a buffer of the caller's instead of whole.
public protocol FileReader: AnyObject {
    /// The file's size when it was opened; reading stops there.
    var size: Int { get }
    /// Reads the next bytes into `buffer` and returns how many; 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int
}

extension FileSystem {
    /// Opens a regular file for reading in pieces: by default the whole file through
    /// ``FileSystem/read(_:limit:)`` (so a test's file system needs nothing more, and its
    /// injected faults still apply), served from memory.
    public func openForReading(_ path: String, limit: Int64) throws(IOFailure) -> any FileReader {
        BytesReader(try read(path, limit: limit))
    }
}

/// A ``FileReader`` over bytes already in memory.
final class BytesReader: FileReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var size: Int { bytes.count }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int {
        let n = min(buffer.count, bytes.count - offset)
        guard n > 0, let to = buffer.baseAddress else { return 0 }
        bytes.withUnsafeBytes { from in
            if let base = from.baseAddress { to.copyMemory(from: base + offset, byteCount: n) }
        }
        offset += n
        return n
    }
}

/// A ``FileReader`` over an open descriptor (``PosixFileSystem``): the checks and errors of
/// ``PosixFileSystem/read(_:limit:)``, then `read(2)` into the caller's buffer.
final class DescriptorReader: FileReader {
    private let fd: Int32
    private let path: String
    let size: Int
    private var offset = 0

    /// Opens `path` (a regular file of at most `limit` bytes).
    init(_ path: String, limit: Int64, fs: PosixFileSystem) throws(IOFailure) {
        let fd = try fs.open(path, flags: O_RDONLY | O_NONBLOCK, mode: 0)
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw IOFailure(operation: "stat", path: path, code: code)
        }
        let type = st.st_mode & S_IFMT
        guard type == S_IFREG else {
            Glibc.close(fd)
            throw IOFailure(operation: "read (not a regular file)", path: path, code: type == S_IFDIR ? EISDIR : EINVAL)
        }
        guard Int64(st.st_size) <= limit else {
            Glibc.close(fd)
            throw IOFailure(operation: "read", path: path, code: EFBIG)
        }
        self.fd = fd
        self.path = path
        size = Int(st.st_size)
    }

    deinit { Glibc.close(fd) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int {
        let want = min(buffer.count, size - offset)
        guard want > 0, let base = buffer.baseAddress else { return 0 }
        while true {
            let n = Glibc.read(fd, base, want)
            if n >= 0 { offset += n; return n }
            if errno == EINTR { continue }
            throw IOFailure(operation: "read", path: path, code: errno)
        }
    }
}
