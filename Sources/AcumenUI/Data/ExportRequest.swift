import AcumenAnalytics
import AcumenCore
import AcumenStore

/// What the accounts screen's export prompt asked for: a format, a file, and the rows listed.
public struct ExportRequest: Hashable, Sendable {
    public var format: ExportFormat
    /// The file to write (relative to the folder Acumen was started in, or absolute).
    public var path: String
    /// Table rows (customer positions) in the order listed.
    public var rows: [Int32]
    /// Whether an existing file may be replaced (set once the user confirmed it).
    public var overwrite = false

    /// Parses `FORMAT FILE` (`csv key.csv`, `markdown note.md`); a lone file name picks the
    /// format from its extension. Nil when neither gives a known format or the file is missing.
    public init?(_ text: String, rows: [Int32]) {
        let words = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true).map { String($0.drop { $0 == " " }) }
        guard let first = words.first, !first.isEmpty else { return nil }
        if let f = ExportFormat(rawValue: first.lowercased()) {
            guard words.count == 2, !words[1].isEmpty else { return nil }
            format = f
            path = words[1]
        } else {
            let ext = first.split(separator: ".").last.map { $0.lowercased() } ?? ""
            guard let f = ext == "md" ? .markdown : ExportFormat(rawValue: ext), words.count == 1 else { return nil }
            format = f
            path = first
        }
        self.rows = rows
    }
}
