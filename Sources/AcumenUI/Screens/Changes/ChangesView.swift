import AcumenAnalytics
import AcumenCore

/// The changes screen: the portfolio one quarter ago against now, with the same weights — tier
/// migration (counts and later revenue), ABC and RFM-segment migration, per-tier changes, new
/// and gone-quiet customers, decisions against outcomes, and the movers. Every figure comes
/// from ``PortfolioComparison``. At 100 columns and more the matrices sit left of the rest;
/// narrower, everything stacks and scrolls so the cursor stays on screen.
struct ChangesView {
    let state: AppState

    var glyphs: GlyphSet { state.glyphs }
    var cs: ChangesState { state.changes }

    func draw(_ grid: inout CellGrid, y: Int, height: Int) {
        guard height > 0 else { return }
        guard let c = cs.comparison else {
            grid.put(" Comparing with " + (cs.earlierDay?.iso ?? "one quarter earlier") + glyphs.ellipsis, x: 0, y: y, role: .muted)
            return
        }
        let width = grid.width
        var head = StyledLine(" Changes ", .title)
        head.add(c.earlier.asOf.iso, .accent)
        head.add(" → ", .muted)
        head.add(c.later.asOf.iso, .accent)
        head.add("   both dates use the same weights", .muted)
        grid.put(head, x: 0, y: y, maxWidth: width)
        let wide = width >= 100
        let leftW = wide ? width / 2 : width
        // Each line with the cursor position it shows (nil: not selectable).
        var left = tierMatrix(c)
        left += [(StyledLine(""), nil)] + plain(revenueMatrix(c) + [StyledLine("")] + small(c.abc, title: "ABC migration") + [StyledLine("")] + segmentMoves(c))
        var right = plain(tierDeltas(c) + [StyledLine("")] + newAndQuiet(c) + [StyledLine("")] + decisions(c) + [StyledLine("")]) + movers()
        var lines: [(StyledLine, Int?)]
        if wide {
            let rows = max(left.count, right.count)
            left += Array(repeating: (StyledLine(""), nil), count: rows - left.count)
            right += Array(repeating: (StyledLine(""), nil), count: rows - right.count)
            lines = []
            for i in 0..<rows {
                // The right column's line is drawn separately; keep the selectable position of either.
                lines.append((left[i].0, left[i].1 ?? right[i].1))
            }
        } else {
            lines = left + [(StyledLine(""), nil)] + right
        }
        let rows = max(0, height - 1)
        let want = lines.firstIndex { $0.1 == cs.cursor } ?? 0
        let top = want < rows ? 0 : min(want - rows + 1, max(0, lines.count - rows))
        for i in 0..<min(rows, lines.count - top) {
            let yy = y + 1 + i, k = top + i
            if let p = lines[k].1, p == cs.cursor, p >= cs.tierCount * cs.tierCount { grid.fillRow(yy, role: .selection) }
            grid.put(lines[k].0, x: 0, y: yy, maxWidth: leftW)
            if wide { grid.put(right[k].0, x: leftW + 1, y: yy, maxWidth: width - leftW - 1) }
            if let p = lines[k].1, p == cs.cursor, p < cs.tierCount * cs.tierCount, k < left.count, left[k].1 != nil {
                let col = 12 + (p % max(1, cs.tierCount)) * 7
                let cell = c.tiers.cells[p / cs.tierCount][p % cs.tierCount]
                grid.put(TextLayout.fit(String(cell.count), width: 7, alignment: .right), x: col, y: yy, role: .selection, maxWidth: max(0, leftW - col))
            }
        }
    }

    func plain(_ l: [StyledLine]) -> [(StyledLine, Int?)] { l.map { ($0, nil) } }

    /// The tier migration counts: rows the earlier tiers, columns the later; each row is a
    /// cursor line (the cell under the cursor is highlighted).
    func tierMatrix(_ c: PortfolioComparison) -> [(StyledLine, Int?)] {
        let m = c.tiers, n = m.classes.count
        let total = m.cells.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        var out: [(StyledLine, Int?)] = [(StyledLine(" Tier migration (customers, \(Format.grouped(Int64(total))) in all)", .title), nil)]
        out.append((header(m.classes), nil))
        for i in 0..<n {
            var l = StyledLine(" " + TextLayout.fit(m.classes[i], width: 10, ellipsis: glyphs.ellipsis) + " ", .muted)
            for j in 0..<n {
                let v = m.cells[i][j].count
                l.add(TextLayout.fit(String(v), width: 7, alignment: .right), i == j ? .normal : (v == 0 ? .muted : (j < i ? .positive : .negative)))
            }
            let inRow = cs.cell.map { $0.from == i } ?? false
            out.append((l, inRow ? cs.cursor : i * n))
        }
        return out
    }

    /// The later window revenue of each tier cell.
    func revenueMatrix(_ c: PortfolioComparison) -> [StyledLine] {
        let m = c.tiers
        var out = [StyledLine(" Tier migration (revenue, later window)", .title), header(m.classes)]
        for (i, row) in m.cells.enumerated() {
            var l = StyledLine(" " + TextLayout.fit(m.classes[i], width: 10, ellipsis: glyphs.ellipsis) + " ", .muted)
            for cell in row { l.add(TextLayout.fit(Format.money(cell.laterRevenue), width: 7, alignment: .right), cell.count == 0 ? .muted : .normal) }
            out.append(l)
        }
        return out
    }

    func header(_ classes: [String]) -> StyledLine {
        var h = StyledLine(" " + TextLayout.fit("was\\now", width: 11), .muted)
        for n in classes { h.add(" " + TextLayout.fit(n, width: 6, alignment: .right, ellipsis: glyphs.ellipsis), .muted) }
        return h
    }

