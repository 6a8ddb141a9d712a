/// The accounts list: header, the visible rows only (a million rows cost the same as twenty),
/// a frozen name column, marks, the cursor row and totals for the filtered rows.
struct AccountsView {
    let table: AccountTable
    let a: AccountsState
    let glyphs: GlyphSet
    /// The search text to highlight in names: the search being typed, else the last one.
    let search: String

    init(state: AppState) {
        table = state.table
        a = state.accounts
        glyphs = state.glyphs
        if case .prompt(let p) = state.overlay, p.kind == .search { search = p.text } else { search = state.accounts.search }
    }

    func draw(_ grid: inout CellGrid, y: Int, height: Int) {
        guard height > 0 else { return }
        let layout = AccountsLayout(columns: a.columns, leftColumn: a.leftColumn, width: grid.width, current: a.column)
        drawHeader(&grid, layout, y: y)
        let rows = max(0, height - 2)
        if a.view.isEmpty, rows > 0 {
            let why = table.count == 0 ? "No accounts in this workspace."
                : "No accounts match the filter. Esc restores the previous filter, x clears it."
            grid.put(TextLayout.truncate(why, width: grid.width - 2, ellipsis: glyphs.ellipsis), x: 2, y: y + 1, role: .muted)
        }
        var k = 0
        while k < rows, a.top + k < a.view.count {
            drawRow(&grid, layout, viewIndex: a.top + k, y: y + 1 + k)
            k += 1
        }
        if height >= 2 { drawTotals(&grid, layout, y: y + height - 1) }
    }

    func drawHeader(_ grid: inout CellGrid, _ layout: AccountsLayout, y: Int) {
        grid.fillRow(y, role: .header)
        for s in layout.slots {
            var title = s.column.title
            if s.column == .trend, s.width < table.months { title = s.width >= 9 ? "\(s.width) months" : "\(s.width) mo" }
            if a.sortColumn == s.column { title += a.sortDescending ? glyphs.sortDescending : glyphs.sortAscending }
            let role: StyleRole = s.index == a.column ? .accent : .header
            grid.put(title, x: s.x, y: y, width: s.width, role: role, alignment: s.column.alignment, ellipsis: glyphs.ellipsis)
        }
    }

    func drawRow(_ grid: inout CellGrid, _ layout: AccountsLayout, viewIndex: Int, y: Int) {
        let row = a.view[viewIndex]
        let i = Int(row)
        let marked = a.marks.contains(row)
        let selected = viewIndex == a.cursor
        let base: StyleRole = selected ? (marked ? .markedSelection : .selection) : .normal
        grid.fillRow(y, role: base)
        grid.put(marked ? glyphs.mark : glyphs.unmarked, x: 0, y: y, role: selected ? base : .marked, maxWidth: 1)
        for s in layout.slots {
            // The sparkline keeps its most recent months; a number that does not fit is left out, never cut.
            let text = s.column == .trend ? Charts.sparkline(Array(table.monthlyRevenue(i).suffix(s.width)), glyphs: glyphs) : s.column.text(table, i, glyphs: glyphs)
            if s.column.isNumeric, DisplayWidth.of(text) > s.width { continue }
            grid.put(text, x: s.x, y: y, width: s.width, role: selected ? base : role(s.column, i),
                     alignment: s.column.alignment, ellipsis: glyphs.ellipsis)
            if s.column == .name { SearchHighlight.draw(&grid, text: text, needle: search, x: s.x, y: y, width: s.width, role: selected ? .markedSelection : .accent) }
        }
    }

    /// The role of a cell when the row is not selected.
    func role(_ c: AccountColumn, _ i: Int) -> StyleRole {
        switch c {
        case .tier:
            switch table.tier[i] { case 0: return .tierKey; case 1: return .tierGrowth; case 2: return .tierCore; default: return .tierTail }
        case .contribution: return table.isBelowBreakEven(i) ? .negative : .normal
        case .trend: return .chart
        case .triage: return table.triage[i] == .stale ? .warning : (table.triage[i] == .unreviewed ? .muted : .normal)
        case .score, .clv: return table.score[i].isNaN ? .muted : .normal
        default: return .normal
        }
    }

    func drawTotals(_ grid: inout CellGrid, _ layout: AccountsLayout, y: Int) {
        grid.fillRow(y, role: .header)
        let sums = a.totals
        for s in layout.slots {
            let text: String
            switch s.column {
            case .name:
                // The count is also in the status line: drop it rather than cut it when it does not fit.
                let full = "Total (\(Format.grouped(Int64(a.view.count))))"
                text = DisplayWidth.of(full) <= s.width ? full : "Total"
            case .revenue: text = Format.money(sums.revenue)
            case .contribution: text = Format.money(sums.contribution)
            case .clv: text = Format.money(sums.clv)
            default: continue
            }
            if s.column != .name, DisplayWidth.of(text) > s.width { continue }  // a sum is never cut
            grid.put(text, x: s.x, y: y, width: s.width, role: .header, alignment: s.column.alignment, ellipsis: glyphs.ellipsis)
        }
    }
}
