import Foundation
import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI
import ArgumentParser

/// Prints a workspace error to standard error and exits with status 1.
func fail(_ error: WorkspaceError) -> ExitCode {
    printError("acumen: " + error.description)
    return ExitCode(1)
}

/// Writes a line of terminal text to standard error, sanitised (``TextSanitizer/sanitizeLines(_:)``):
/// messages quote ids, names, headers and values from data files.
func printError(_ text: String) { Console.write(TextSanitizer.sanitizeLines(text) + "\n", to: 2) }

/// Writes text to standard error as it is (the progress meter's own control sequences only).
func printErrorRaw(_ text: String) { Console.write(text, to: 2) }

/// Writes a line of terminal text to standard output, sanitised.
func printLine(_ text: String) { Console.write(TextSanitizer.sanitizeLines(text) + "\n", to: 1) }

/// Writes text to standard output: sanitised for the formats meant for terminals (tables,
/// text, Markdown); exact for data formats (`sanitize: false`: JSON, CSV), which keep the data.
func writeStandardOutput(_ text: String, sanitize: Bool) {
    Console.write(sanitize ? TextSanitizer.sanitizeLines(text) : text, to: 1)
}

/// Checked, unbuffered writes to standard output and standard error.
///
/// Every byte is written with `write(2)`, looping over short writes and `EINTR` (and waiting
/// with `poll` on `EAGAIN`). A write that fails (`ENOSPC` on `/dev/full`, `EIO`, a closed
/// pipe with SIGPIPE ignored) ends the process with status 1 at once, after saying why on
/// standard error when that is still writable: a command whose output was lost must not report
/// success. Writes are unbuffered, so a SIGKILL loses nothing already printed.
enum Console {
    /// Exit status after a failed write to standard output or standard error.
    static let failureStatus: Int32 = 1

    /// Writes all of `text` to `fd` (1 or 2) or exits with ``failureStatus``.
    static func write(_ text: String, to fd: Int32) {
        let code = writeAll(fd, Array(text.utf8))
        guard code != 0 else { return }
        if fd == 1 {
            let message = "acumen: cannot write to standard output: \(String(cString: strerror(code)))\n"
            _ = writeAll(2, Array(message.utf8))
        }
        exit(failureStatus)
    }

    /// Writes every byte; returns 0, or the `errno` of the failed write.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { buf -> Int32 in
            var done = 0
            while done < buf.count, let base = buf.baseAddress {
                let n = Glibc.write(fd, base + done, buf.count - done)
                if n > 0 { done += n; continue }
                if n < 0 && errno == EINTR { continue }
                if n < 0 && errno == EAGAIN {
                    var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&p, 1, 1000)
                    continue
                }
                return n == 0 ? EIO : errno
            }
            return 0
        }
    }
}

/// The current time, for stamping edits.
func now() -> Timestamp { Timestamp(seconds: Int64(time(nil))) }

/// Today's date (UTC), the default analysis date.
func today() -> Day { now().day }

/// The name edits are stamped with: `$ACUMEN_AUTHOR`, else `$USER`.
func currentAuthor() -> String {
    let env = ProcessInfo.processInfo.environment
    return env["ACUMEN_AUTHOR"] ?? env["USER"] ?? "unknown"
}
