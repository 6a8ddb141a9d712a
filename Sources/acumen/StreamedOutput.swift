import Foundation
import AcumenCore
import ArgumentParser

/// Standard output as the sink of a ``ByteOutput``: reports and exports stream to it in
/// chunks (constant memory), each chunk written in full with `write(2)` by the checked console path; a failed write
/// (`ENOSPC`, `EIO`, a closed pipe) is reported and ends the command with status 1.
enum StreamedOutput {
    /// Chunk size: large enough that a write costs little per byte, small enough to stay in cache.
    static let chunkSize = 1 << 20

    /// A buffer whose chunks go to standard output.
    static func standardOutput() -> ByteOutput {
        ByteOutput(chunkSize: chunkSize) { bytes in try write(bytes, to: 1) }
    }

    /// Writes every byte (``Console/writeAll(_:_:)``: short writes, `EINTR`, `EAGAIN`).
    /// - Throws: `ExitCode(1)` after saying why on standard error.
    static func write(_ bytes: [UInt8], to fd: Int32) throws {
        let code = Console.writeAll(fd, bytes)
        guard code == 0 else {
            printError("acumen: cannot write to standard output: \(String(cString: strerror(code)))")
            throw ExitCode(Console.failureStatus)
        }
    }
}
