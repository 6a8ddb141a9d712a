/// Small text charts: sparklines, horizontal bars and braille line charts, each with an ASCII
/// fallback through the ``GlyphSet``. They return plain strings of an exact display width.
public enum Charts {
    /// A sparkline of `values`, one cell each, scaled from 0 (or the minimum if negative) to
    /// the maximum. Non-finite values draw as a space.
    public static func sparkline(_ values: [Double], glyphs: GlyphSet) -> String {
        let finite = values.filter(\.isFinite)
        guard let hi = finite.max(), let lo0 = finite.min() else { return TextLayout.spaces(values.count) }
        let lo = min(0, lo0)
        let levels = glyphs.sparkLevels
        guard !levels.isEmpty else { return TextLayout.spaces(values.count) }
        var s = ""
        for v in values {
            guard v.isFinite else { s += " "; continue }
            if hi <= lo { s += levels[0]; continue }
            let t = (v - lo) / (hi - lo)
            s += levels[min(levels.count - 1, max(0, Int((t * Double(levels.count - 1)).rounded())))]
        }
        return s
    }

    /// A horizontal bar of `fraction` (0…1) of `width` cells, in eighths of a cell, padded with
    /// spaces to exactly `width` cells.
    public static func bar(_ fraction: Double, width: Int, glyphs: GlyphSet) -> String {
        guard width > 0 else { return "" }
        let f = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let eighths = Int((f * Double(width * 8)).rounded())
        let full = eighths / 8
        let rest = eighths % 8
        let e = glyphs.barEighths
        guard e.count == 9 else { return TextLayout.spaces(width) }
        var s = TextLayout.repeated(e[8], full)
        var used = full
        if rest > 0, used < width { s += e[rest]; used += 1 }
        return s + TextLayout.spaces(width - used)
    }

    /// A line chart of `values` in a `width` × `height` cell box. With braille each cell holds
    /// 2 × 4 dots; without it, `*` marks each column's value. Returns `height` strings of
    /// exactly `width` cells, top row first.
    public static func lineChart(_ values: [Double], width: Int, height: Int, glyphs: GlyphSet) -> [String] {
        let w = max(0, width), h = max(0, height)
        guard w > 0, h > 0 else { return Array(repeating: "", count: h) }
        let finite = values.filter(\.isFinite)
        guard let hi = finite.max(), let lo0 = finite.min(), !values.isEmpty else {
            return Array(repeating: TextLayout.spaces(w), count: h)
        }
        let lo = min(0, lo0)
        let span = hi > lo ? hi - lo : 1
        let dotsX = glyphs.braille ? w * 2 : w
        let dotsY = glyphs.braille ? h * 4 : h
        // Sample the series at each dot column (nearest value), then the dot row from the top.
        var rows = Array(repeating: -1, count: dotsX)
        for x in 0..<dotsX {
            let i = values.count == 1 ? 0 : Int((Double(x) / Double(max(1, dotsX - 1)) * Double(values.count - 1)).rounded())
            let v = values[min(values.count - 1, max(0, i))]
            guard v.isFinite else { continue }
            let t = (v - lo) / span
            rows[x] = dotsY - 1 - min(dotsY - 1, max(0, Int((t * Double(dotsY - 1)).rounded())))
        }
        if !glyphs.braille {
            return (0..<h).map { y in String((0..<w).map { rows[$0] == y ? "*" : (rows[$0] >= 0 && rows[$0] < y ? "|" : " ") }) }
        }
        // Braille dot bits: column 0 rows 0-3 → 0x01 0x02 0x04 0x40; column 1 → 0x08 0x10 0x20 0x80.
        let bits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        var cells = Array(repeating: UInt32(0), count: w * h)
        for x in 0..<dotsX where rows[x] >= 0 {
            // Fill from the value down to the baseline, so the area reads as a chart.
            for y in rows[x]..<dotsY {
                cells[(y / 4) * w + x / 2] |= bits[x % 2][y % 4]
            }
        }
        return (0..<h).map { cy in
            var s = ""
            for cx in 0..<w {
                let v = cells[cy * w + cx]
                s.unicodeScalars.append(Unicode.Scalar(v == 0 ? 0x20 : 0x2800 + v) ?? " ")
            }
            return s
        }
    }
}
