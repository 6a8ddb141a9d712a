/// The portfolio: per tier and per ABC class with bars, the Pareto curve, the RFM heat map and
/// the tier × strategy matrix. Wide terminals get two columns; narrow ones stack the panels
/// starting from the focused one (Tab brings the next into view).
struct PortfolioView {
    let state: AppState
    let s: PortfolioFigures
    let glyphs: GlyphSet

    init(state: AppState) {
        self.state = state
        s = state.summary
        glyphs = state.glyphs
    }

    func draw(_ grid: inout CellGrid, y: Int, height: Int) {
        guard height > 0, grid.width > 0 else { return }
        let focus = state.portfolio.section
        if grid.width >= 100 {
            let leftW = grid.width / 2 - 1
            var ly = y
            for sec in [PortfolioState.Section.tiers, .abc, .matrix] {
                ly += panel(sec, &grid, x: 0, y: ly, width: leftW, maxHeight: y + height - ly) + 1
            }
            var ry = y
            ry += pareto(&grid, x: leftW + 2, y: ry, width: grid.width - leftW - 2, maxHeight: min(12, height)) + 1
            _ = panel(.rfm, &grid, x: leftW + 2, y: ry, width: grid.width - leftW - 2, maxHeight: y + height - ry)
        } else {
            var yy = y
            let order = PortfolioState.Section.allCases
            for k in 0..<order.count {
                let sec = order[(focus.rawValue + k) % order.count]
                guard yy < y + height else { break }
                yy += panel(sec, &grid, x: 0, y: yy, width: grid.width, maxHeight: y + height - yy) + 1
            }
            if yy < y + height - 3 { _ = pareto(&grid, x: 0, y: yy, width: grid.width, maxHeight: y + height - yy) }
        }
    }

    /// Draws a panel and returns the rows it used.
    func panel(_ sec: PortfolioState.Section, _ grid: inout CellGrid, x: Int, y: Int, width: Int, maxHeight: Int) -> Int {
        guard maxHeight > 0, width > 0 else { return 0 }
        let focused = state.portfolio.section == sec
        grid.put(TextLayout.fit(sec.title, width: width, ellipsis: glyphs.ellipsis), x: x, y: y, role: focused ? .accent : .title, maxWidth: width)
        var lines: [StyledLine]
        switch sec {
        case .tiers: lines = groupLines(s.tiers, focused: focused, width: width) + (state.baselineShareLine.map { [$0] } ?? [])
        case .abc: lines = groupLines(s.abc, focused: focused, width: width)
        case .rfm: lines = rfmLines(focused: focused)
        case .matrix: lines = matrixLines(focused: focused, width: width)
        }
        lines = Array(lines.prefix(max(0, maxHeight - 1)))
        for (k, l) in lines.enumerated() { grid.put(l, x: x, y: y + 1 + k, maxWidth: width) }
        return 1 + lines.count
    }

    /// A table of groups: label, customers, revenue, contribution, CLV and a revenue-share bar.
    func groupLines(_ groups: [PortfolioFigures.Group], focused: Bool, width: Int) -> [StyledLine] {
        let barW = max(0, width - 44)
        // Columns that do not fit whole are left out from the right, never cut (8 + 8 + 9 × 3).
        let shown = min(4, max(0, (width - 16) / 9 + 1))
        let titles = ["Cust.", "Revenue", "Contrib.", "CLV"].prefix(shown).enumerated()
            .map { k, t in TextLayout.fit(t, width: k == 0 ? 8 : 9, alignment: .right) }
        var out = [StyledLine(TextLayout.fit("", width: 8) + titles.joined(), .muted)]
        let total = max(1, s.total.revenue)
        for (k, g) in groups.enumerated() {
            let sel = focused && k == state.portfolio.row
            let role: StyleRole = sel ? .selection : .normal
            var l = StyledLine()
            l.add(TextLayout.fit(g.label, width: 8, ellipsis: glyphs.ellipsis), role)
            if shown > 0 { l.add(TextLayout.fit(Format.grouped(Int64(g.customers)), width: 8, alignment: .right), role) }
            if shown > 1 { l.add(TextLayout.fit(Format.money(g.revenue), width: 9, alignment: .right), role) }
            if shown > 2 { l.add(TextLayout.fit(Format.money(g.contribution), width: 9, alignment: .right), g.contribution < 0 && !sel ? .negative : role) }
            if shown > 3 { l.add(TextLayout.fit(Format.money(g.clv), width: 9, alignment: .right), role) }
            if barW > 2 {
                l.add(" ", role)
                l.add(Charts.bar(Double(max(0, g.revenue)) / Double(total), width: barW - 1, glyphs: glyphs), .bar)
            }
            out.append(l)
        }
        return out
    }

