import AcumenCore

/// A byte cursor over a buffer whose capacity the caller has checked: a plain customer's line
/// of `customers.jsonl` is written through it without a capacity or uniqueness check per byte.
///
/// Every form equals ``JSONWriter``'s byte for byte: strings as
/// ``JSONWriter/writeString(_:into:)`` (a string with nothing to escape — almost all — copied
/// whole), money as ``Money/decimalText``, ratings in thousandths as ``JSONValue/double(_:)``
/// writes `Double(t) / 1000` (``rating(thousandths:)``). Tested against the tree writer in
/// `FastWriterTests`.
struct CustomerLineBytes {
    /// The next byte to write.
    var cursor: UnsafeMutablePointer<UInt8>

    @inline(__always) mutating func byte(_ b: UInt8) { cursor.pointee = b; cursor += 1 }

    @inline(__always) mutating func bytes(_ b: UnsafeBufferPointer<UInt8>) {
        guard let base = b.baseAddress else { return }
        cursor.update(from: base, count: b.count)
        cursor += b.count
    }

    @inline(__always) mutating func text(_ s: StaticString) {
        cursor.update(from: s.utf8Start, count: s.utf8CodeUnitCount)
        cursor += s.utf8CodeUnitCount
    }

    /// An unsigned integer in decimal: digits counted first, then written back to front.
    @inline(__always) mutating func unsigned(_ v: UInt64) {
        var digits = 1, t = v
        while t >= 10 { t /= 10; digits += 1 }
        var n = v, p = cursor + digits
        repeat { p -= 1; p.pointee = 48 + UInt8(n % 10); n /= 10 } while n > 0
        cursor += digits
    }

    /// Money from minor units as ``Money/decimalText`` (`-12.05`).
    @inline(__always) mutating func money(_ minor: Int64) {
        if minor < 0 { byte(UInt8(ascii: "-")) }
        let mag = minor.magnitude
        unsigned(mag / 100)
        let cents = Int(mag % 100)
        byte(UInt8(ascii: "."))
        byte(48 + UInt8(cents / 10))
        byte(48 + UInt8(cents % 10))
    }

    /// A rating of `t` thousandths as ``JSONWriter`` writes `.double(Double(t) / 1000)`.
    ///
    /// Why: a whole value is written as an integer (`3`). Otherwise y = Double(t) / 1000 is
    /// the double nearest t / 1000 (one correctly rounded division), so the decimal d = t / 1000
    /// with its trailing zeros trimmed reads back as y; any other decimal with as few digits
    /// differs from d by at least 10⁻³ ≫ ulp(y) (y ≤ 65.535), so d is Swift's shortest form,
    /// printed positionally since 10⁻³ ≤ y < 2⁵³. At most 6 bytes.
    @inline(__always) mutating func rating(thousandths t: UInt16) {
        let whole = UInt64(t / 1000)
        var frac = Int(t % 1000)
        unsigned(whole)
        guard frac != 0 else { return }
        byte(UInt8(ascii: "."))
        var width = 3
        while frac % 10 == 0 { frac /= 10; width -= 1 }
        var p = cursor + width
        for _ in 0..<width { p -= 1; p.pointee = 48 + UInt8(frac % 10); frac /= 10 }
        cursor += width
    }

    /// `s` as a quoted, escaped JSON string (``JSONWriter/writeString(_:into:)``); at most
    /// 6 × its UTF-8 length + 2 bytes.
    @inline(__always) mutating func jsonString(_ s: String) {
        byte(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var plain = true
            for c in utf8 where c < 0x20 || c == 0x22 || c == 0x5C || c == 0x7F {
                plain = false
                break
            }
            if plain { bytes(utf8) } else { escaped(utf8) }
        }
        byte(UInt8(ascii: "\""))
    }

    /// The escaping loop of ``JSONWriter/writeString(_:into:)`` (rare: quotes, backslashes,
    /// control characters).
    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        for c in utf8 {
            switch c {
            case 0x22: byte(0x5C); byte(0x22)
            case 0x5C: byte(0x5C); byte(0x5C)
            case 0x0A: byte(0x5C); byte(UInt8(ascii: "n"))
            case 0x0D: byte(0x5C); byte(UInt8(ascii: "r"))
            case 0x09: byte(0x5C); byte(UInt8(ascii: "t"))
            case 0..<0x20, 0x7F:
                byte(0x5C); byte(UInt8(ascii: "u")); byte(48); byte(48)
                byte(Self.hex[Int(c >> 4)]); byte(Self.hex[Int(c & 15)])
            default: byte(c)
            }
        }
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}
