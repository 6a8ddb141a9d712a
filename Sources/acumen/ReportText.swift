/// Terminal-safe text for the report table: neutralised control characters and display widths.
///
/// A small, self-contained width table (the UI has its own in AcumenUI): East Asian Wide and
/// Fullwidth characters take 2 cells, combining marks and format characters 0, others 1
/// (after Unicode UAX #11 and Markus Kuhn's `wcwidth`).
enum ReportText {
    /// `text` with C0/C1 control characters, DEL and bidi controls shown as escapes
    /// (`ESC` → `\x1b`, U+202E → `\u{202e}`), so a name can neither move the cursor nor restyle
    /// or reorder the terminal.
    static func sanitized(_ text: String) -> String {
        var out = ""
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) {
                out += "\\x" + hex(v, 2)
            } else if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C {
                out += "\\u{" + hex(v, 4) + "}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    private static func hex(_ v: UInt32, _ digits: Int) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: max(0, digits - h.count)) + h
    }

    /// Cells a scalar occupies: 0, 1 or 2.
    static func width(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v == 0 || v == 0x200B || (0x1160...0x11FF).contains(v) { return 0 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// Cells a string occupies.
    static func width(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + width($1) } }

    /// `text` cut to at most `cells` cells (ending in `…` when cut), never splitting a wide
    /// character, then padded with spaces to exactly `cells` (on the left when `right`).
    static func fit(_ text: String, _ cells: Int, right: Bool = false) -> String {
        let cells = max(0, cells)
        var t = text
        if width(t) > cells {
            var out = String.UnicodeScalarView()
            var used = 0
            for s in t.unicodeScalars {
                let w = width(s)
                if used + w > cells - 1 { break }
                out.append(s); used += w
            }
            t = cells > 0 ? String(out) + "…" : ""
        }
        let pad = String(repeating: " ", count: max(0, cells - width(t)))
        return right ? pad + t : t + pad
    }
}
