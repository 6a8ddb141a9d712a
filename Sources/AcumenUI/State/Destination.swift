/// A screen one screen asks the root to open on top of it, naming customers by id (stable
/// across re-sorting, re-filtering and re-analysis), so no screen writes another's state.
///
/// The screen returns ``Effect/navigate(_:)``; the runtime resolves the ids to table rows and
/// answers with ``Action/navigate(_:rows:)``; the root (``AppState/navigate(_:rows:)``) pushes the
/// screen, and `Esc` comes back to the asking screen exactly as it was (its own state is untouched).
public enum Destination: Hashable, Sendable {
    /// The accounts list limited to these customers, under a title (`Key → Growth`).
    case accounts(ids: [String], title: String)
    /// One customer's profile.
    case profile(id: String)

    /// The customers named.
    public var customerIDs: [String] {
        switch self {
        case .accounts(let ids, _): ids
        case .profile(let id): [id]
        }
    }
}

extension AppState {
    /// Opens a destination the runtime resolved: a profile, or the accounts list limited to the
    /// destination's customers (an ``AccountScope``: filtering and sorting work inside it) with
    /// no filter and no filter history, so one `Esc` goes back.
    mutating func navigate(_ d: Destination, rows: [Int32]) -> [Effect] {
        switch d {
        case .profile:
            guard let row = rows.first else { say("That account is no longer in the workspace", error: true); return [] }
            return openProfile(Int(row))
        case .accounts(let ids, let title):
            let valid = rows.filter { Int($0) < table.count }
            guard !valid.isEmpty else { say("No accounts in " + title); return [] }
            push(.accounts)
            accounts.scope = AccountScope(title: title, ids: ids, rows: Set(valid))
            accounts.filter = ""
            accounts.filterHistory = []
            accounts.filterError = nil
            accounts.cursor = 0
            accounts.top = 0
            accounts.rebuild(table, resort: false)
            accounts.cursor = 0
            say("\(Format.count(valid.count, "account")) \(title); Esc comes back")
            return []
        }
    }
}

/// The accounts list limited to a set of customers (a drill-in from a comparison): the filter,
/// sort and search act inside it; the ids are kept so the rows can be found again in a rebuilt table.
public struct AccountScope: Hashable, Sendable {
    /// What the rows are, e.g. `Key → Growth (default → trial)`.
    public var title: String
    public var ids: [String]
    /// The table rows of ``ids``.
    public var rows: Set<Int32>

    /// Finds the rows of ``ids`` again in a rebuilt table.
    /// - Complexity: O(table rows).
    mutating func relocate(in table: AccountTable) {
        let wanted = Set(ids)
        var found = Set<Int32>()
        for (k, id) in table.ids.enumerated() where wanted.contains(id) { found.insert(Int32(k)) }
        rows = found
    }
}
