import AcumenCore
import AcumenAnalytics
/// A GitHub-flavoured Markdown table, with cells made safe for it.
///
/// Pipes are escaped, line breaks become spaces and control characters are dropped, so a name
/// or note from a file can never break the table or smuggle escape sequences into a terminal.
public struct MarkdownTable: Sendable {
    /// Column alignment.
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    /// A table with headers; columns are left-aligned unless given.
    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.map { _ in .left }
    }

    /// Adds a row (missing cells are empty, extra ones dropped).
    public mutating func add(_ cells: [String]) {
        rows.append((0..<headers.count).map { $0 < cells.count ? cells[$0] : "" })
    }

    /// Text safe inside a table cell.
    public static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "|": out += "\\|"
            case "\n", "\r", "\t": out += " "
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}": continue
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// The table as Markdown lines, each ending with a newline.
    public var markdown: String {
        var out = "| " + headers.map(Self.escape).joined(separator: " | ") + " |\n"
        out += "|" + alignments.map { $0 == .right ? "---:|" : "---|" }.joined() + "\n"
        for r in rows { out += "| " + r.map(Self.escape).joined(separator: " | ") + " |\n" }
        return out
    }
}
