import AcumenCore
import AcumenAnalytics
/// How a CSV, TSV, whitespace-separated or JSON Lines file is to be read by the importer.
///
/// Every setting left `nil` is detected from the file; the detected value is reported in
/// ``ImportPlan`` so the user sees the guess before anything is written.
public struct ImportOptions: Sendable {
    /// Field separator; nil detects it from the first lines.
    public var delimiter: ImportDelimiter?
    /// Whether the first record is a header; nil detects it.
    public var hasHeader: Bool?
    /// Columns chosen by the user, by field; fields not listed are guessed.
    public var mapping: [ImportField: ColumnReference] = [:]
    /// Date format; nil detects it when the dates are unambiguous.
    public var dateFormat: ImportDateFormat?
    /// True when amounts use a decimal comma (`1.234,50`); nil detects it.
    public var decimalComma: Bool?
    /// At most this many problems are listed; the rest are counted.
    public var maxProblems = 100

    /// Options that detect everything.
    public init() {}
}

/// A field separator of a delimited text file.
public enum ImportDelimiter: Hashable, Sendable, CustomStringConvertible {
    /// One byte: `,`, `;`, tab, `|` …
    case byte(UInt8)
    /// Runs of spaces or tabs, leading and trailing ones ignored (the CDNOW file's form).
    case whitespace
    /// One JSON object per line; keys play the role of column names.
    case jsonLines

    /// Parses `,` `;` `|` `tab` `\t` `space` `whitespace` `jsonl`.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "tab", "\\t", "\t", "tsv": self = .byte(0x09)
        case "space", "spaces", "whitespace", " ": self = .whitespace
        case "jsonl", "json", "jsonlines": self = .jsonLines
        case "comma", "csv": self = .byte(UInt8(ascii: ","))
        case "semicolon": self = .byte(UInt8(ascii: ";"))
        default:
            let bytes = Array(argument.utf8)
            guard bytes.count == 1, bytes[0] < 0x80, bytes[0] != UInt8(ascii: "\""), bytes[0] != 0x0A, bytes[0] != 0x0D else { return nil }
            self = .byte(bytes[0])
        }
    }

    public var description: String {
        switch self {
        case .whitespace: "whitespace-separated"
        case .jsonLines: "JSON Lines"
        case .byte(0x09): "tab-separated"
        case .byte(let b): "'\(Character(Unicode.Scalar(b)))'-separated"
        }
    }
}

/// What a column can mean to the importer.
public enum ImportField: String, Hashable, Sendable, CaseIterable, Comparable {
    // Transactions.
    case customer, date, amount, margin, cost, quantity
    // Customers.
    case id, name, industry, region, owner, costToServe, tags
    // Customers: rated criteria, 0–10.
    case satisfaction, stickiness, marketPotential, needsFit, competition, innovation
    case cooperation, brandInfluence, cultureFit, risk

    /// Fields of a transactions file, in display order.
    public static let transactionFields: [ImportField] = [.customer, .date, .amount, .margin, .cost, .quantity]
    /// Fields of a customers file, in display order.
    public static let customerFields: [ImportField] = [.id, .name, .industry, .region, .owner, .costToServe, .tags] + ratingFields
    /// Rated criteria a customers file may carry.
    public static let ratingFields: [ImportField] = [.satisfaction, .stickiness, .marketPotential, .needsFit, .competition,
                                                     .innovation, .cooperation, .brandInfluence, .cultureFit, .risk]

    /// The rated criterion of a rating field.
    public var criterion: Criterion? { ImportField.ratingFields.contains(self) ? Criterion(rawValue: rawValue) : nil }

    /// The name accepted in `--map` (`costToServe` also as `cost_to_serve`).
    public init?(argument: String) {
        let key = argument.lowercased().filter { $0.isLetter }
        guard let f = ImportField.allCases.first(where: { $0.rawValue.lowercased() == key }) else { return nil }
        self = f
    }

    public static func < (a: ImportField, b: ImportField) -> Bool {
        let all = ImportField.allCases
        return (all.firstIndex(of: a) ?? 0) < (all.firstIndex(of: b) ?? 0)
    }
}

/// A column chosen by name (header text) or by 1-based position (`#3`).
public enum ColumnReference: Hashable, Sendable, CustomStringConvertible {
    case name(String)
    case position(Int)

    public var description: String {
        switch self {
        case .name(let n): "'\(n)'"
        case .position(let p): "column \(p)"
        }
    }

    /// Parses a `--map` specification: `customer=Cust ID,date=Order Date,amount=#4`.
    /// - Throws: a message naming the part that is wrong.
    public static func parseMapping(_ spec: String) throws(ImportMappingError) -> [ImportField: ColumnReference] {
        var out: [ImportField: ColumnReference] = [:]
        for part in spec.split(separator: ",", omittingEmptySubsequences: true) {
            guard let eq = part.firstIndex(of: "=") else { throw ImportMappingError(message: "'\(part)' is not field=column") }
            let key = part[..<eq].trimmingSpaces, value = part[part.index(after: eq)...].trimmingSpaces
            guard let field = ImportField(argument: key) else {
                throw ImportMappingError(message: "unknown field '\(key)' (known: \(ImportField.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard !value.isEmpty else { throw ImportMappingError(message: "no column given for \(field.rawValue)") }
            if value.hasPrefix("#"), let n = Int(value.dropFirst()), n >= 1 {
                out[field] = .position(n)
            } else {
                out[field] = .name(value)
            }
        }
        return out
    }
}

/// A malformed `--map` specification.
public struct ImportMappingError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "--map: " + message }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let s = self.drop { $0 == " " || $0 == "\t" }
        var e = s.endIndex
        while e > s.startIndex, s[s.index(before: e)] == " " || s[s.index(before: e)] == "\t" { e = s.index(before: e) }
        return String(s[s.startIndex..<e])
    }
}
