/// Neutralises text from data files before it can reach the terminal.
///
/// Control characters can move the cursor, change colours, set the window title (OSC) or
/// reorder text (bidi overrides); none of them may reach curses. Every such scalar is replaced
/// by a visible escape: C0/C1 controls and DEL as `\x1b`-style hex, bidi embedding, override and
/// isolate controls (U+202A–202E, U+2066–2069) and line/paragraph separators as `\u202e`-style
/// hex. Tab becomes one space. The printable rest of an escape sequence (`[31m`) stays as
/// plain, harmless text. Invalid UTF-8 (from ``sanitize(bytes:)``) shows as `\xff`-style hex.
public enum TextSanitizer {
    /// Whether a scalar must be replaced by a visible escape.
    @inline(__always)
    public static func isUnsafe(_ v: UInt32) -> Bool {
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return true }
        if v < 0x2028 { return false }
        return (v >= 0x2028 && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) || v == 0x200E || v == 0x200F
            || v == 0x061C || v == 0xFFF9 || v == 0xFFFA || v == 0xFFFB
    }

    /// The text with every unsafe scalar replaced by a visible escape.
    /// - Complexity: O(n); returns the input unchanged (no copy) when it is already safe.
    public static func sanitize(_ text: String) -> String {
        var clean = true
        for s in text.unicodeScalars where isUnsafe(s.value) { clean = false; break }
        if clean { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s.value == 0x09 { out.append(" ") } else if isUnsafe(s.value) {
                out.append(contentsOf: escape(s.value).unicodeScalars)
            } else { out.append(s) }
        }
        return String(out)
    }

    /// Multi-line text for a terminal (the CLI's table and text output, its messages): every
    /// unsafe scalar escaped as in ``sanitize(_:)`` except the line feed, which still ends a line.
    /// Idempotent, so text whose data fields were sanitised already passes unchanged.
    public static func sanitizeLines(_ text: String) -> String {
        var clean = true
        for s in text.unicodeScalars where s.value != 0x0A && isUnsafe(s.value) { clean = false; break }
        if clean { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {  // by scalar: "\r\n" is one Character, split it here
            if s.value == 0x0A { out.append(s) } else if s.value == 0x09 { out.append(" ") } else if isUnsafe(s.value) {
                out.append(contentsOf: escape(s.value).unicodeScalars)
            } else { out.append(s) }
        }
        return String(out)
    }

    /// Text for a file meant to be read as text, e.g. a Markdown export: only the controls that
    /// are never valid there (C0 except tab and line feed, DEL, C1) are escaped; bidi controls,
    /// which right-to-left names may need, are kept.
    public static func sanitizeControls(_ text: String) -> String {
        func bad(_ v: UInt32) -> Bool { (v < 0x20 && v != 0x09 && v != 0x0A) || (v >= 0x7F && v < 0xA0) }
        var clean = true
        for s in text.unicodeScalars where bad(s.value) { clean = false; break }
        if clean { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if bad(s.value) { out.append(contentsOf: escape(s.value).unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }

    /// Decodes bytes as UTF-8, showing each invalid byte as `\xNN`, then sanitises.
    public static func sanitize(bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            let len = sequenceLength(bytes, at: i)
            if len == 0 {
                out += "\\x" + hex(UInt32(bytes[i]), digits: 2)
                i += 1
            } else {
                out += String(decoding: bytes[i..<(i + len)], as: UTF8.self)
                i += len
            }
        }
        return sanitize(out)
    }

    /// The visible form of an unsafe scalar.
    static func escape(_ v: UInt32) -> String {
        v < 0x100 ? "\\x" + hex(v, digits: 2) : "\\u" + hex(v, digits: 4)
    }

    static func hex(_ v: UInt32, digits: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }

    /// Length of a valid UTF-8 sequence starting at `i`, or 0 if the bytes there are invalid
    /// (overlong forms, surrogates and values above U+10FFFF are invalid).
    static func sequenceLength(_ b: [UInt8], at i: Int) -> Int {
        let b0 = b[i]
        if b0 < 0x80 { return 1 }
        func cont(_ k: Int) -> Bool { i + k < b.count && b[i + k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0...0xEF:
            guard cont(1), cont(2) else { return 0 }
            let b1 = b[i + 1]
            if b0 == 0xE0 && b1 < 0xA0 { return 0 }
            if b0 == 0xED && b1 >= 0xA0 { return 0 }
            return 3
        case 0xF0...0xF4:
            guard cont(1), cont(2), cont(3) else { return 0 }
            let b1 = b[i + 1]
            if b0 == 0xF0 && b1 < 0x90 { return 0 }
            if b0 == 0xF4 && b1 >= 0x90 { return 0 }
            return 4
        default: return 0
        }
    }
}
