import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI

/// Where an export goes, from `acumen export -o` and the workbench's `x`: standard output for
/// `-`, else a regular file replaced crash-safely (``AtomicFile``, mode 0600).
///
/// Only regular files are written: a directory, FIFO, socket or device node is refused with a
/// message naming the path and what it is (`AtomicFile.replace`), so `-o /dev/null` as root
/// can never rename a file over the device. Use `-o -` and a shell redirection to write to a
/// pipe or a terminal. CSV and JSON keep the data exactly; Markdown written to a file has the
/// controls that are never valid in Markdown escaped (``TextSanitizer/sanitizeControls(_:)``),
/// and Markdown to standard output is sanitised like every terminal format.
enum ExportWriter {
    /// Writes `bytes` rendered in `format` to `path` (`-` for standard output).
    static func write(_ bytes: [UInt8], format: ExportFormat, to path: String) throws(IOFailure) {
        let markdown = format == .markdown
        if path == "-" {
            writeStandardOutput(String(decoding: bytes, as: UTF8.self), sanitize: markdown)
            return
        }
        try writeFile(bytes, format: format, to: path)
    }

    /// Writes `bytes` to the regular file `path` (the workbench: `-` is a file name there, as
    /// standard output is the screen).
    static func writeFile(_ bytes: [UInt8], format: ExportFormat, to path: String) throws(IOFailure) {
        let out = format == .markdown ? Array(TextSanitizer.sanitizeControls(String(decoding: bytes, as: UTF8.self)).utf8) : bytes
        try AtomicFile().replace(path, with: out)
    }
}
