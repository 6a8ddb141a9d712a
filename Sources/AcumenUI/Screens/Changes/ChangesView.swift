import AcumenAnalytics
import AcumenCore

/// The changes screen: the portfolio one quarter ago against now, with the same weights — tier
/// migration (counts and later revenue), ABC migration, the largest RFM-segment moves, per-tier
/// changes, new and gone-quiet customers, decisions against outcomes, and the movers. Every
/// figure comes from ``PortfolioComparison``. At 100 columns and more the matrices sit left of
/// the rest; narrower, everything stacks. The view scrolls so the selected line stays on
/// screen; the selected matrix cell, or the selected line within its column, is drawn in the
/// selection role.
struct ChangesView {
    let state: AppState

    var glyphs: GlyphSet { state.glyphs }
    var cs: ChangesState { state.changes }

    /// A drawn line and the selectable line of ``ChangesState/lines`` it shows (nil: none).
    typealias Row = (line: StyledLine, item: Int?)

    /// Where each selectable item is, by ``ChangesState/lines`` index.
    var lineOf: [ChangesState.Item: Int] {
        var out: [ChangesState.Item: Int] = [:]
        for (i, l) in cs.lines.enumerated() { for item in l { out[item] = i } }
        return out
    }

    func draw(_ grid: inout CellGrid, y: Int, height: Int) {
        guard height > 0 else { return }
        guard let c = cs.comparison else {
            let earlier = cs.earlierDay?.iso ?? "one quarter earlier"
            let refit = state.workflow?.analysis.clv != nil
            grid.put(" Analysing " + earlier + (refit ? " (lifetime value refitted on the history before it)" : "") + " to compare"
                     + glyphs.ellipsis, x: 0, y: y, role: .muted, maxWidth: grid.width)
            return
        }
        let width = grid.width
        var head = StyledLine(" Changes ", .title)
        head.add(c.earlier.asOf.iso, .accent)
        head.add(" → ", .muted)
        head.add(c.later.asOf.iso, .accent)
        head.add("   both dates use the same weights", .muted)
        grid.put(head, x: 0, y: y, maxWidth: width)
        let at = lineOf
        let blank: Row = (StyledLine(""), nil)
        var left = matrix(c.tiers, title: "Tier migration (customers, \(Format.grouped(Int64(c.count))) in all)", tiers: true, at: at) { .tier(from: $0, to: 0) }
        left += [blank] + revenueMatrix(c).map { ($0, nil) } + [blank]
        left += matrix(c.abc, title: "ABC migration", tiers: false, at: at) { .abc(from: $0, to: 0) }
        left += [blank] + segmentMoves(c, at: at)
        var right = tierDeltas(c).map { ($0, nil) } + [blank] + newAndQuiet(c, at: at) + [blank] + decisions(c, at: at) + [blank] + movers(at: at)
        let wide = width >= 100
        let leftW = wide ? width / 2 : width
        if !wide {
            left += [blank] + right
            right = []
        }
        let count = max(left.count, right.count)
        left += Array(repeating: blank, count: count - left.count)
        right += Array(repeating: blank, count: count - right.count)
        let rows = max(0, height - 1)
        let want = (0..<count).first { left[$0].item == cs.line || right[$0].item == cs.line } ?? 0
        let top = want < rows ? 0 : min(want - rows + 1, max(0, count - rows))
        for i in 0..<min(rows, count - top) {
            let yy = y + 1 + i, k = top + i
            grid.put(left[k].line, x: 0, y: yy, maxWidth: leftW)
            if left[k].item == cs.line { highlight(&grid, y: yy, x: 0, width: leftW) }
            if wide {
                grid.put(right[k].line, x: leftW + 1, y: yy, maxWidth: width - leftW - 1)
                if right[k].item == cs.line { highlight(&grid, y: yy, x: leftW + 1, width: width - leftW - 1) }
            }
        }
    }

    /// Marks the selection on a drawn line: the selected cell of a matrix row, else the line
    /// across its column.
    func highlight(_ grid: inout CellGrid, y: Int, x: Int, width: Int) {
        switch cs.selected {
        case .tier, .abc:
            let col = 12 + cs.column * 7
            grid.restyle(x: x + col, y: y, width: min(7, max(0, width - col)), role: .selection)
        default:
            grid.restyle(x: x, y: y, width: width, role: .selection)
        }
    }

