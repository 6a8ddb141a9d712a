import AcumenCore

/// The report's own forms on ``ByteCursor``, through which its rows are formatted without a
/// capacity or uniqueness check per byte: ``fixed(_:places:json:)``
/// writes a value rounded to a few decimals without Swift's shortest-form search, and falls
/// back to it outside the range where both agree (proved in the method's comment, tested
/// against `String(v)` in `ReportFastWriterTests`).
extension ByteCursor {
    /// `rounded(x, places)` as JSON writes it (`json`: ``ByteOutput/appendJSONNumber(_:)``)
    /// or as `String(v)` writes it (CSV), with `places` ≤ 6.
    ///
    /// Why the digits of n = (x·10ᵖ).rounded() are Swift's shortest form of y = n / 10ᵖ: y is
    /// the double nearest n / 10ᵖ (n < 2⁵³, one correctly rounded division), so the decimal
    /// d = n / 10ᵖ reads back as y. Any other decimal with at most as many significant digits
    /// as d (trailing zeros trimmed) differs from d by at least 10⁻ᵖ; to read back as y it
    /// would have to lie within ulp(y) of d, and ulp(y) < 10⁻ᵖ while |y| < 10⁹ (ulp ≤ 2⁻²³).
    /// So d is the unique shortest form, and Swift prints it positionally for 10⁻⁴ ≤ |y| < 2⁵³.
    /// Outside that range (and for non-finite values) the general path is taken.
    mutating func fixed(_ x: Double, places: Int, json: Bool) {
        let scale = Self.powers[places]
        let scaled = (x * scale).rounded()
        let y = scaled / scale
        guard y.isFinite, abs(y) < 1e9, abs(scaled) < 9e15 else { return general(y, json: json) }
        if y == y.rounded() {
            // An integral value: JSON writes it as an integer, `String(v)` with ".0" ("-0.0" for −0).
            if json { return int(Int(y)) }
            if y.sign == .minus { byte(UInt8(ascii: "-")) }
            unsigned(UInt64(abs(y)))
            return text(".0")
        }
        guard abs(y) >= 1e-4 else { return general(y, json: json) }
        let n = Int64(scaled)
        if n < 0 { byte(UInt8(ascii: "-")) }
        let mag = UInt64(n.magnitude), unit = UInt64(scale)
        unsigned(mag / unit)
        byte(UInt8(ascii: "."))
        var frac = mag % unit, width = places
        while frac % 10 == 0 { frac /= 10; width -= 1 }
        var p = cursor + width
        for _ in 0..<width { p -= 1; p.pointee = 48 + UInt8(frac % 10); frac /= 10 }
        cursor += width
    }

    /// The slow, general form of a double (rare: huge, tiny or not finite).
    private mutating func general(_ y: Double, json: Bool) {
        let s: String
        if json {
            guard y.isFinite else { return text("null") }
            if y == y.rounded(), abs(y) < 1e15 { return int(Int(Int64(y))) }
            s = y.description
        } else {
            s = PortfolioReport.csvField(y.description)
        }
        for b in s.utf8 { byte(b) }
    }

    static let powers: [Double] = [1, 10, 100, 1000, 10000, 100_000, 1_000_000]

    /// `s` as ``PortfolioReport/appendCSVField(_:to:)`` writes it; at most 2 × its UTF-8
    /// length + 3 bytes.
    ///
    /// One pass over the bytes decides: plain text is copied; text with a comma or a quote is
    /// quoted here, quotes doubled, when that is exactly what ``PortfolioReport/csvField(_:)``
    /// does — no guard character first (`=`, `+`, `-`, `@`, tab, CR), no CR or LF, and every
    /// comma and quote between ASCII bytes (so it is a `Character` of its own: no combining
    /// mark after it, no prepended mark before it, which `csvField`'s `Character` test and
    /// its search would treat otherwise). Anything else (rare) takes `csvField` itself.
    mutating func csvText(_ s: String) {
        var s = s
        let done = s.withUTF8 { utf8 -> Bool in
            guard let first = utf8.first else { return true }
            if first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
                || first == 0x09 || first == 0x0D { return false }
            var special = false
            for (i, b) in utf8.enumerated() {
                if b == 0x0A || b == 0x0D { return false }
                guard b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") else { continue }
                if i > 0, utf8[i - 1] >= 0x80 { return false }
                if i + 1 < utf8.count, utf8[i + 1] >= 0x80 { return false }
                special = true
            }
            guard special else {
                bytes(utf8)
                return true
            }
            byte(UInt8(ascii: "\""))
            for b in utf8 {
                if b == UInt8(ascii: "\"") { byte(b) }
                byte(b)
            }
            byte(UInt8(ascii: "\""))
            return true
        }
        if !done { for b in PortfolioReport.csvField(s).utf8 { byte(b) } }
    }
}
