/// A calendar day, stored as the number of days since 1970-01-01 (proleptic Gregorian, UTC).
///
/// Analytics work in whole days: transactions carry a date, not a time, and every
/// time-dependent computation takes an explicit `asOf` day. Conversions use Howard
/// Hinnant's `days_from_civil` / `civil_from_days` algorithms (public domain,
/// <http://howardhinnant.github.io/date_algorithms.html>), exact for every representable day.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public var ordinal: Int32

    /// Creates a day from its ordinal (days since 1970-01-01).
    public init(ordinal: Int32) { self.ordinal = ordinal }

    /// Creates a day from a civil year, month (1–12) and day (1–31); nil if the date does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysInMonth(year: year, month: month),
              (1...9999).contains(year) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = Int32(era * 146_097 + doe - 719_468)
    }

    /// The civil (year, month, day) of this day.
    public var civil: (year: Int, month: Int, day: Int) {
        let z = Int(ordinal) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Number of days in a month of the proleptic Gregorian calendar.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses `yyyy-MM-dd` (ISO 8601 calendar date); a trailing time part (`T…`) is ignored.
    public init?(iso text: some StringProtocol) {
        var bytes = Array(text.utf8)
        if bytes.count > 10, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") {
            bytes = Array(bytes[0..<10])
        }
        guard let day = Day(isoBytes: bytes[...]) else { return nil }
        self = day
    }

    /// Parses exactly ten ASCII bytes `yyyy-MM-dd`.
    public init?(isoBytes b: ArraySlice<UInt8>) {
        guard let day = b.withUnsafeBufferPointer({ Day(isoBytes: $0) }) else { return nil }
        self = day
    }

    /// ``init(isoBytes:)-(ArraySlice<UInt8>)`` of bytes in place (the file parsers' hot path).
    public init?(isoBytes b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 10 else { return nil }
        let s = b.startIndex
        guard b[s + 4] == UInt8(ascii: "-"), b[s + 7] == UInt8(ascii: "-") else { return nil }
        guard let y = Day.digits(b, s, 4), let m = Day.digits(b, s + 5, 2), let d = Day.digits(b, s + 8, 2) else {
            return nil
        }
        self.init(year: y, month: m, day: d)
    }

    /// Parses compact `yyyyMMdd` (the CDNOW file's form).
    public init?(compactBytes b: ArraySlice<UInt8>) {
        guard b.count == 8, let y = Day.digits(b, b.startIndex, 4), let m = Day.digits(b, b.startIndex + 4, 2),
              let d = Day.digits(b, b.startIndex + 6, 2) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The decimal value of the `count` ASCII digits of `b` from index `start`; nil for a non-digit.
    package static func digits(_ b: ArraySlice<UInt8>, _ start: Int, _ count: Int) -> Int? {
        b.withUnsafeBufferPointer { digits($0, start - b.startIndex, count) }
    }

    /// ``digits(_:_:_:)-(ArraySlice<UInt8>,_,_)`` of bytes in place (`start` from the buffer's start).
    package static func digits(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= b.count else { return nil }
        var v = 0
        for i in start..<(start + count) {
            let c = b[i]
            guard c >= 48, c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return v
    }

    /// The ISO 8601 form, `yyyy-MM-dd`.
    public var iso: String {
        let (y, m, d) = civil
        return String(y).leftPadded(4) + "-" + String(m).leftPadded(2) + "-" + String(d).leftPadded(2)
    }

    public var description: String { iso }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    /// The day `n` days later (earlier when negative).
    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + Int32(n)) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { Int(other.ordinal) - Int(ordinal) }

    /// The same day of the month `n` months later, clamped to the month's last day.
    public func adding(months n: Int) -> Day {
        let (y, m, d) = civil
        let total = y * 12 + (m - 1) + n
        let ny = total / 12, nm = total % 12 + 1
        return Day(year: ny, month: nm, day: min(d, Day.daysInMonth(year: ny, month: nm))) ?? self
    }

    /// Months since year 0, used to bucket monthly series.
    public var monthIndex: Int { let c = civil; return c.year * 12 + c.month - 1 }
}

extension String {
    /// Pads with leading zeros to at least `width` characters.
    package func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