    /// A migration matrix of counts: rows the earlier classes, columns the later; each row one
    /// selectable line of cells. Tiers colour moves up and down; ABC mutes the off-diagonal.
    func matrix(_ m: MigrationMatrix, title: String, tiers: Bool, at: [ChangesState.Item: Int],
                item: (Int) -> ChangesState.Item) -> [Row] {
        var out: [Row] = [(StyledLine(" " + title, .title), nil), (header(m.classes), nil)]
        for (i, row) in m.cells.enumerated() {
            var l = StyledLine(" " + TextLayout.fit(m.classes[i], width: 10, ellipsis: glyphs.ellipsis) + " ", .muted)
            for (j, cell) in row.enumerated() {
                let v = cell.count
                let role: StyleRole = i == j ? .normal : (v == 0 || !tiers ? .muted : (j < i ? .positive : .negative))
                l.add(Format.cell(v, width: 7), role)
            }
            out.append((l, at[item(i)]))
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

    /// RFM segments, compact: the largest moves between segments, each a selectable cell.
    func segmentMoves(_ c: PortfolioComparison, at: [ChangesState.Item: Int]) -> [Row] {
        let m = c.segments
        var out: [Row] = [(StyledLine(" Segment moves (largest)", .title), nil)]
        if cs.segmentMoves.isEmpty { out.append((StyledLine(" none", .muted), nil)) }
        for item in cs.segmentMoves {
            guard case .segment(let i, let j) = item, i < m.classes.count, j < m.classes.count else { continue }
            let text = " " + TextLayout.fit(m.classes[i] + " → " + m.classes[j], width: 30, ellipsis: glyphs.ellipsis)
                + Format.cell(m.cells[i][j].count, width: 7)
            out.append((StyledLine(text), at[item]))
        }
        if cs.moreSegmentMoves > 0 {
            out.append((StyledLine(" + \(Format.count(cs.moreSegmentMoves, "smaller move")) (acumen report --compare-as-of)", .muted), nil))
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

    /// New since the earlier date and gone quiet: one selectable line each.
    func newAndQuiet(_ c: PortfolioComparison, at: [ChangesState.Item: Int]) -> [Row] {
        var new = StyledLine(" New customers ", .title)
        new.add(Format.grouped(Int64(c.newCustomers.count)), .positive)
        var quiet = StyledLine(" Gone quiet    ", .title)
        quiet.add(Format.grouped(Int64(c.goneQuiet.count)), c.goneQuiet.isEmpty ? .normal : .negative)
        return [(new, at[.newCustomers]), (quiet, at[.goneQuiet])]
    }

    /// Decisions against outcomes: `Grow: 42 accounts, revenue +18.0 %`, each selectable.
    func decisions(_ c: PortfolioComparison, at: [ChangesState.Item: Int]) -> [Row] {
        var out: [Row] = [(StyledLine(" Decisions → outcomes", .title), nil)]
        let decided = c.decisions.filter { $0.count > 0 }
        if decided.isEmpty { out.append((StyledLine(" no decided strategies yet", .muted), nil)) }
        for d in decided {
            var l = StyledLine(" \(d.strategy.title): \(Format.count(d.count, "account")), revenue ")
            if let r = d.revenueChange {
                l.add((r >= 0 ? "+" : "") + Format.fixed(r * 100, digits: 1) + " %", r >= 0 ? .positive : .negative)
            } else {
                l.add("—", .muted)
            }
            out.append((l, at[.decision(d.strategy)]))
        }
        return out
    }

    /// Movers up, then down: name, Δrank, Δscore, tiers; each selectable.
    func movers(at: [ChangesState.Item: Int]) -> [Row] {
        var out: [Row] = []
        for (title, list) in [("Movers up", cs.moversUp), ("Movers down", cs.moversDown)] {
            out.append((StyledLine(" \(title) (Δrank Δscore) — Enter opens", .title), nil))
            if list.isEmpty { out.append((StyledLine(" none", .muted), nil)) }
            for m in list {
                let name = m.index < state.table.count ? TextSanitizer.sanitize(state.table.names[m.index]) : ""
                var l = StyledLine(" " + TextLayout.fit(name, width: 18, ellipsis: glyphs.ellipsis))
                l.add(TextLayout.fit((m.rankDelta > 0 ? glyphs.up : glyphs.down) + String(abs(m.rankDelta)), width: 8, alignment: .right), m.rankDelta > 0 ? .positive : .negative)
                l.add(TextLayout.fit((m.scoreDelta >= 0 ? "+" : "") + Format.fixed(m.scoreDelta, digits: 1), width: 7, alignment: .right))
                if m.earlierTier != m.laterTier { l.add(" " + m.earlierTier + "→" + m.laterTier, .muted) }
                out.append((l, at[.mover(customer: m.index)]))
            }
        }
        return out
    }

    func signed(_ v: Int64) -> String { (v > 0 ? "+" : "") + Format.grouped(v) }
    func signedMoney(_ v: Int64) -> String { (v > 0 ? "+" : "") + Format.money(v) }
    func role<T: BinaryInteger>(_ v: T) -> StyleRole { v > 0 ? .positive : (v < 0 ? .negative : .muted) }
}
