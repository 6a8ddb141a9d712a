/// A byte cursor over a buffer whose capacity the caller has checked: hot writers (the save's
/// customer lines, the report's rows) format through it without a capacity or uniqueness check
/// per byte.
///
/// Every form equals ``JSONWriter``'s and ``ByteOutput``'s byte for byte: integers as
/// `String(v)`, money as ``Money/decimalText``, strings as ``JSONWriter/writeString(_:into:)``
/// (a string with nothing to escape — almost all — copied whole). Callers reserve the worst
/// case each method states. The writers add their own forms in extensions (the save's ratings
/// in thousandths, the report's rounded decimals and CSV text).
public struct ByteCursor {
    /// The next byte to write.
    public var cursor: UnsafeMutablePointer<UInt8>

    /// A cursor writing from `cursor` on.
    @inlinable public init(cursor: UnsafeMutablePointer<UInt8>) { self.cursor = cursor }

    /// One byte.
    @inlinable @inline(__always) public mutating func byte(_ b: UInt8) { cursor.pointee = b; cursor += 1 }

    /// The bytes of `b`.
    @inlinable @inline(__always) public mutating func bytes(_ b: UnsafeBufferPointer<UInt8>) {
        guard let base = b.baseAddress else { return }
        cursor.update(from: base, count: b.count)
        cursor += b.count
    }

    /// The bytes of `b`.
    @inlinable @inline(__always) public mutating func bytes(_ b: [UInt8]) { b.withUnsafeBufferPointer { bytes($0) } }

    /// The UTF-8 of a literal.
    @inlinable @inline(__always) public mutating func text(_ s: StaticString) {
        cursor.update(from: s.utf8Start, count: s.utf8CodeUnitCount)
        cursor += s.utf8CodeUnitCount
    }

    /// An integer in decimal, as `String(v)`; at most 20 bytes.
    @inlinable @inline(__always) public mutating func int(_ v: Int) {
        if v < 0 { byte(UInt8(ascii: "-")) }
        unsigned(UInt64(v.magnitude))
    }

    /// An unsigned integer in decimal: digits counted first, then written back to front.
    @inlinable @inline(__always) public mutating func unsigned(_ v: UInt64) {
        var digits = 1, t = v
        while t >= 10 { t /= 10; digits += 1 }
        var n = v, p = cursor + digits
        repeat { p -= 1; p.pointee = 48 + UInt8(n % 10); n /= 10 } while n > 0
        cursor += digits
    }

    /// Money from minor units as ``Money/decimalText`` (`-12.05`); at most 24 bytes.
    @inlinable @inline(__always) public mutating func money(_ minor: Int64) {
        if minor < 0 { byte(UInt8(ascii: "-")) }
        let mag = minor.magnitude
        unsigned(mag / 100)
        let cents = Int(mag % 100)
        byte(UInt8(ascii: "."))
        byte(48 + UInt8(cents / 10))
        byte(48 + UInt8(cents % 10))
    }

    /// `s` as a quoted, escaped JSON string (``JSONWriter/writeString(_:into:)``); at most
    /// 6 × its UTF-8 length + 2 bytes.
    public mutating func jsonString(_ s: String) {
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

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}
