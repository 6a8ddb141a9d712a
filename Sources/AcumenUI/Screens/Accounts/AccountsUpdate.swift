import AcumenAnalytics
import AcumenCore
import AcumenStore

extension AppState {
    /// Commands on the accounts list.
    mutating func runAccounts(_ c: Command) -> [Effect] {
        let rows = accountRows
        switch c {
        case .moveDown: moveCursor(by: 1)
        case .moveUp: moveCursor(by: -1)
        case .pageDown: moveCursor(by: rows)
        case .pageUp: moveCursor(by: -rows)
        case .halfPageDown: moveCursor(by: max(1, rows / 2))
        case .halfPageUp: moveCursor(by: -max(1, rows / 2))
        case .top: moveCursor(by: -accounts.cursor)
        case .bottom: moveCursor(by: accounts.view.count)
        case .columnLeft: moveColumn(by: -1)
        case .columnRight: moveColumn(by: 1)
        case .open:
            if let row = accounts.currentRow { return [.intent(.navigate(.profile(Int(row))))] }
        case .sortAscending, .sortDescending:
            guard let col = accounts.currentColumn else { break }
            accounts.sortColumn = col
            accounts.sortDescending = c == .sortDescending
            accounts.resort(table)
        case .search:
            overlay = .prompt(Prompt(kind: .search, text: "", previousFilter: accounts.filter, previousRow: accounts.currentRow))
        case .searchNext: findMatch(accounts.search, from: accounts.cursor + 1, step: 1)
        case .searchPrevious: findMatch(accounts.search, from: accounts.cursor - 1, step: -1)
        case .filter:
            overlay = .prompt(Prompt(kind: .filter, text: accounts.filter, previousFilter: accounts.filter, previousRow: accounts.currentRow))
        case .filterByCell:
            guard let row = accounts.currentRow, let col = accounts.currentColumn else { break }
            guard let term = col.filterTerm(table, Int(row)) else { return [] }
            setFilter(accounts.filter.isEmpty ? term : accounts.filter + " " + term)
        case .clearFilter: if !accounts.filter.isEmpty { setFilter("") }
        case .exportView:
            overlay = .prompt(Prompt(kind: .export, text: "csv accounts.csv", previousFilter: accounts.filter, previousRow: accounts.currentRow))
        case .restoreFilter:
            guard let previous = accounts.filterHistory.popLast() else { return [.intent(.back)] }
            accounts.filter = previous
            accounts.rebuild(table, resort: false)
        case .toggleMark:
            guard let row = accounts.currentRow else { break }
            if accounts.marks.remove(row) == nil { accounts.marks.insert(row) }
            accounts.markAnchor = row
            moveCursor(by: 1)
        case .markRange:
            guard let anchor = accounts.markAnchor, let from = accounts.view.firstIndex(of: anchor) else {
                if let row = accounts.currentRow { accounts.marks.insert(row); accounts.markAnchor = row }
                break
            }
            for k in min(from, accounts.cursor)...max(from, accounts.cursor) { accounts.marks.insert(accounts.view[k]) }
        case .markAllFiltered: accounts.marks.formUnion(accounts.view)
        case .unmarkAll: accounts.marks.removeAll(); accounts.markAnchor = nil
        case .hideColumn:
            guard accounts.columns.count > 1, accounts.column < accounts.columns.count else { break }
            accounts.columns.remove(at: accounts.column)
            accounts.column = min(accounts.column, accounts.columns.count - 1)
            moveColumn(by: 0)
        case .moveColumnLeft, .moveColumnRight:
            let k = accounts.column, j = k + (c == .moveColumnLeft ? -1 : 1)
            guard k >= 0, j >= 0, k < accounts.columns.count, j < accounts.columns.count else { break }
            accounts.columns.swapAt(k, j)
            accounts.column = j
            moveColumn(by: 0)
        case .chooseColumns: overlay = .columns(selected: 0)
        default: break
        }
        accounts.scrollToCursor(rows: rows)
        return []
    }

    /// Moves the cursor by `n` rows, clamped.
    mutating func moveCursor(by n: Int) {
        accounts.cursor = min(max(0, accounts.cursor + n), max(0, accounts.view.count - 1))
    }

    /// Moves the current column by `n` and scrolls so it is on screen.
    mutating func moveColumn(by n: Int) {
        let count = accounts.columns.count
        accounts.column = min(max(0, accounts.column + n), max(0, count - 1))
        let frozen = accounts.columns.first == .name ? 1 : 0
        if accounts.column < frozen { return }
        if accounts.column < accounts.leftColumn { accounts.leftColumn = accounts.column }
        accounts.leftColumn = max(frozen, accounts.leftColumn)
        while accounts.leftColumn < accounts.column,
              !AccountsLayout(columns: accounts.columns, leftColumn: accounts.leftColumn, width: width, current: accounts.column).shows(accounts.column) {
            accounts.leftColumn += 1
        }
    }

    /// Replaces the filter, remembering the old one for Esc.
    mutating func setFilter(_ query: String) {
        guard query != accounts.filter else { return }
        accounts.filterHistory.append(accounts.filter)
        accounts.filter = query
        accounts.rebuild(table, resort: false)
        if let e = accounts.filterError { say(e.description, error: true) }
    }

    /// Moves the cursor to the next row (wrapping) whose name or id contains `text`.
    /// - Complexity: O(candidates) through the search's working index (``SearchMatches``): a
    ///   keystroke that extends the text tests only the previous matches; `n`/`N` test none.
    mutating func findMatch(_ text: String, from start: Int, step: Int) {
        let needle = TextFolding.foldedBytes(text)
        let n = accounts.view.count
        guard !needle.isEmpty else { accounts.searchHits = nil; return }
        guard n > 0 else { accounts.searchHits = SearchHits(total: 0, row: nil, ordinal: 0); return }
        let matches = SearchMatches.find(needle, view: accounts.view, table: table, previous: accounts.searchMatches)
        accounts.searchMatches = matches
        if let k = matches.next(from: start, step: step, count: n) {
            accounts.cursor = k
        } else {
            say("No match for \(text)")
        }
        accounts.searchHits = matches.hits(view: accounts.view, cursor: accounts.cursor)
    }
}
