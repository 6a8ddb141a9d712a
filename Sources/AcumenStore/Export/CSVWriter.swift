import AcumenCore
import AcumenAnalytics
/// Writes RFC 4180 CSV that is safe to open in a spreadsheet.
///
/// Fields holding the delimiter, a quote, CR or LF are quoted and quotes doubled. Text cells
/// that a spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`, tab or CR —
/// get a leading `'` (OWASP "CSV injection"); numbers written by Acumen are not text cells
/// and keep their sign. Lines end with CRLF as RFC 4180 asks.
public struct CSVWriter: Sendable {
    /// One cell: text from users or files (guarded), or a number Acumen formatted (not guarded).
    public enum Cell: Hashable, Sendable, ExpressibleByStringLiteral {
        case text(String)
        case number(String)
        public init(stringLiteral value: String) { self = .text(value) }
    }

    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    public let delimiter: UInt8

    /// A writer with a delimiter (`,` by default).
    public init(delimiter: UInt8 = UInt8(ascii: ",")) { self.delimiter = delimiter }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends one record.
    public mutating func row(_ cells: [Cell]) {
        for (k, cell) in cells.enumerated() {
            if k > 0 { bytes.append(delimiter) }
            switch cell {
            case .text(let s): append(s, guarded: Self.isRisky(s.utf8.first))
            case .number(let s): append(s, guarded: false)
            }
        }
        bytes.append(0x0D); bytes.append(0x0A)
    }

    /// Hands over the bytes written so far and starts empty (for streaming).
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// Appends text cells.
    public mutating func row(_ texts: [String]) { row(texts.map(Cell.text)) }

    /// The text with a leading `'` when a spreadsheet would treat it as a formula.
    public static func guarded(_ s: String) -> String { isRisky(s.utf8.first) ? "'" + s : s }

    /// True for a first byte that makes a spreadsheet read a cell as a formula.
    @inline(__always) static func isRisky(_ first: UInt8?) -> Bool {
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
        default: false
        }
    }

    /// Appends a cell: `'` first when `guarded`, quoted when it holds the delimiter, a quote,
    /// CR or LF (the `'` never does), without building the guarded string.
    private mutating func append(_ s: String, guarded: Bool) {
        let needsQuotes = s.utf8.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            if guarded { bytes.append(UInt8(ascii: "'")) }
            bytes += s.utf8
            return
        }
        bytes.append(UInt8(ascii: "\""))
        if guarded { bytes.append(UInt8(ascii: "'")) }
        for b in s.utf8 {
            if b == UInt8(ascii: "\"") { bytes.append(b) }
            bytes.append(b)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
