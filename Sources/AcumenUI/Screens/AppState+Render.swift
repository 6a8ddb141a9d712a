import AcumenAnalytics
import AcumenCore
import AcumenStore

extension AppState {
    /// Draws the whole frame: title bar with breadcrumb, the screen, status line, footer hints
    /// and any overlay. Every row is exactly `grid.width` cells.
    public func render(into grid: inout CellGrid) {
        grid = CellGrid(width: width, height: height)
        guard width > 0, height > 0 else { return }
        drawTitleBar(&grid)
        let body = (y: 1, height: bodyHeight)
        switch screen {
        case .accounts: AccountsView(state: self).draw(&grid, y: body.y, height: body.height)
        case .portfolio: PortfolioView(state: self).draw(&grid, y: body.y, height: body.height)
        case .profile: ProfileView(state: self).draw(&grid, y: body.y, height: body.height)
        case .triage: TriageView(state: self).draw(&grid, y: body.y, height: body.height)
        case .weights: WeightsView(state: self).draw(&grid, y: body.y, height: body.height)
        case .scenarios: ScenariosView(state: self).draw(&grid, y: body.y, height: body.height)
        case .changes: ChangesView(state: self).draw(&grid, y: body.y, height: body.height)
        }
        if height >= 3 { drawStatusLine(&grid, y: height - 2) }
        if height >= 2 { drawFooter(&grid, y: height - 1) }
        if let overlay { OverlayView(state: self, overlay: overlay).draw(&grid) }
    }

    /// The title of a screen in the breadcrumb.
    func crumb(_ s: Screen) -> String {
        switch s {
        case .accounts: return "Accounts"
        case .portfolio: return "Portfolio"
        case .profile(let row): return row < table.count ? table.names[row] : "Profile"
        case .triage: return "Triage"
        case .weights: return "Weights"
        case .scenarios: return "Scenarios"
        case .changes: return "Changes"
        }
    }

    func drawTitleBar(_ grid: inout CellGrid) {
        grid.fillRow(0, role: .breadcrumb)
        var x = grid.put(" Acumen", x: 0, y: 0, role: .breadcrumb)
        if !workspaceName.isEmpty { x = grid.put(" · " + workspaceName, x: x, y: 0, role: .breadcrumb) }
        x = grid.put("  ", x: x, y: 0, role: .breadcrumb)
        // The list of a changes drill-in names its accounts (`Accounts: tier Key → Growth`).
        let scoped = accounts.scope.flatMap { _ in stack.lastIndex(of: .accounts) }
        let path = stack.enumerated().map { i, s in
            i == scoped ? crumb(s) + ": " + TextSanitizer.sanitize(accounts.scope?.title ?? "") : crumb(s)
        }.joined(separator: glyphs.breadcrumbSeparator)
        // Right: the analysis date and window (always visible), then [modified].
        let right = hasUnsavedEdits && width > 12 ? width - 11 : width
        let date = headerDate(room: max(0, right - x - 10))
        let dateX = right - DisplayWidth.of(date) - 1
        grid.put(TextLayout.truncate(path, width: (date.isEmpty ? right : dateX - 1) - x, ellipsis: glyphs.ellipsis), x: x, y: 0, role: .breadcrumb)
        if !date.isEmpty { grid.put(date, x: dateX, y: 0, role: .breadcrumb) }
        if hasUnsavedEdits, width > 12 { grid.put("[modified]", x: width - 11, y: 0, role: .warning) }
    }

