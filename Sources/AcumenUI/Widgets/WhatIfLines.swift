import AcumenAnalytics
import AcumenCore

/// The lines the Weights and the scenario comparison screens share to show a what-if: the tier
/// migration matrix (header and one row per tier) and the tier-share rows. Every figure comes
/// from the model's comparison; only the labels' width, indent and corner text differ.
enum WhatIfLines {
    /// The matrix's header and rows: rows are the baseline's tiers, columns the scenario's; a
    /// cell counts the customers moving between them (green up, red down, muted when empty),
    /// `selected` drawn in the selection role.
    static func matrix(_ w: WhatIf, corner: String, labelWidth: Int, indent: String = "",
                       selected: (Int, Int)? = nil, glyphs: GlyphSet) -> [StyledLine] {
        let names = w.analysis.tierNames, m = w.comparison.migration, cell = 7
        var head = StyledLine(indent + TextLayout.fit(corner, width: labelWidth), .muted)
        for n in names { head.add(" " + TextLayout.fit(n, width: cell - 1, alignment: .right, ellipsis: glyphs.ellipsis), .muted) }
        var out = [head]
        for (i, n) in names.enumerated() {
            var l = StyledLine(indent + TextLayout.fit(n, width: labelWidth, ellipsis: glyphs.ellipsis), .muted)
            for j in names.indices {
                let v = i < m.count && j < m[i].count ? m[i][j] : 0
                let role: StyleRole = selected.map { $0 == (i, j) } == true ? .selection
                    : i == j ? .normal : (v == 0 ? .muted : (j < i ? .positive : .negative))
                l.add(Format.cell(v, width: cell), role)
            }
            out.append(l)
        }
        return out
    }

    /// One row per tier: its share of customers under the baseline → the scenario, and the
    /// change in points when it is at least 0.05.
    static func shares(_ w: WhatIf, labelWidth: Int, indent: String = "", glyphs: GlyphSet) -> [StyledLine] {
        w.tierShares.map { s in
            var l = StyledLine(indent + TextLayout.fit(s.tier, width: labelWidth, ellipsis: glyphs.ellipsis), .muted)
            l.add(TextLayout.fit(Format.percent(s.baseline), width: 7, alignment: .right) + " → " + TextLayout.fit(Format.percent(s.scenario), width: 6, alignment: .right))
            let d = (s.scenario - s.baseline) * 100
            if abs(d) >= 0.05 { l.add(" " + (d > 0 ? "+" : "") + Format.fixed(d, digits: 1), d > 0 ? .positive : .negative) }
            return l
        }
    }

    /// `Tier moves: 4,325 ↑  4,325 ↓`: how many customers move up and down a tier (grouped like
    /// every other count), the arrows `gap` after the numbers' group.
    static func tierMoves(_ w: WhatIf, gap: String = "  ", glyphs: GlyphSet) -> String {
        "Tier moves: \(Format.grouped(Int64(w.comparison.movedUp))) \(glyphs.up)\(gap)\(Format.grouped(Int64(w.comparison.movedDown))) \(glyphs.down)"
    }
}
