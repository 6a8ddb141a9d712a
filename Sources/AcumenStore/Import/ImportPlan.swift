import AcumenCore
import AcumenAnalytics
/// How a file will be read: its format, header, column mapping, date and number style, each
/// marked as given by the user or detected, so the guesses can be shown before importing.
public struct ImportPlan: Sendable {
    /// Whether a setting was given on the command line or detected from the file.
    public enum Source: String, Sendable { case given, detected }

    /// The file as named by the user.
    public var file: String
    public var delimiter: ImportDelimiter
    public var delimiterSource: Source
    public var hasHeader: Bool
    public var headerSource: Source
    /// Column names: the header's, or `column 1`, `column 2` …
    public var columns: [String]
    /// The column (0-based) of each mapped field.
    public var mapping: [ImportField: Int]
    /// How each mapped field's column was chosen.
    public var mappingSource: [ImportField: Source]
    /// The date format, when a date column is mapped.
    public var dateFormat: ImportDateFormat?
    public var dateFormatSource: Source
    public var decimalComma: Bool
    public var decimalSource: Source
    /// The fields this file can map (transactions or customers).
    public var fields: [ImportField]

    /// Human-readable lines: the format, then `field ← 'Column'` for every field.
    public var summaryLines: [String] {
        var head = "\(file): \(delimiter)"
        if delimiter != .jsonLines {
            head += hasHeader ? ", header on the first line" : ", no header"
            head += headerSource == .detected ? " (detected)" : ""
        }
        if let dateFormat { head += ", dates \(dateFormat.rawValue)\(dateFormatSource == .detected ? " (detected)" : "")" }
        if mapping.keys.contains(where: { [.amount, .margin, .cost, .costToServe].contains($0) }) {
            head += decimalComma ? ", decimal comma" : ", decimal point"
            head += decimalSource == .detected ? " (detected)" : ""
        }
        var lines = [head]
        let width = fields.map(\.rawValue.count).max() ?? 8
        for f in fields {
            // Margin and cost are alternatives: show the one in use, or one line when neither is.
            if f == .margin, mapping[.cost] != nil { continue }
            if f == .cost, mapping[.cost] == nil { continue }
            let label = f.rawValue + String(repeating: " ", count: max(0, width - f.rawValue.count))
            if let k = mapping[f] {
                let origin = mappingSource[f] == .given ? "given" : "guessed"
                let name = hasHeader || delimiter == .jsonLines ? "'\(columns[k])'" : "column \(k + 1)"
                lines.append("  \(label) ← \(name) (\(origin))")
            } else {
                lines.append("  \(label) ← none\(Self.absentNote(f))")
            }
        }
        return lines
    }

    private static func absentNote(_ f: ImportField) -> String {
        switch f {
        case .quantity: " (1 per row)"
        case .margin, .cost: " (margin unknown; the default margin rate applies)"
        case .name: " (the id is used)"
        default: ""
        }
    }
}
