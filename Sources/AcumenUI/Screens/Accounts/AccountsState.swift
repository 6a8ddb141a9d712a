import AcumenAnalytics
import AcumenCore
import AcumenStore

/// The accounts list: column layout, sort, filter history, the visible view as an index array,
/// cursor, scroll, marks and search.
public struct AccountsState: Sendable {
    /// Visible columns, in order; the first is frozen while scrolling right when it is `.name`.
    public var columns: [AccountColumn] = AccountColumn.defaults
    /// Sort column and direction (nil: workspace order).
    public var sortColumn: AccountColumn?
    public var sortDescending = false
    /// Every row in the current sort order.
    public var order: [Int32] = []
    /// The sort buckets of the columns sorted by so far (shared by copies of the state; each kept
    /// column is used only while the table shows the same values).
    public var sortOrders = SortOrders()
    /// The current filter query and the ones it replaced (Esc restores them in turn).
    public var filter = ""
    public var filterHistory: [String] = []
    /// Why ``filter`` does not parse (with its column), nil when it does; the list then keeps
    /// the rows of the last filter that did.
    public var filterError: AccountFilterError?
    /// The accounts the list is limited to (a drill-in from the changes screen), nil for all.
    public var scope: AccountScope?
    /// Rows passing the filter, in sort order: what the list shows.
    public var view: [Int32] = [] { didSet { searchMatches = nil } }
    /// The search's working index over ``view`` (dropped whenever the view changes).
    public var searchMatches: SearchMatches?
    /// Cursor position in ``view``.
    public var cursor = 0
    /// First view row on screen.
    public var top = 0
    /// Current column (index into ``columns``).
    public var column = 0
    /// First scrollable column on screen (index into ``columns``; the frozen name is extra).
    public var leftColumn = 0
    /// Marked rows (table indices).
    public var marks: Set<Int32> = []
    /// The row a range mark starts from.
    public var markAnchor: Int32?
    /// The last search text (for n/N).
    public var search = ""
    /// How many rows match the search, and which the cursor is on (set when the search moves).
    public var searchHits: SearchHits?
    /// Sums over ``view`` (revenue, contribution, known CLV), kept current by ``rebuild(_:resort:)``
    /// so a frame never walks a million rows.
    public var totals = Totals()
    /// Set on the first frame of a large workspace (``showFirst(_:of:)``): only this many rows
    /// at the start of ``view`` are in sort order; the runtime lists every row
    /// (``rebuild(_:resort:)``) before any key is handled. Nil otherwise.
    public internal(set) var provisionalRows: Int?

    /// Sums of money columns over the listed rows, in minor units.
    public struct Totals: Hashable, Sendable {
        public var revenue: Int64 = 0
        public var contribution: Int64 = 0
        public var clv: Int64 = 0
    }

    public init() {}

    /// The table row under the cursor, if the view is not empty.
    public var currentRow: Int32? { cursor >= 0 && cursor < view.count ? view[cursor] : nil }

    /// The current column.
    public var currentColumn: AccountColumn? { column >= 0 && column < columns.count ? columns[column] : nil }

    /// Rebuilds ``order`` and ``view`` for the current sort and filter, keeping the cursor on
    /// the same customer when it is still visible (else the nearest position).
    public mutating func rebuild(_ table: AccountTable, resort: Bool) {
        let keep = currentRow
        provisionalRows = nil
        scope?.resolve(in: table)
        if resort || order.count != table.count {
            let base = order.count == table.count ? order : (0..<Int32(table.count)).map { $0 }
            order = sortColumn.map { sortOrders.sorted($0, base, table, descending: sortDescending) } ?? base
        }
        switch table.parseFilter(filter) {
        case .success(let f): view = f.rows(scoped(order), in: table); filterError = nil
        case .failure(let e): view = scoped(order); filterError = e
        }
        searchHits = nil  // counted over the old view
        refreshTotals(table)
        follow(keep)
    }

