import AcumenAnalytics
import AcumenCore
import AcumenStore

/// The weights (what-if) screen: every criterion's weight against the pinned baseline with a
/// bar, and, as the weights change, the tier migration matrix, the tier shares and the
/// biggest movers.
///
/// From ``sideBySideWidth`` columns the results sit right of the criteria; narrower they stack
/// below them and the body scrolls as one page: it follows the selected criterion, and `Tab`
/// gives the keys to the results (`j`/`k` scroll the matrix, shares and movers into view).
struct WeightsView {
    let state: AppState

    var glyphs: GlyphSet { state.glyphs }

    /// The narrowest terminal that shows the results beside the criteria.
    static let sideBySideWidth = 100
    /// Movers listed when the results are stacked below the criteria.
    static let stackedMovers = 10

    /// Lines of the stacked results with `tiers` tiers: tier moves (title, header, a row per
    /// tier), a blank, tier shares (title, a row per tier), a blank, the movers (title, rows).
    static func resultsLineCount(tiers: Int) -> Int { 2 + tiers + 1 + 1 + tiers + 1 + 1 + stackedMovers }

    /// Rows of the stacked page in a body of `height` rows (the last row is pinned).
    static func stackedRows(height: Int) -> Int { max(0, height - 1) }

    func draw(_ grid: inout CellGrid, y: Int, height: Int) {
        guard height > 0 else { return }
        guard let w = state.weights.whatIf else {
            grid.put(" Loading the analysis…", x: 0, y: y, role: .muted)
            return
        }
        let width = grid.width
        guard width < Self.sideBySideWidth else {
            let right = min(48, max(37, width * 2 / 5))
            let leftW = width - right
            drawCriteria(&grid, w, x: 0, y: y, width: leftW, height: height)
            let fixed = 2 + 2 * w.analysis.tierNames.count + 4
            for (i, l) in effectLines(w, width: right - 1, movers: max(0, height - fixed)).prefix(height).enumerated() {
                grid.put(l, x: leftW + 1, y: y + i, maxWidth: right - 1)
            }
            return
        }
        drawStacked(&grid, w, y: y, height: height)
    }

    /// Criteria, then the results, as one page scrolled to the selected criterion or, when the
    /// results have the keys, to ``WeightsState/resultsTop``.
    func drawStacked(_ grid: inout CellGrid, _ w: WhatIf, y: Int, height: Int) {
        let width = grid.width
        let criteria = criteriaLines(w, width: width)
        let focusResults = state.weights.focus == .results
        let tail = [StyledLine("")] + effectLines(w, width: width - 1, movers: Self.stackedMovers).map { l in
            var out = StyledLine(" "); out.spans += l.spans; return out
        }
        let lines = criteria + tail
        // The last row stays put and says where the results are and how to reach them.
        let rows = max(0, height - 1)
        var pin = StyledLine(" " + (focusResults ? "Tab: back to the criteria · j/k scroll"
            : WhatIfLines.tierMoves(w, gap: " ", glyphs: glyphs) + " · Tab: matrix, shares, movers"), .accent)
        if focusResults { pin = StyledLine(pin.spans.map { StyledLine.Span($0.text, .muted) }) }
        if height > 1 { grid.put(pin, x: 0, y: y + height - 1, maxWidth: width) }
        let selected = 1 + min(max(0, state.weights.selected), Criterion.allCases.count - 1)
        let last = max(0, lines.count - rows)
        let top = focusResults ? min(criteria.count + 1 + state.weights.resultsTop, last)
            : selected < rows ? 0 : min(selected - rows + 1, last)
        for (i, l) in lines.dropFirst(top).prefix(rows).enumerated() {
            let at = top + i, yy = y + i
            if at == 0 { grid.fill(x: 0, y: yy, width: width, height: 1, role: .header) }
            if at == selected, !focusResults { grid.fill(x: 0, y: yy, width: width, height: 1, role: .selection) }
            grid.put(l, x: 0, y: yy, maxWidth: width)
        }
    }

