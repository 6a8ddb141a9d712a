import Foundation
import AcumenAnalytics
import AcumenCore
import AcumenStore
import ArgumentParser

/// Prints a workspace error to standard error and exits with status 1.
func fail(_ error: WorkspaceError) -> ExitCode {
    printError("acumen: " + error.description)
    return ExitCode(1)
}

/// Writes a line to standard error.
func printError(_ text: String) {
    var stderr = StandardError()
    print(text, to: &stderr)
}

/// A `TextOutputStream` over file descriptor 2.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) { writeAll(2, string) }
}

/// Writes text to standard output in full, unbuffered (large reports; a SIGKILL loses nothing printed).
func writeStandardOutput(_ text: String) { writeAll(1, text) }

/// Writes every byte of `text` to a file descriptor, looping over short writes.
func writeAll(_ fd: Int32, _ text: String) {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBytes { buf in
        var done = 0
        while done < buf.count, let base = buf.baseAddress {
            let n = Glibc.write(fd, base + done, buf.count - done)
            if n <= 0 { break }
            done += n
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
