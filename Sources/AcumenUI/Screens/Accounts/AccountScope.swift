import AcumenCore

/// A fixed set of accounts the accounts list is limited to — the customers of a cell of the
/// changes screen (`tier Key → Growth`), which no filter expression can name because it depends
/// on two dates.
///
/// The set is held by account id, not by table row, and resolved to rows against the table the
/// list shows (``resolve(in:)``), so it stays the same accounts when the table is rebuilt (an
/// edit, another date, a reload after "take theirs"). Sorting and filtering work inside it:
/// the list shows the rows of the scope that pass the filter, in the sort order.
public struct AccountScope: Sendable, Hashable {
    /// What the accounts are, for the breadcrumb and the status line (`tier Key → Growth`).
    public var title: String
    /// The account ids, in the order given (ascending customer order from the comparison).
    /// - Complexity: O(accounts) for a scope made from a customer list (``init(title:rows:of:)``).
    public var ids: [String] { storedIDs ?? source.map { cs in sourceRows.map { cs[Int($0)].id } } ?? [] }
    private var storedIDs: [String]?
    /// A scope made from a customer list: the list and the accounts' positions in it.
    private var source: CustomerList?
    private var sourceRows: [Int32] = []
    /// ``ids`` resolved to rows of the table last resolved in (-1: not in it), and a row mask.
    public private(set) var rows: [Int32] = []
    private var member: [Bool] = []

    /// A scope of accounts by id; resolve it before use.
    /// - Parameter rows: where the ids are expected (the customer indices they came from), so
    ///   resolving only checks them; wrong or missing guesses fall back to a search.
    public init(title: String, ids: [String], rows: [Int32] = []) {
        self.title = title
        storedIDs = ids
        self.rows = rows.count == ids.count ? rows : []
    }

    /// The accounts at `rows` of the customer list `customers` (a comparison's later date). Their
    /// ids are read only when needed: a table built from the same list (the same customers) has
    /// them at the same rows, so resolving there checks nothing (a cell of 282,000 accounts at
    /// a million customers lists within a frame); in another table they are found by id.
    public init(title: String, rows: [Int32], of customers: CustomerList) {
        self.title = title
        let known = rows.filter { $0 >= 0 && Int($0) < customers.count }
        source = customers
        sourceRows = known
        self.rows = known
    }

    public static func == (a: AccountScope, b: AccountScope) -> Bool { a.title == b.title && a.ids == b.ids }

    public func hash(into h: inout Hasher) {
        h.combine(title)
        h.combine(storedIDs?.count ?? sourceRows.count)
    }

    /// Number of its accounts in the table (after ``resolve(in:)``).
    public private(set) var count = 0

    /// Whether a table row is one of the accounts.
    public func contains(_ row: Int32) -> Bool { row >= 0 && Int(row) < member.count && member[Int(row)] }

    /// The rows of `order` that are in the scope, in that order.
    /// - Complexity: O(order).
    public func filter(_ order: [Int32]) -> [Int32] { order.filter(contains) }

    /// Finds the accounts' rows in `table`: a check of each known row's id (the rows it was
    /// made with, or resolved to before), and only when an id moved or went missing one pass
    /// over the table's ids.
    /// - Complexity: O(accounts) when nothing moved (plus O(table) for the row mask when the
    ///   table's size changed); O(table) otherwise.
    public mutating func resolve(in table: AccountTable) {
        let ids = table.ids
        if let source, table.isBuilt(from: source), sourceRows.allSatisfy({ Int($0) < ids.count }) {
            // The same customer list: each account is at its own row.
            if member.count == ids.count, rows == sourceRows { return }
            rows = sourceRows
            return mark(count: ids.count)
        }
        let wanted = self.ids
        let known = rows.count == wanted.count
            && zip(rows, wanted).allSatisfy({ $0 >= 0 && Int($0) < ids.count && ids[Int($0)] == $1 })
        if known, member.count == ids.count { return }
        if !known {
            var at: [String: Int32] = [:]
            at.reserveCapacity(ids.count)
            for (k, id) in ids.all.enumerated() { at[id] = Int32(k) }
            rows = wanted.map { at[$0] ?? -1 }
        }
        mark(count: ids.count)
    }

    /// Rebuilds the row mask and the count from ``rows`` for a table of `count` rows.
    private mutating func mark(count n: Int) {
        member = [Bool](repeating: false, count: n)
        for r in rows where r >= 0 { member[Int(r)] = true }
        count = rows.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
    }
}

extension AccountsState {
    /// Shows exactly the accounts of `scope` (resolved in `table`): no filter and no filter
    /// history (so one Esc goes back), the current sort, cursor on the first row.
    mutating func show(_ scope: AccountScope, in table: AccountTable) {
        var s = scope
        s.resolve(in: table)
        self.scope = s
        filter = ""
        filterHistory = []
        filterError = nil
        cursor = 0
        top = 0
        rebuild(table, resort: false)
        cursor = 0
    }

    /// The rows the filter applies to: every row in sort order, or the scope's.
    func scoped(_ rows: [Int32]) -> [Int32] { scope.map { $0.filter(rows) } ?? rows }
}
