import AcumenAnalytics
import AcumenCore

/// One line of a movers list, as the Weights and the scenario comparison screens show it:
/// the name, Δrank (arrow and places), Δscore (points, one decimal) and, when the account
/// changed tier, the two tier markers. Every figure comes from the model's comparison.
enum MoverLine {
    /// The line for customer `k` of the what-if `w`, its name in `nameWidth` cells after `indent`.
    static func line(_ w: WhatIf, _ k: Int, nameWidth: Int, indent: String = "", glyphs: GlyphSet) -> StyledLine {
        let dr = w.comparison.rankDelta(k), ds = w.comparison.scoreDelta(k), t = w.comparison.tierMove(k)
        var l = StyledLine(indent + TextLayout.fit(TextSanitizer.sanitize(w.analysis.customers[k].name), width: nameWidth, ellipsis: glyphs.ellipsis))
        l.add(TextLayout.fit((dr > 0 ? glyphs.up : glyphs.down) + String(abs(dr)), width: 7, alignment: .right), dr > 0 ? .positive : .negative)
        l.add(TextLayout.fit((ds >= 0 ? "+" : "") + Format.fixed(ds, digits: 1), width: 7, alignment: .right))
        if t != 0 {
            let from = Int(w.baseline.effectiveTiers[k]), to = Int(w.scoring.effectiveTiers[k])
            l.add(" " + glyphs.tierMarker(from) + glyphs.tierMarker(to), t > 0 ? .positive : .negative)
        }
        return l
    }

    /// The name width that keeps the figures near the names: the room left by the 22 cells of
    /// figures, at most 38 cells of name.
    static func nameWidth(_ width: Int) -> Int { max(4, min(width, 60) - 22) }
}