    /// A small matrix of counts (ABC).
    func small(_ m: MigrationMatrix, title: String) -> [StyledLine] {
        var out = [StyledLine(" " + title, .title), header(m.classes)]
        for (i, row) in m.cells.enumerated() {
            var l = StyledLine(" " + TextLayout.fit(m.classes[i], width: 10, ellipsis: glyphs.ellipsis) + " ", .muted)
            for (j, cell) in row.enumerated() { l.add(TextLayout.fit(String(cell.count), width: 7, alignment: .right), i == j ? .normal : .muted) }
            out.append(l)
        }
        return out
    }

    /// RFM segments, compact: the largest moves between segments.
    func segmentMoves(_ c: PortfolioComparison) -> [StyledLine] {
        let m = c.segments
        var moves: [(Int, Int, Int)] = []
        for (i, row) in m.cells.enumerated() { for (j, cell) in row.enumerated() where i != j && cell.count > 0 { moves.append((cell.count, i, j)) } }
        moves.sort { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1, $0.2) < ($1.1, $1.2) }
        var out = [StyledLine(" Segment moves (largest)", .title)]
        if moves.isEmpty { out.append(StyledLine(" none", .muted)) }
        for (v, i, j) in moves.prefix(5) {
            out.append(StyledLine(" " + TextLayout.fit(m.classes[i] + " → " + m.classes[j], width: 30, ellipsis: glyphs.ellipsis) + TextLayout.fit(String(v), width: 7, alignment: .right)))
        }
        return out
    }

    /// Per tier: Δ customers, Δ revenue, Δ contribution (later − earlier).
    func tierDeltas(_ c: PortfolioComparison) -> [StyledLine] {
        var out = [StyledLine(" Per tier  " + TextLayout.fit("Δcust", width: 7, alignment: .right) + TextLayout.fit("Δrev", width: 9, alignment: .right)
                              + TextLayout.fit("Δcontr", width: 9, alignment: .right), .title)]
        for t in c.tierChanges {
            let d = t.later.minus(t.earlier)
            var l = StyledLine(" " + TextLayout.fit(t.tier, width: 9, ellipsis: glyphs.ellipsis), .muted)
            l.add(TextLayout.fit(signed(Int64(d.customers)), width: 7, alignment: .right), role(d.customers))
            l.add(TextLayout.fit(signedMoney(d.revenue), width: 9, alignment: .right), role(d.revenue))
            l.add(TextLayout.fit(signedMoney(d.contribution), width: 9, alignment: .right), role(d.contribution))
            out.append(l)
        }
        return out
    }

    func newAndQuiet(_ c: PortfolioComparison) -> [StyledLine] {
        var l = StyledLine(" New customers ", .title)
        l.add(Format.grouped(Int64(c.newCustomers.count)), .positive)
        l.add("   gone quiet ", .title)
        l.add(Format.grouped(Int64(c.goneQuiet.count)), c.goneQuiet.isEmpty ? .normal : .negative)
        return [l]
    }

    /// Decisions against outcomes: `Grow: 42 accounts, revenue +18.0 %`.
    func decisions(_ c: PortfolioComparison) -> [StyledLine] {
        var out = [StyledLine(" Decisions → outcomes", .title)]
        let decided = c.decisions.filter { $0.count > 0 }
        if decided.isEmpty { out.append(StyledLine(" no decided strategies yet", .muted)) }
        for d in decided {
            var l = StyledLine(" \(d.strategy.title): \(Format.count(d.count, "account")), revenue ")
            if let r = d.revenueChange {
                l.add((r >= 0 ? "+" : "") + Format.fixed(r * 100, digits: 1) + " %", r >= 0 ? .positive : .negative)
            } else {
                l.add("—", .muted)
            }
            out.append(l)
        }
        return out
    }

    /// Movers up, then down: name, Δrank, Δscore, tiers; each a cursor position.
    func movers() -> [(StyledLine, Int?)] {
        let base = cs.tierCount * cs.tierCount
        var out: [(StyledLine, Int?)] = []
        for (title, list, offset) in [("Movers up", cs.moversUp, 0), ("Movers down", cs.moversDown, cs.moversUp.count)] {
            out.append((StyledLine(" \(title) (Δrank Δscore) — Enter opens", .title), nil))
            if list.isEmpty { out.append((StyledLine(" none", .muted), nil)) }
            for (i, m) in list.enumerated() {
                let name = m.index < state.table.count ? TextSanitizer.sanitize(state.table.names[m.index]) : ""
                var l = StyledLine(" " + TextLayout.fit(name, width: 18, ellipsis: glyphs.ellipsis))
                l.add(TextLayout.fit((m.rankDelta > 0 ? glyphs.up : glyphs.down) + String(abs(m.rankDelta)), width: 8, alignment: .right), m.rankDelta > 0 ? .positive : .negative)
                l.add(TextLayout.fit((m.scoreDelta >= 0 ? "+" : "") + Format.fixed(m.scoreDelta, digits: 1), width: 7, alignment: .right))
                if m.earlierTier != m.laterTier { l.add(" " + m.earlierTier + "→" + m.laterTier, .muted) }
                out.append((l, base + offset + i))
            }
        }
        return out
    }

    func signed(_ v: Int64) -> String { (v > 0 ? "+" : "") + Format.grouped(v) }
    func signedMoney(_ v: Int64) -> String { (v > 0 ? "+" : "") + Format.money(v) }
    func role<T: BinaryInteger>(_ v: T) -> StyleRole { v > 0 ? .positive : (v < 0 ? .negative : .muted) }
}
