import AcumenCore
#if canImport(Glibc)
import Glibc
#endif

/// The save review's line index of a file on disk, read in windows of ``windowBytes`` rather
/// than whole: the same index as ``CustomerLineIndex/init(disk:status:hash:customers:)`` over
/// the file's bytes (a test holds the two equal), with memory for one window instead of the
/// whole file (264 MB at a million customers, allocated while the workbench's other
/// background work — the lifetime-value fit, the history — also runs).
extension CustomerLineIndex {
    /// Bytes read at a time; the lines of a window are compared on all cores.
    static let windowBytes = 8 << 20

    /// Reads `path` in windows, fingerprints it on the way and compares each line with its
    /// customer's encoding.
    /// - Returns: nil when the file cannot be read, its fingerprint is not `hash`, or it does
    ///   not hold exactly one line per customer after the header.
    static func streamed(path: String, fs: any FileSystem, status: FileStatus?, hash: UInt64, customers list: CustomerList,
                         window windowSize: Int = windowBytes) -> CustomerLineIndex? {
        guard let fd = try? fs.open(path, flags: O_RDONLY | O_NONBLOCK, mode: 0) else { return nil }
        defer { fs.close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        let total = Int(st.st_size)
        var stream = FingerprintStream(total: total)
        var header: [UInt8]?
        var line = 0  // lines completed so far (the header is line 0)
        var differing: [Int] = []
        var carry: [UInt8] = []  // the start of a line that continues in the next window
        var window = [UInt8](repeating: 0, count: max(1, windowSize))
        var offset = 0
        // Compares the complete lines in `bytes` (each ends with a line feed, or is the file's last).
        func take(_ bytes: UnsafeRawBufferPointer) {
            var starts: [Int] = [0]
            if let base = bytes.baseAddress {
                var at = 0
                while at < bytes.count, let hit = memchr(base + at, 0x0A, bytes.count - at) {
                    at = base.distance(to: UnsafeRawPointer(hit)) + 1
                    starts.append(at)
                }
            }
            if starts.last != bytes.count { starts.append(bytes.count) }
            var first = 0
            if header == nil, starts.count > 1 {
                header = Array(bytes[0..<starts[1]])
                first = 1
            }
            let firstCustomer = line + first - 1
            let count = starts.count - 1 - first
            let pieces = count >= 4096 ? Parallel.cores * 2 : 1
            let found = Parallel.map(pieces) { p -> [Int] in
                let from = count * p / pieces, to = count * (p + 1) / pieces
                var out: [Int] = []
                var encoded: [UInt8] = []
                for j in from..<to {
                    let k = firstCustomer + j
                    guard k < list.count else { break }
                    encoded.removeAll(keepingCapacity: true)
                    CustomerLineWriter.append(list[k], to: &encoded)
                    if !encoded.elementsEqual(UnsafeRawBufferPointer(rebasing: bytes[starts[first + j]..<starts[first + j + 1]])) { out.append(k) }
                }
                return out
            }
            differing += found.flatMap { $0 }
            line += starts.count - 1
        }
        while offset < total {
            let n = window.withUnsafeMutableBytes { pread(fd, $0.baseAddress, min($0.count, total - offset), off_t(offset)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            offset += n
            window.withUnsafeBytes { raw in
                let got = UnsafeRawBufferPointer(rebasing: raw[0..<n])
                stream.add(got)
                // Complete lines end at the last line feed; the rest waits for the next window.
                var end = n
                while end > 0, got[end - 1] != 0x0A { end -= 1 }
                if offset == total { end = n }
                if carry.isEmpty {
                    take(UnsafeRawBufferPointer(rebasing: got[0..<end]))
                } else if end > 0 {
                    let newline = got.firstIndex(of: 0x0A).map { $0 + 1 } ?? end
                    carry += got[0..<newline]
                    carry.withUnsafeBytes { take($0) }
                    carry = []
                    take(UnsafeRawBufferPointer(rebasing: got[newline..<end]))
                }
                carry += got[end..<n]
            }
        }
        if !carry.isEmpty { carry.withUnsafeBytes { take($0) } }
        guard stream.finish() == hash, line == list.count + 1, let header else { return nil }
        return CustomerLineIndex(header: header, customers: list.count, status: status, hash: hash, differing: differing)
    }
}
