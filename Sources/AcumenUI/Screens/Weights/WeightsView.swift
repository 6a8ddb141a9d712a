import AcumenAnalytics
import AcumenCore
import AcumenStore

/// The weights (what-if) screen: every criterion's weight against the pinned baseline with a
/// bar, and, as the weights change, the tier migration matrix, the tier shares and the
/// biggest movers.
struct WeightsView {
    let state: AppState

    var glyphs: GlyphSet { state.glyphs }

    func draw(_ grid: inout CellGrid, y: Int, height: Int) {
        guard height > 0 else { return }
        guard let w = state.weights.whatIf else {
            grid.put(" Loading the analysis…", x: 0, y: y, role: .muted)
            return
        }
        let width = grid.width
        let right = width >= 72 ? min(48, max(37, width * 2 / 5)) : 0
        let leftW = width - right
        drawCriteria(&grid, w, x: 0, y: y, width: leftW, height: height)
        if right > 0 { drawEffects(&grid, w, x: leftW + 1, y: y, width: right - 1, height: height) }
    }

    /// One row per criterion: title, baseline weight, weight now, share bar.
    func drawCriteria(_ grid: inout CellGrid, _ w: WhatIf, x: Int, y: Int, width: Int, height: Int) {
        let titleW = min(24, max(8, width - 26))
        let barW = max(0, width - titleW - 16)
        grid.fill(x: x, y: y, width: width, height: 1, role: .header)
        grid.put(" " + TextLayout.fit("Criterion", width: titleW) + TextLayout.fit("base", width: 6, alignment: .right)
                 + TextLayout.fit("now", width: 6, alignment: .right) + "  share", x: x, y: y, role: .header, maxWidth: width)
        let total = max(1e-9, w.weights.values.reduce(0) { $0 + max(0, $1) })
        let all = Criterion.allCases
        let rows = height - 1
        let first = min(max(0, state.weights.selected - rows + 1), max(0, all.count - rows))
        for i in 0..<max(0, min(rows, all.count - first)) {
            let c = all[first + i], yy = y + 1 + i
            let selected = first + i == state.weights.selected
            let base = w.baselineWeights[c] ?? 0, now = w.weight(c)
            let changed = base != now
            let role: StyleRole = selected ? .selection : .normal
            if selected { grid.fill(x: x, y: yy, width: width, height: 1, role: .selection) }
            var col = grid.put(" " + TextLayout.fit(c.title, width: titleW, ellipsis: glyphs.ellipsis), x: x, y: yy, role: role, maxWidth: width)
            col = grid.put(TextLayout.fit(Self.weight(base), width: 6, alignment: .right), x: col, y: yy, role: selected ? role : .muted)
            let mark = now > base ? glyphs.up : now < base ? glyphs.down : " "
            col = grid.put(TextLayout.fit(Self.weight(now), width: 6, alignment: .right) + mark, x: col, y: yy,
                           role: selected ? role : (changed ? (now > base ? .positive : .negative) : .normal))
            if barW > 2 {
                grid.put(" " + Charts.bar(now / total, width: barW - 1, glyphs: glyphs), x: col, y: yy, role: selected ? role : .bar, maxWidth: x + width - col)
            }
        }
    }

    /// Migration matrix, tier shares and movers.
    func drawEffects(_ grid: inout CellGrid, _ w: WhatIf, x: Int, y: Int, width: Int, height: Int) {
        var lines: [StyledLine] = []
        let names = w.analysis.tierNames
        let cell = 7
        let m = w.comparison.migration
        lines.append(StyledLine("Tier moves: \(w.comparison.movedUp) \(glyphs.up)  \(w.comparison.movedDown) \(glyphs.down)", .title))
        var head = StyledLine(TextLayout.fit("from\\to", width: 8), .muted)
        for n in names { head.add(" " + TextLayout.fit(n, width: cell - 1, alignment: .right, ellipsis: glyphs.ellipsis), .muted) }
        lines.append(head)
        for (i, n) in names.enumerated() {
            var l = StyledLine(TextLayout.fit(n, width: 8, ellipsis: glyphs.ellipsis), .muted)
            for j in names.indices {
                let v = i < m.count && j < m[i].count ? m[i][j] : 0
                l.add(TextLayout.fit(String(v), width: cell, alignment: .right), i == j ? .normal : (v == 0 ? .muted : (j < i ? .positive : .negative)))
            }
            lines.append(l)
        }
        lines.append(StyledLine(""))
        lines.append(StyledLine("Tier shares (base → now)", .title))
        for s in w.tierShares {
            var l = StyledLine(TextLayout.fit(s.tier, width: 9, ellipsis: glyphs.ellipsis), .muted)
            l.add(TextLayout.fit(Format.percent(s.baseline), width: 7, alignment: .right) + " → " + TextLayout.fit(Format.percent(s.scenario), width: 6, alignment: .right))
            let d = (s.scenario - s.baseline) * 100
            if abs(d) >= 0.05 { l.add(" " + (d > 0 ? "+" : "") + Format.fixed(d, digits: 1), d > 0 ? .positive : .negative) }
            lines.append(l)
        }
        lines.append(StyledLine(""))
        let room = max(0, height - lines.count - 1)
        let movers = w.movers(limit: room)
        let title = !w.isRanked ? "Movers: re-ranking…" : movers.isEmpty ? "Movers: none" : "Biggest movers (Δrank Δscore tier)"
        lines.append(StyledLine(title, .title))
        let nameW = max(4, width - 22)
        for k in movers {
            let dr = w.comparison.rankDelta(k), ds = w.comparison.scoreDelta(k), t = w.comparison.tierMove(k)
            var l = StyledLine(TextLayout.fit(TextSanitizer.sanitize(w.analysis.customers[k].name), width: nameW, ellipsis: glyphs.ellipsis))
            l.add(TextLayout.fit((dr > 0 ? glyphs.up : glyphs.down) + String(abs(dr)), width: 7, alignment: .right), dr > 0 ? .positive : .negative)
            l.add(TextLayout.fit((ds >= 0 ? "+" : "") + Format.fixed(ds, digits: 1), width: 7, alignment: .right))
            if t != 0 {
                let from = Int(w.baseline.effectiveTiers[k]), to = Int(w.scoring.effectiveTiers[k])
                l.add(" " + glyphs.tierMarker(from) + glyphs.tierMarker(to), t > 0 ? .positive : .negative)
            }
            lines.append(l)
        }
        for (i, l) in lines.prefix(height).enumerated() { grid.put(l, x: x, y: y + i, maxWidth: width) }
    }

    /// A weight with at most one decimal.
    static func weight(_ v: Double) -> String { v == v.rounded() ? Format.fixed(v, digits: 0) : Format.fixed(v, digits: 1) }
}
