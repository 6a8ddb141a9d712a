import AcumenCore
import AcumenAnalytics
/// Reads money and quantities as written in spreadsheets and ERP exports, exactly, into minor units.
///
/// Accepts a leading or trailing currency symbol or ISO code (`$`, `€`, `£`, `¥`, `₹`, `EUR`…),
/// a sign (`-12`, `12-`, `(12)`), thousands separators (`,` or `.` — whichever is not the decimal
/// separator — and spaces, `'`, no-break spaces) in groups of three, and a decimal point or comma.
/// More than two decimals are rounded half away from zero. Amounts beyond 10^15 are refused.
struct AmountParser {
    /// The decimal separator: `.` or `,`.
    let decimal: UInt8
    var grouping: UInt8 { decimal == UInt8(ascii: ",") ? UInt8(ascii: ".") : UInt8(ascii: ",") }

    /// An amount, or why the text is not one.
    enum Outcome {
        case value(Int64)
        case invalid(String)
    }

    /// The fast path for plain `123` and `123.45`; nil when the general path is needed.
    @inline(__always)
    func plain(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        let n = b.count
        guard n > 0, n <= 15 else { return nil }
        var v: Int64 = 0, i = 0
        while i < n, b[i] &- 48 < 10 { v = v &* 10 &+ Int64(b[i] &- 48); i += 1 }
        guard i > 0 else { return nil }
        if i == n { return v &* 100 }
        guard b[i] == decimal, n - i - 1 >= 1, n - i - 1 <= 2 else { return nil }
        let d1 = b[i + 1] &- 48
        guard d1 < 10 else { return nil }
        if n - i - 1 == 1 { return v &* 100 &+ Int64(d1) &* 10 }
        let d2 = b[i + 2] &- 48
        guard d2 < 10 else { return nil }
        return v &* 100 &+ Int64(d1) &* 10 &+ Int64(d2)
    }

    /// Parses an amount into minor units (hundredths).
    func parse(_ b: UnsafeBufferPointer<UInt8>) -> Outcome {
        if let v = plain(b) { return .value(v) }
        var s = 0, e = b.count
        var negative = false
        func trim() {
            while s < e, b[s] == 0x20 || b[s] == 0x09 { s += 1 }
            while e > s, b[e - 1] == 0x20 || b[e - 1] == 0x09 { e -= 1 }
        }
        func sign() {
            if s < e, b[s] == UInt8(ascii: "-") || b[s] == UInt8(ascii: "+") { negative = negative || b[s] == UInt8(ascii: "-"); s += 1; trim() }
            if e > s, b[e - 1] == UInt8(ascii: "-") { negative = true; e -= 1; trim() }
        }
        trim()
        if e > s + 1, b[s] == UInt8(ascii: "("), b[e - 1] == UInt8(ascii: ")") { negative = true; s += 1; e -= 1; trim() }
        sign()
        let before = (s, e)
        s += Self.currencyLength(b, at: s, forward: true); e -= Self.currencyLength(b, at: e, forward: false)
        if (s, e) != before { trim(); sign() }
        guard s < e else { return .invalid(b.isEmpty ? "empty" : "no number in \"\(String(decoding: b, as: UTF8.self))\"") }
        var whole: Int64 = 0, frac: Int64 = 0, fracDigits = 0, roundUp = false
        var groupDigits = 0, groups = 0, sawDecimal = false, digits = 0
        var i = s
        let text = { "\"" + String(decoding: b, as: UTF8.self) + "\"" }
        while i < e {
            let c = b[i]
            if c &- 48 < 10 {
                if sawDecimal {
                    if fracDigits < 2 { frac = frac * 10 + Int64(c - 48) } else if fracDigits == 2 { roundUp = c >= 53 }
                    fracDigits += 1
                } else {
                    whole = whole * 10 + Int64(c - 48)
                    guard whole <= Money.limitMinor / 100 else { return .invalid("\(text()) is beyond 10^15") }
                    groupDigits += 1; digits += 1
                }
                i += 1
            } else if c == decimal, !sawDecimal {
                sawDecimal = true; i += 1
                if groups > 0, groupDigits != 3 { return .invalid("\(text()): thousands separators must separate groups of three digits") }
            } else if !sawDecimal, let len = groupingLength(b, i, e), digits > 0 {
                if groups == 0 ? groupDigits > 3 : groupDigits != 3 {
                    return .invalid("\(text()): thousands separators must separate groups of three digits" + (c == UInt8(ascii: ",") || c == UInt8(ascii: ".") ? Self.hint(decimal) : ""))
                }
                groups += 1; groupDigits = 0; i += len
            } else {
                return .invalid("\(text()) is not an amount" + (c == grouping ? Self.hint(decimal) : ""))
            }
        }
        guard digits > 0 || fracDigits > 0 else { return .invalid("no digits in \(text())") }
        if groups > 0, !sawDecimal, groupDigits != 3 { return .invalid("\(text()): thousands separators must separate groups of three digits" + Self.hint(decimal)) }
        if sawDecimal, fracDigits == 0 { return .invalid("\(text()) has no digits after the decimal separator") }
        if fracDigits == 1 { frac *= 10 }
        let v = whole * 100 + frac + (roundUp ? 1 : 0)
        guard v <= Money.limitMinor else { return .invalid("\(text()) is beyond 10^15") }
        return .value(negative ? -v : v)
    }

