import AcumenAnalytics
import AcumenCore

/// The scenario comparison screen: the two sides' names, per criterion both weights, the tier
/// migration matrix between them, the tier shares and the movers (the cursor picks one to open).
/// Everything shown comes from the model's comparison (``WhatIf`` / ``ScoringComparison``).
/// At 100 columns and more the criteria sit left of the matrix and shares; narrower, everything
/// stacks and scrolls so the selected cell or mover stays on screen.
struct ScenariosView {
    let state: AppState

    var glyphs: GlyphSet { state.glyphs }

    func draw(_ grid: inout CellGrid, y: Int, height: Int) {
        guard height > 0 else { return }
        guard let w = state.scenarios.comparison else {
            grid.put(" Loading the analysis…", x: 0, y: y, role: .muted)
            return
        }
        let width = grid.width
        var head = StyledLine(" Compare ", .title)
        head.add(w.baselineName, .accent)
        head.add("  with  ", .muted)
        head.add(w.scenarioName ?? "", .accent)
        head.add("   < > left  [ ] right  R rename  D delete", .muted)
        grid.put(head, x: 0, y: y, maxWidth: width)
        let wide = width >= 100
        let leftW = wide ? width / 2 : width
        var lines = criteria(w, width: leftW, onlyDifferent: !wide)
        let matrixLines = matrix(w)
        let effects = matrixLines + [StyledLine("")] + shares(w)
        // The line of the selected matrix row, in the right column (wide) or the page (narrow).
        var cellLine: Int?
        if let (r, _) = state.scenarios.cell { cellLine = 2 + r }
        if wide {
            for (i, l) in effects.prefix(height - 1).enumerated() { grid.put(l, x: leftW + 1, y: y + 1 + i, maxWidth: width - leftW - 1) }
            lines += Array(repeating: StyledLine(""), count: max(0, effects.count - lines.count))
            cellLine = nil
        } else {
            cellLine = cellLine.map { $0 + lines.count + 1 }
            lines += [StyledLine("")] + effects
        }
        lines.append(StyledLine(""))
        let moversAt = lines.count
        lines += movers(w, width: width)
        // Scroll so the selected cell or mover is visible.
        let rows = max(0, height - 1)
        let mover = state.scenarios.mover
        let want = mover.map { moversAt + 1 + $0 } ?? cellLine ?? 0
        let top = want < rows ? 0 : min(want - rows + 1, max(0, lines.count - rows))
        for (i, l) in lines.dropFirst(top).prefix(rows).enumerated() {
            let yy = y + 1 + i
            if mover != nil, top + i == want { grid.fillRow(yy, role: .selection) }
            grid.put(l, x: 0, y: yy, maxWidth: wide && top + i < moversAt ? leftW : width)
        }
    }

    /// Per criterion: the left side's weight, the right side's, and the change. Stacked (under
    /// 100 columns) only the criteria that differ are listed, then how many are equal, so the
    /// differences are on the first page.
    func criteria(_ w: WhatIf, width: Int, onlyDifferent: Bool = false) -> [StyledLine] {
        let titleW = min(26, max(8, width - 22))
        var out = [StyledLine(" " + TextLayout.fit("Criterion", width: titleW) + TextLayout.fit("left", width: 7, alignment: .right)
                              + TextLayout.fit("right", width: 7, alignment: .right), .header)]
        var equal = 0
        for c in Criterion.allCases {
            let a = w.baselineWeights[c] ?? 0, b = w.weight(c)
            if onlyDifferent, a == b { equal += 1; continue }
            var l = StyledLine(" " + TextLayout.fit(c.title, width: titleW, ellipsis: glyphs.ellipsis))
            l.add(TextLayout.fit(WeightsView.weight(a), width: 7, alignment: .right), .muted)
            l.add(TextLayout.fit(WeightsView.weight(b), width: 7, alignment: .right), a == b ? .normal : (b > a ? .positive : .negative))
            if a != b { l.add(" " + (b > a ? glyphs.up : glyphs.down), b > a ? .positive : .negative) }
            out.append(l)
        }
        if equal > 0 {
            let all = equal == Criterion.allCases.count
            out.append(StyledLine(" " + (all ? "All \(equal) criteria weigh the same on both sides" : Format.count(equal, "other criterion", "other criteria") + " weigh the same"), .muted))
        }
        return out
    }

    /// The tier migration matrix: rows the left side's tiers, columns the right side's; the
    /// selected cell (Enter lists its accounts) in the selection role.
    func matrix(_ w: WhatIf) -> [StyledLine] {
        var out = [StyledLine(" " + WhatIfLines.tierMoves(w, glyphs: glyphs) + " — Enter on a cell lists it", .title)]
        out += WhatIfLines.matrix(w, corner: "left\\right", labelWidth: 10, indent: " ", selected: state.scenarios.cell, glyphs: glyphs)
        return out
    }

    /// Each tier's share of customers on the left and on the right.
    func shares(_ w: WhatIf) -> [StyledLine] {
        [StyledLine(" Tier shares (left → right)", .title)] + WhatIfLines.shares(w, labelWidth: 10, indent: " ", glyphs: glyphs)
    }

    /// The movers, most moved first: name, Δrank, Δscore and the tier move.
    func movers(_ w: WhatIf, width: Int) -> [StyledLine] {
        let list = state.scenarios.movers
        var out = [StyledLine(list.isEmpty ? " Movers: none" : " Movers (Δrank Δscore tier) — Enter opens one", .title)]
        let nameW = MoverLine.nameWidth(width - 2)
        for k in list {
            let l = MoverLine.line(w, k, nameWidth: nameW, indent: " ", glyphs: glyphs)
            out.append(l)
        }
        return out
    }
}