    /// One row per criterion: title, baseline weight, weight now, share bar.
    func drawCriteria(_ grid: inout CellGrid, _ w: WhatIf, x: Int, y: Int, width: Int, height: Int) {
        let lines = criteriaLines(w, width: width)
        grid.fill(x: x, y: y, width: width, height: 1, role: .header)
        grid.put(lines[0], x: x, y: y, maxWidth: width)
        let all = Criterion.allCases
        let rows = height - 1
        let first = min(max(0, state.weights.selected - rows + 1), max(0, all.count - rows))
        for i in 0..<max(0, min(rows, all.count - first)) {
            let yy = y + 1 + i
            if first + i == state.weights.selected { grid.fill(x: x, y: yy, width: width, height: 1, role: .selection) }
            grid.put(lines[1 + first + i], x: x, y: yy, maxWidth: width)
        }
    }

    /// The header, then one line per criterion (the selected one in the selection role).
    func criteriaLines(_ w: WhatIf, width: Int) -> [StyledLine] {
        let titleW = min(24, max(8, width - 26))
        let barW = max(0, width - titleW - 16)
        var out = [StyledLine(" " + TextLayout.fit("Criterion", width: titleW) + TextLayout.fit("base", width: 6, alignment: .right)
                              + TextLayout.fit("now", width: 6, alignment: .right) + "  share", .header)]
        let total = max(1e-9, w.weights.values.reduce(0) { $0 + max(0, $1) })
        for (k, c) in Criterion.allCases.enumerated() {
            let selected = k == state.weights.selected && state.weights.focus == .criteria || k == state.weights.selected && state.width >= Self.sideBySideWidth
            let base = w.baselineWeights[c] ?? 0, now = w.weight(c)
            let role: StyleRole = selected ? .selection : .normal
            var l = StyledLine(" " + TextLayout.fit(c.title, width: titleW, ellipsis: glyphs.ellipsis), role)
            l.add(TextLayout.fit(Self.weight(base), width: 6, alignment: .right), selected ? role : .muted)
            let mark = now > base ? glyphs.up : now < base ? glyphs.down : " "
            l.add(TextLayout.fit(Self.weight(now), width: 6, alignment: .right) + mark,
                  selected ? role : (base != now ? (now > base ? .positive : .negative) : .normal))
            if barW > 2 { l.add(" " + Charts.bar(now / total, width: barW - 1, glyphs: glyphs), selected ? role : .bar) }
            out.append(l)
        }
        return out
    }

    /// Migration matrix, tier shares and up to `movers` movers.
    func effectLines(_ w: WhatIf, width: Int, movers limit: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        lines.append(StyledLine(WhatIfLines.tierMoves(w, glyphs: glyphs), .title))
        lines += WhatIfLines.matrix(w, corner: "from\\to", labelWidth: 8, glyphs: glyphs)
        lines.append(StyledLine(""))
        lines.append(StyledLine("Tier shares (base → now)", .title))
        lines += WhatIfLines.shares(w, labelWidth: 9, glyphs: glyphs)
        lines.append(StyledLine(""))
        let movers = w.movers(limit: max(0, limit))
        let title = !w.isRanked ? "Movers: re-ranking…" : movers.isEmpty ? "Movers: none" : "Biggest movers (Δrank Δscore tier)"
        lines.append(StyledLine(title, .title))
        let nameW = MoverLine.nameWidth(width)
        for k in movers {
            let l = MoverLine.line(w, k, nameWidth: nameW, glyphs: glyphs)
            lines.append(l)
        }
        return lines
    }

    /// A weight with at most one decimal.
    static func weight(_ v: Double) -> String { v == v.rounded() ? Format.fixed(v, digits: 0) : Format.fixed(v, digits: 1) }
}
