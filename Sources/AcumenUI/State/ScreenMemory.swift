/// How a screen on the back stack looked when it was left: the accounts list's filter (and its
/// history) and scope, sort, cursor and scroll, the portfolio panel and cell, and the profile's scroll.
/// Going back restores it, so `Esc` returns to exactly the screen the user came from.
public struct ScreenMemory: Sendable, Equatable {
    public var filter: String
    public var filterHistory: [String]
    /// The accounts the list was limited to (a changes drill-in), nil for all.
    public var scope: AccountScope?
    public var sortColumn: AccountColumn?
    public var sortDescending: Bool
    /// The table row under the cursor (followed after a rebuild), and the cursor and scroll as they were.
    public var cursorRow: Int32?
    public var cursor: Int
    public var top: Int
    public var column: Int
    public var leftColumn: Int
    public var portfolio: PortfolioState
    public var profileTop: Int
}

extension AppState {
    /// The state of the screens that a push would hide.
    var memory: ScreenMemory {
        ScreenMemory(
            filter: accounts.filter, filterHistory: accounts.filterHistory, scope: accounts.scope,
            sortColumn: accounts.sortColumn, sortDescending: accounts.sortDescending,
            cursorRow: accounts.currentRow, cursor: accounts.cursor, top: accounts.top,
            column: accounts.column, leftColumn: accounts.leftColumn,
            portfolio: portfolio, profileTop: profileTop)
    }

    /// Shows a screen on top of the current one, remembering the current one for ``goBack()``.
    mutating func push(_ s: Screen) {
        backStack.append(memory)
        stack.append(s)
    }

    /// Puts back what a ``ScreenMemory`` remembered.
    mutating func restore(_ m: ScreenMemory) {
        let resort = m.sortColumn != accounts.sortColumn || m.sortDescending != accounts.sortDescending
        accounts.sortColumn = m.sortColumn
        accounts.sortDescending = m.sortDescending
        accounts.filter = m.filter
        accounts.filterHistory = m.filterHistory
        accounts.scope = m.scope
        accounts.cursor = m.cursor
        accounts.rebuild(table, resort: resort)
        accounts.follow(m.cursorRow)
        accounts.top = m.top
        accounts.scrollToCursor(rows: accountRows)
        accounts.column = min(m.column, max(0, accounts.columns.count - 1))
        accounts.leftColumn = min(m.leftColumn, max(0, accounts.columns.count - 1))
        portfolio = m.portfolio
        profileTop = m.profileTop
    }
}
