/// An exact amount of money in hundredths of the workspace currency (cents).
///
/// Money is never binary floating point on disk: JSON numbers are parsed digit by digit
/// into minor units, and written back with exactly two decimals. Analytics that need
/// ratios convert to `Double` at the last moment via ``units``.
public struct Money: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
    /// The amount in minor units (1/100 of the currency unit).
    public var minor: Int64

    /// Creates an amount from minor units.
    public init(minor: Int64) { self.minor = minor }

    /// Zero.
    public static let zero = Money(minor: 0)

    /// The largest magnitude accepted from files: 10^15 currency units (10^17 minor units).
    /// With ``MoneyBounds/workspaceLimitMinor`` it keeps every total exact in `Int64`.
    public static let limitMinor: Int64 = 100_000_000_000_000_000

    /// The amount in currency units as a `Double` (for ratios and charts only).
    public var units: Double { Double(minor) / 100 }

    /// Parses a decimal number (`-12.5`, `3`, `1e3` is refused) exactly into minor units.
    /// More than two decimals are rounded half away from zero. Returns nil for malformed
    /// text or an amount beyond ``limitMinor``.
    public init?(decimalText text: some StringProtocol) {
        guard let v = Money.parseMinor(Array(text.utf8)[...]) else { return nil }
        minor = v
    }

    /// Parses ASCII decimal bytes into minor units; see ``init(decimalText:)``.
    public static func parseMinor(_ b: ArraySlice<UInt8>) -> Int64? {
        b.withUnsafeBufferPointer { parseMinor($0) }
    }

    /// ``parseMinor(_:)-(ArraySlice<UInt8>)`` of bytes in place (the file parsers' hot path:
    /// no slice of a shared array, so no reference count touched per field).
    public static func parseMinor(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = b.startIndex
        guard i < b.endIndex else { return nil }
        var negative = false
        if b[i] == UInt8(ascii: "-") { negative = true; i += 1 } else if b[i] == UInt8(ascii: "+") { i += 1 }
        var whole: Int64 = 0
        var digits = 0
        while i < b.endIndex, b[i] >= 48, b[i] <= 57 {
            let (m, o1) = whole.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(b[i] - 48))
            guard !o1, !o2, a <= limitMinor / 100 else { return nil }
            whole = a; digits += 1; i += 1
        }
        var frac: Int64 = 0
        var fracDigits = 0
        var roundUp = false
        if i < b.endIndex, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.endIndex, b[i] >= 48, b[i] <= 57 {
                if fracDigits < 2 { frac = frac * 10 + Int64(b[i] - 48) } else if fracDigits == 2 { roundUp = b[i] >= 53 }
                fracDigits += 1; i += 1
            }
            guard fracDigits > 0 else { return nil }
        }
        guard digits > 0, i == b.endIndex else { return nil }
        if fracDigits == 1 { frac *= 10 }
        var v = whole * 100 + frac + (roundUp ? 1 : 0)
        guard v <= limitMinor else { return nil }  // 1000000000000000.01 is beyond 10^15
        if negative { v = -v }
        return v
    }

    /// The exact decimal text with two decimals, e.g. `-12.50`.
    public var decimalText: String {
        let sign = minor < 0 ? "-" : ""
        let mag = minor.magnitude
        return sign + String(mag / 100) + "." + String(mag % 100).leftPadded(2)
    }

    public var description: String { decimalText }

    public static func < (a: Money, b: Money) -> Bool { a.minor < b.minor }
    public static func + (a: Money, b: Money) -> Money { Money(minor: a.minor &+ b.minor) }
    public static func - (a: Money, b: Money) -> Money { Money(minor: a.minor &- b.minor) }
}