    /// The 5 × 5 RFM grid as a heat map: recency 5 (top) to 1, frequency 1 (left) to 5.
    func rfmLines(focused: Bool) -> [StyledLine] {
        let peak = max(1, s.rfm.flatMap { $0 }.max() ?? 1)
        var out = [StyledLine("     F1    F2    F3    F4    F5", .muted)]
        for r in 0..<5 {
            var l = StyledLine("R\(5 - r)  ", .muted)
            for f in 0..<5 {
                let n = s.rfm[r][f]
                let sel = focused && r == state.portfolio.row && f == state.portfolio.column
                l.add(TextLayout.fit(Format.compact(Double(n)), width: 5, alignment: .right), sel ? .selection : .heat(Double(n) / Double(peak)))
                l.add(" ")
            }
            out.append(l)
        }
        return out
    }

    /// Counts by tier (rows) × strategy (columns).
    func matrixLines(focused: Bool, width: Int) -> [StyledLine] {
        // Cells narrow (titles shortened) before a count would be cut by the screen edge.
        let cell = min(9, max(6, (width - 8) / max(1, s.strategyNames.count)))
        var head = StyledLine(TextLayout.fit("", width: 8), .muted)
        for n in s.strategyNames { head.add(" " + TextLayout.fit(n, width: cell - 1, alignment: .right, ellipsis: glyphs.ellipsis), .muted) }
        var out = [head]
        for (r, row) in s.matrix.enumerated() {
            let label = r < s.tiers.count ? s.tiers[r].label : ""
            var l = StyledLine(TextLayout.fit(label, width: 8, ellipsis: glyphs.ellipsis))
            for (c, n) in row.enumerated() {
                let sel = focused && r == state.portfolio.row && c == state.portfolio.column
                l.add(TextLayout.fit(Format.grouped(Int64(n)), width: cell, alignment: .right), sel ? .selection : .normal)
            }
            out.append(l)
        }
        return out
    }

    /// The Pareto curve: cumulative revenue share against share of customers.
    func pareto(_ grid: inout CellGrid, x: Int, y: Int, width: Int, maxHeight: Int) -> Int {
        guard maxHeight >= 3, width > 8 else { return 0 }
        // The longest wording that fits, so the share itself is never cut.
        let share = Format.percent(s.top20Share)
        let title = ["Pareto: top 20% of customers hold \(share) of \(s.measure)", "Pareto: top 20% hold \(share) of \(s.measure)",
                     "Top 20% hold \(share)"].first { DisplayWidth.of($0) <= width } ?? "Pareto"
        grid.put(TextLayout.fit(title, width: width, ellipsis: glyphs.ellipsis), x: x, y: y, role: .title, maxWidth: width)
        let h = min(8, maxHeight - 2)
        let chart = Charts.lineChart(s.pareto, width: width - 5, height: h, glyphs: glyphs)
        for (k, line) in chart.enumerated() {
            let label = k == 0 ? "100%" : (k == h - 1 ? "  0%" : "    ")
            grid.put(label + " ", x: x, y: y + 1 + k, role: .muted, maxWidth: 5)
            grid.put(line, x: x + 5, y: y + 1 + k, role: .chart, maxWidth: width - 5)
        }
        let axis = TextLayout.fit("0%", width: (width - 5) / 2) + TextLayout.fit("customers 100%", width: width - 5 - (width - 5) / 2, alignment: .right)
        grid.put(axis, x: x + 5, y: y + 1 + h, role: .muted, maxWidth: width - 5)
        return h + 2
    }
}
