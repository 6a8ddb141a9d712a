import Foundation

/// The accounts list's sort buckets per column (``SortBuckets``), computed on first use or in the
/// background after the first frame, and kept while the column's figures stay the same.
///
/// Each entry remembers the values it was computed from (the table's own array, shared, not
/// copied) and is used only while the table shows the same values: the same array, or one with
/// the same bytes (a new table after an edit or a weight change that did not touch this column).
/// So a weight change invalidates the score's buckets but not the revenue's, and another date
/// invalidates them all. Names are kept per table (their text is read from the workspace).
///
/// Coded columns (tier, segment, owner …) keep one byte per row (their codes), columns of many
/// values their ascending order and tie runs (``TieRuns``): 4 bytes and a bit per row. Thread-safe:
/// the runtime warms it on a background queue.
public final class SortOrders: @unchecked Sendable {
    /// One kept column.
    struct Entry {
        let source: SortSource
        let ranks: SortBuckets
    }

    private let lock = NSLock()
    private var entries: [AccountColumn: Entry] = [:]
    /// How many times each column was forgotten (``forget(_:)``): buckets computed from values
    /// older than the last forget (a background sort still running when the next rating came)
    /// are returned but not kept, so they never replace newer ones.
    private var forgotten: [AccountColumn: Int] = [:]

    public init() {}

    /// The columns computed ahead: every default column but the name (a collation sort of every
    /// name) and the trend (every row's monthly series), which are computed on first use.
    public static let warmed: [AccountColumn] = AccountColumn.defaults.filter { $0 != .name && $0 != .trend }

    /// The buckets of `column` for `t`: the kept ones when still valid, else computed and kept.
    public func ranks(_ column: AccountColumn, _ t: AccountTable) -> SortBuckets {
        let source = SortSource(column, t)
        if let kept = kept(column, source) { return kept }
        lock.lock(); let generation = forgotten[column, default: 0]; lock.unlock()
        let ranks = SortBuckets(column, t)
        lock.lock()
        if forgotten[column, default: 0] == generation { entries[column] = Entry(source: source, ranks: ranks) }
        lock.unlock()
        return ranks
    }

    /// The kept buckets of `column` if they were computed from `source`'s values.
    private func kept(_ column: AccountColumn, _ source: SortSource) -> SortBuckets? {
        lock.lock()
        let entry = entries[column]
        lock.unlock()
        guard let entry, entry.source.same(as: source) else { return nil }
        return entry.ranks
    }

    /// Whether `column`'s buckets are kept and valid for `t` (for tests and the runtime).
    public func isKept(_ column: AccountColumn, _ t: AccountTable) -> Bool {
        kept(column, SortSource(column, t)) != nil
    }

    /// `rows` sorted by `column` of `t`: the same order as
    /// ``AccountColumn/sorted(_:_:descending:)`` (stable; unknown values last).
    /// - Complexity: O(rows) with the column's buckets kept.
    public func sorted(_ column: AccountColumn, _ rows: [Int32], _ t: AccountTable, descending: Bool) -> [Int32] {
        ranks(column, t).sorted(rows, descending: descending)
    }

    /// Computes the buckets of `columns` that are missing or stale (off the input path).
    public func warm(_ t: AccountTable, columns: [AccountColumn] = SortOrders.warmed) {
        for c in columns where (c != .deltaScore || !t.deltaScore.isEmpty) && (c != .deltaRank || !t.deltaRank.isEmpty) {
            _ = ranks(c, t)
        }
    }

    /// Drops the kept buckets of `column` (and their hold on its values).
    public func forget(_ column: AccountColumn) {
        lock.lock(); entries[column] = nil; forgotten[column, default: 0] += 1; lock.unlock()
    }

    /// Drops every kept column (tests).
    public func removeAll() {
        lock.lock(); entries = [:]; lock.unlock()
    }
}
