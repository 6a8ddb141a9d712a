import Foundation
import AcumenCore
import ArgumentParser

/// Standard output as the sink of a ``ByteOutput``: reports and exports stream to it in
/// chunks (constant memory), each chunk written in full with `write(2)`; a failed write
/// (`ENOSPC`, `EIO`, a closed pipe) is reported and ends the command with status 1.
enum StreamedOutput {
    /// Chunk size: large enough that a write costs little per byte, small enough to stay in cache.
    static let chunkSize = 1 << 20

    /// A buffer whose chunks go to standard output.
    static func standardOutput() -> ByteOutput {
        ByteOutput(chunkSize: chunkSize) { bytes in try write(bytes, to: 1) }
    }

    /// Writes every byte, looping over short writes and `EINTR`.
    /// - Throws: `ExitCode(1)` after saying why on standard error.
    static func write(_ bytes: [UInt8], to fd: Int32) throws {
        let code = bytes.withUnsafeBytes { buf -> Int32 in
            var done = 0
            while done < buf.count, let base = buf.baseAddress {
                let n = Glibc.write(fd, base + done, buf.count - done)
                if n > 0 { done += n; continue }
                if n < 0 && errno == EINTR { continue }
                return n == 0 ? EIO : errno
            }
            return 0
        }
        guard code == 0 else {
            printError("acumen: cannot write to standard output: \(String(cString: strerror(code)))")
            throw ExitCode(1)
        }
    }
}
