import AcumenCore
import AcumenAnalytics
/// The date forms the importer reads, and detection of which one a column uses.
///
/// `dd/MM/yyyy` and `MM/dd/yyyy` also accept `.` and `-` as separators and one-digit day and
/// month; every form may be followed by a time (`T10:30`, ` 10:30`), which is ignored.
public enum ImportDateFormat: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// `yyyy-MM-dd` (also `yyyy/MM/dd`).
    case iso = "yyyy-MM-dd"
    /// `yyyyMMdd`, as in the CDNOW file.
    case compact = "yyyyMMdd"
    case dayMonthYear = "dd/MM/yyyy"
    case monthDayYear = "MM/dd/yyyy"

    public var description: String { rawValue }

    /// Parses `--date-format` values: the patterns above (any separator) or `iso`, `compact`, `dmy`, `mdy`.
    public init?(argument: String) {
        let a = argument.lowercased()
        let letters = a.filter { $0.isLetter }
        switch letters {
        case "yyyymmdd" where a.contains("-") || a.contains("/"): self = .iso
        case "iso": self = .iso
        case "compact", "yyyymmdd", "basic": self = .compact
        case "dmy", "ddmmyyyy", "dmyyyy": self = .dayMonthYear
        case "mdy", "mmddyyyy", "mdyyyy": self = .monthDayYear
        default: return nil
        }
    }

    /// Parses a date field; nil if it is not in this format or not a real date.
    @inline(__always)
    func parse(_ b: UnsafeBufferPointer<UInt8>) -> Day? {
        switch self {
        case .compact:
            guard b.count >= 8, Self.isDigits(b, 0, 8), b.count == 8 || !Self.isDigit(b[8]) else { return nil }
            return Day(year: Self.number(b, 0, 4), month: Self.number(b, 4, 2), day: Self.number(b, 6, 2))
        case .iso:
            guard b.count >= 10, Self.isDigits(b, 0, 4), Self.isDigits(b, 5, 2), Self.isDigits(b, 8, 2),
                  b[4] == b[7], b[4] == UInt8(ascii: "-") || b[4] == UInt8(ascii: "/"),
                  b.count == 10 || Self.isTimeSeparator(b[10]) else { return nil }
            return Day(year: Self.number(b, 0, 4), month: Self.number(b, 5, 2), day: Self.number(b, 8, 2))
        case .dayMonthYear, .monthDayYear:
            guard let (a, m, y) = Self.slashParts(b) else { return nil }
            return self == .dayMonthYear ? Day(year: y, month: m, day: a) : Day(year: y, month: a, day: m)
        }
    }

    /// The three numbers of `a/b/yyyy` (separators `/`, `.` or `-`), or nil.
    static func slashParts(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        var i = 0
        func part(max: Int) -> Int? {
            let s = i
            while i < b.count, isDigit(b[i]) { i += 1 }
            guard i > s, i - s <= max else { return nil }
            return number(b, s, i - s)
        }
        guard let p1 = part(max: 2), i < b.count else { return nil }
        let sep = b[i]
        guard sep == UInt8(ascii: "/") || sep == UInt8(ascii: ".") || sep == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let p2 = part(max: 2), i < b.count, b[i] == sep else { return nil }
        i += 1
        let ys = i
        guard let y = part(max: 4), i - ys == 4, i == b.count || isTimeSeparator(b[i]) else { return nil }
        return (p1, p2, y)
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    @inline(__always) static func isTimeSeparator(_ c: UInt8) -> Bool { c == UInt8(ascii: "T") || c == 0x20 }
    @inline(__always) static func isDigits(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ n: Int) -> Bool {
        for k in s..<(s + n) where !isDigit(b[k]) { return false }
        return true
    }
    @inline(__always) static func number(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ n: Int) -> Int {
        var v = 0
        for k in s..<(s + n) { v = v * 10 + Int(b[k] &- 48) }
        return v
    }
}

/// Evidence gathered from a sample of date fields, deciding the format.
struct DateFormatEvidence {
    var iso = 0, compact = 0, slash = 0, other = 0
    /// Slash dates whose first / second part is over 12 (so it must be the day).
    var firstOver12 = 0, secondOver12 = 0
    /// An example slash date, for the message when the order cannot be told.
    var example: String?

    /// Classifies one field.
    mutating func add(_ b: UnsafeBufferPointer<UInt8>) {
        if b.isEmpty { return }
        if ImportDateFormat.iso.parse(b) != nil { iso += 1; return }
        if ImportDateFormat.compact.parse(b) != nil { compact += 1; return }
        if let (p1, p2, _) = ImportDateFormat.slashParts(b) {
            slash += 1
            if p1 > 12 { firstOver12 += 1 }
            if p2 > 12 { secondOver12 += 1 }
            if example == nil { example = String(decoding: b, as: UTF8.self) }
            return
        }
        other += 1
    }

    /// True when slash dates were seen but none shows which part is the day.
    var isAmbiguous: Bool { slash > 0 && slash >= iso && slash >= compact && firstOver12 == 0 && secondOver12 == 0 }

    /// The format the evidence points to, or a reason why none can be chosen.
    var decision: Result<ImportDateFormat, DateFormatAmbiguity> {
        if iso == 0 && compact == 0 && slash == 0 { return .failure(.none) }
        if iso >= compact && iso >= slash { return .success(.iso) }
        if compact >= slash { return .success(.compact) }
        switch (firstOver12 > 0, secondOver12 > 0) {
        case (true, false): return .success(.dayMonthYear)
        case (false, true): return .success(.monthDayYear)
        case (true, true): return .failure(.mixed)
        case (false, false): return .failure(.ambiguous(example ?? ""))
        }
    }
}

/// Why the date format could not be detected.
enum DateFormatAmbiguity: Error {
    /// No field looked like a date.
    case none
    /// Some dates are day-first and others month-first.
    case mixed
    /// Every slash date has both parts ≤ 12.
    case ambiguous(String)
}