    func drawStatusLine(_ grid: inout CellGrid, y: Int) {
        grid.fillRow(y, role: .statusBar)
        if case .prompt(let p) = overlay {
            let hits = p.kind == .search && !p.text.isEmpty ? accounts.searchHits.map { "  " + $0.label(cursorRow: accounts.currentRow) + " " } ?? "" : ""
            // A filter that does not parse says why, with its column, after the text.
            let problem = p.kind == .filter ? accounts.filterError.map { "  " + TextSanitizer.sanitize($0.description) + " " } ?? "" : ""
            let room = max(0, width - DisplayWidth.of(hits + problem))
            grid.put(p.editor.styledLine(label: p.label, width: room), x: 0, y: y, maxWidth: room)
            grid.put(hits, x: room, y: y, role: .statusBar, maxWidth: width - room)
            if !problem.isEmpty { grid.put(problem, x: room, y: y, role: .error, maxWidth: width - room) }
            return
        }
        var left = ""
        switch screen {
        case .accounts:
            let a = accounts
            left = " \(Format.grouped(Int64(a.view.count))) of \(Format.grouped(Int64(a.scope?.count ?? table.count))) accounts"
            if let s = a.scope { left += " in " + TextSanitizer.sanitize(s.title) }
            if !a.marks.isEmpty { left += " · \(Format.grouped(Int64(a.marks.count))) marked" }
            if !a.filter.isEmpty { left += " · filter: " + TextSanitizer.sanitize(a.filter) }
            if !a.search.isEmpty, let h = a.searchHits { left += " · /" + TextSanitizer.sanitize(a.search) + " " + h.label(cursorRow: a.currentRow) }
            if let s = a.sortColumn { left += " · sort: " + s.title + " " + (a.sortDescending ? glyphs.sortDescending : glyphs.sortAscending) }
            left += undoHint
        case .portfolio:
            left = " \(Format.grouped(Int64(table.count))) accounts · top 20% hold \(Format.percent(summary.top20Share)) of \(summary.measure)" + undoHint
        case .profile(let row):
            left = " account \(row < table.count ? table.ids[row] : "")" + undoHint
        case .triage, .weights:
            left = workflowStatus
        case .scenarios:
            left = " \(Format.grouped(Int64(scenarios.movers.count))) movers · \(Format.grouped(Int64(scenarioSides.count))) weight sets" + undoHint
        case .changes:
            let c = changes.comparison
            left = " " + Format.grouped(Int64(c?.count ?? 0)) + " customers · " + Format.grouped(Int64(changes.moversUp.count + changes.moversDown.count)) + " movers"
            // What Enter lists under the cursor (the cell is also drawn selected).
            if let c, let item = changes.selected, changes.mover == nil {
                let (title, members) = AppState.accounts(of: item, in: c)
                left += " · " + TextSanitizer.sanitize(title) + ": " + Format.count(members.count, "account")
            }
            left += undoHint
        }
        if status.current != nil {
            let role: StyleRole = noticeIsError ? .error : .warning
            // The message is cut at a word boundary with an ellipsis, its counts (×n, +n
            // waiting) kept; the status gives way (with an ellipsis, or entirely when little
            // room is left).
            let text = status.line(width: max(0, width - 2), ellipsis: glyphs.ellipsis)
            let w = min(DisplayWidth.of(text) + 2, width)
            let room = width - w
            if room >= 10 { grid.put(TextLayout.truncate(left, width: room, ellipsis: glyphs.ellipsis), x: 0, y: y, role: .statusBar, maxWidth: room) }
            grid.put(" " + text + " ", x: max(0, width - w), y: y, role: role, maxWidth: w)
        } else {
            grid.put(TextLayout.truncate(left, width: width, ellipsis: glyphs.ellipsis), x: 0, y: y, role: .statusBar)
        }
    }

    func drawFooter(_ grid: inout CellGrid, y: Int) {
        grid.fillRow(y, role: .footer)
        var x = 0
        for h in keys.hints(for: context) {
            let need = DisplayWidth.of(h.key) + DisplayWidth.of(h.label) + 3
            if x + need > width { break }
            x = grid.put(" " + h.key, x: x, y: y, role: .footerKey)
            x = grid.put(" " + h.label + " ", x: x, y: y, role: .footer)
        }
    }
}
