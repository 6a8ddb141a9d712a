/// An instant in whole seconds since 1970-01-01T00:00:00Z, written as ISO 8601 UTC.
///
/// Used for edit times (notes, overrides, reviews, the journal). Analytics never read the
/// clock; the caller supplies the time of each edit.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since the Unix epoch.
    public var seconds: Int64

    /// Creates a timestamp from seconds since the epoch.
    public init(seconds: Int64) { self.seconds = seconds }

    /// The calendar day of this instant (UTC).
    public var day: Day {
        Day(ordinal: Int32((seconds >= 0 ? seconds : seconds - 86_399) / 86_400))
    }

    /// `yyyy-MM-ddTHH:mm:ssZ`.
    public var iso: String {
        let d = day
        let rem = seconds - Int64(d.ordinal) * 86_400
        let h = rem / 3600, m = rem % 3600 / 60, s = rem % 60
        return d.iso + "T" + String(h).leftPadded(2) + ":" + String(m).leftPadded(2) + ":" + String(s).leftPadded(2) + "Z"
    }

    public var description: String { iso }

    /// Parses `yyyy-MM-ddTHH:mm:ss` with `Z` (or no zone, read as UTC), optional fraction ignored;
    /// a bare `yyyy-MM-dd` is midnight UTC.
    public init?(iso text: String) {
        let b = Array(text.utf8)
        guard b.count >= 10, let d = Day(isoBytes: b[0..<10]) else { return nil }
        var secs = Int64(d.ordinal) * 86_400
        if b.count > 10 {
            guard b.count >= 19, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "),
                  b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
                  let h = Day.digits(b[...], 11, 2), let m = Day.digits(b[...], 14, 2), let s = Day.digits(b[...], 17, 2),
                  h < 24, m < 60, s < 61 else { return nil }
            var rest = b[19...]
            if rest.first == UInt8(ascii: ".") {
                rest = rest.dropFirst()
                while let c = rest.first, c >= 48, c <= 57 { rest = rest.dropFirst() }
            }
            guard rest.isEmpty || Array(rest) == [UInt8(ascii: "Z")] || Array(rest) == Array("+00:00".utf8) else { return nil }
            secs += Int64(h * 3600 + m * 60 + s)
        }
        seconds = secs
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }
}