    /// Sorts by the current sort column (a sort key): the same rows stay listed, so the view is
    /// the new order walked through the listed rows, and the totals stay. The same view as
    /// ``rebuild(_:resort:)`` without re-testing the filter.
    /// - Complexity: O(rows) with the column's buckets kept (``SortOrders``).
    public mutating func resort(_ table: AccountTable) {
        guard filterError == nil, order.count == table.count else { return rebuild(table, resort: true) }
        let keep = currentRow
        if let c = sortColumn { order = sortOrders.sorted(c, order, table, descending: sortDescending) }
        if view.count == order.count {
            view = order
        } else {
            var listed = [Bool](repeating: false, count: order.count)
            for r in view { listed[Int(r)] = true }
            view = order.filter { listed[Int($0)] }
        }
        searchHits = nil
        follow(keep)
    }

    /// Re-applies the filter after it changed from `previous` while typing. When the new query
    /// only narrows the old one (see `AccountFilter.narrows(_:)`) just the rows still listed are
    /// tested, so each further keystroke over a million accounts touches fewer rows.
    public mutating func refilter(_ table: AccountTable, from previous: String) {
        let keep = currentRow
        switch table.parseFilter(filter) {
        case .success(let f):
            let narrows = filterError == nil && (try? table.parseFilter(previous).get()).map(f.narrows) == true
            view = f.rows(narrows ? view : scoped(order), in: table)
            filterError = nil
        case .failure(let e):
            // Keep the rows of the last filter that parsed; the prompt shows the error.
            filterError = e
            return
        }
        refreshTotals(table)
        follow(keep)
    }

    /// Re-tests only `rows` (an edit changed their master data: owner, tags, notes, triage)
    /// against the filter: a row that stops matching leaves the view, one that starts matching
    /// joins it at its place in the sort order. The same view as ``rebuild(_:resort:)`` without
    /// re-testing every row (a triage decision under a filter at a million accounts).
    /// - Complexity: O(view) per changed row, O(rows) filter tests; a full rebuild for many rows.
    public mutating func refilter(rows: [Int], _ table: AccountTable) {
        guard filterError == nil, rows.count <= 64, order.count == table.count,
              case .success(let f) = table.parseFilter(filter) else { return rebuild(table, resort: false) }
        searchHits = nil
        let keep = currentRow
        var changed = false
        for r in rows where r >= 0 && r < table.count {
            let row = Int32(r)
            let matches = (scope?.contains(row) ?? true) && f.matches(row: r, in: table)
            let at = view.firstIndex(of: row)
            guard matches != (at != nil) else { continue }
            changed = true
            if let at { view.remove(at: at); continue }
            // The view is a subsequence of the order: its rows before `row` in the order.
            var i = 0
            for o in order {
                if o == row { break }
                if i < view.count, view[i] == o { i += 1 }
            }
            view.insert(row, at: i)
        }
        guard changed else { return }
        refreshTotals(table)
        follow(keep)
    }

    /// Recomputes ``totals`` over ``view``. When every row is listed the sums are taken in row
    /// order (sequential reads instead of one cache miss per row in sort order); wrapping sums do
    /// not depend on the order, so the totals are the same.
    mutating func refreshTotals(_ table: AccountTable) {
        totals = view.count == table.count ? Self.totals(of: 0..<table.count, table) : Self.totals(of: view.lazy.map(Int.init), table)
    }

    /// The sums of the money columns over `rows` (each once).
    static func totals(of rows: some Sequence<Int>, _ table: AccountTable) -> Totals {
        var sums = Totals()
        let rev = table.revenue, con = table.contribution, lv = table.clv
        for i in rows {
            sums.revenue &+= rev[i]
            sums.contribution &+= con[i]
            if lv[i] != Int64.min { sums.clv &+= lv[i] }
        }
        return sums
    }

    /// Moves the cursor to a table row if it is in the view; otherwise clamps the cursor.
    public mutating func follow(_ row: Int32?) {
        if let row, let at = view.firstIndex(of: row) { cursor = at }
        cursor = min(max(0, cursor), max(0, view.count - 1))
    }

    /// Keeps the cursor inside the window of `rows` lines starting at ``top``.
    public mutating func scrollToCursor(rows: Int) {
        let r = max(1, rows)
        if cursor < top { top = cursor }
        if cursor >= top + r { top = cursor - r + 1 }
        top = min(max(0, top), max(0, view.count - r))
    }
}