    private static func hint(_ decimal: UInt8) -> String {
        decimal == UInt8(ascii: ".") ? " (if the comma is the decimal separator, use --decimal-comma)" : " (decimal comma in use; if the point is the decimal separator, drop --decimal-comma)"
    }

    /// Length of a thousands separator at `i`, or nil.
    @inline(__always)
    private func groupingLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ e: Int) -> Int? {
        let c = b[i]
        if c == grouping || c == 0x20 || c == UInt8(ascii: "'") { return 1 }
        if c == 0xC2, i + 1 < e, b[i + 1] == 0xA0 { return 2 }  // no-break space
        if c == 0xE2, i + 2 < e, b[i + 1] == 0x80, b[i + 2] == 0xAF || b[i + 2] == 0x89 { return 3 }  // narrow / thin space
        if c == 0xE2, i + 2 < e, b[i + 1] == 0x80, b[i + 2] == 0x99 { return 3 }  // ’ (Swiss)
        return nil
    }

    /// Byte length of a currency symbol or three-letter code at the start (`forward`) or before
    /// the end of the field, else 0.
    static func currencyLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int, forward: Bool) -> Int {
        let symbols: [[UInt8]] = [[0x24], [0xE2, 0x82, 0xAC], [0xC2, 0xA3], [0xC2, 0xA5], [0xE2, 0x82, 0xB9], [0xE2, 0x82, 0xA9], [0xE2, 0x82, 0xBD]]
        for sym in symbols {
            let start = forward ? i : i - sym.count
            guard start >= 0, start + sym.count <= b.count else { continue }
            if (0..<sym.count).allSatisfy({ b[start + $0] == sym[$0] }) { return sym.count }
        }
        let start = forward ? i : i - 3
        guard start >= 0, start + 3 <= b.count else { return 0 }
        let isCode = (0..<3).allSatisfy { b[start + $0] >= UInt8(ascii: "A") && b[start + $0] <= UInt8(ascii: "Z") }
        return isCode ? 3 : 0
    }
}

/// Evidence from sample amounts on whether the decimal separator is a point or a comma.
struct DecimalEvidence {
    var point = 0, comma = 0

    /// Classifies one amount field: `12,50` or `1.234,5` votes comma, `12.50` or `1,234.5` votes point;
    /// `1,234` and `1.234` are ambiguous and do not vote.
    mutating func add(_ b: UnsafeBufferPointer<UInt8>) {
        var lastSep: UInt8 = 0, lastPos = -1, points = 0, commas = 0
        for (k, c) in b.enumerated() where c == UInt8(ascii: ".") || c == UInt8(ascii: ",") {
            lastSep = c; lastPos = k
            if c == UInt8(ascii: ".") { points += 1 } else { commas += 1 }
        }
        guard lastPos >= 0 else { return }
        var after = 0
        var k = lastPos + 1
        while k < b.count, b[k] &- 48 < 10 { after += 1; k += 1 }
        let isComma = lastSep == UInt8(ascii: ",")
        if points > 0 && commas > 0 { if isComma { comma += 1 } else { point += 1 }; return }
        if (isComma ? commas : points) > 1 { if isComma { point += 1 } else { comma += 1 }; return }
        if after != 3 { if isComma { comma += 1 } else { point += 1 } }
    }

    /// True when the evidence says the decimal separator is a comma.
    var isDecimalComma: Bool { comma > 0 && point == 0 }
}
