/// How many listed accounts match the search and which of them the cursor is on: the
/// "3 of 41" of the status line.
///
/// Counted when the search moves the cursor (typing, `n`, `N`), not per frame, so drawing a
/// million-row list stays constant-time.
public struct SearchHits: Hashable, Sendable {
    /// Matching rows in the view.
    public var total: Int
    /// The table row the search last moved to (nil when nothing matched).
    public var row: Int32?
    /// The 1-based position of ``row`` among the matches, in list order.
    public var ordinal: Int

    public init(total: Int, row: Int32?, ordinal: Int) {
        self.total = total; self.row = row; self.ordinal = ordinal
    }

    /// Counts the rows of `view` whose search key contains `needle` (folded bytes) and the
    /// position of the row at `cursor` among them.
    /// - Complexity: O(n) in the view size.
    public static func count(_ needle: [UInt8], view: [Int32], table: AccountTable, cursor: Int) -> SearchHits {
        var total = 0, ordinal = 0
        var row: Int32?
        let keys = table.searchKeys
        for (k, r) in view.enumerated() where keys.contains(Int(r), needle) {
            total += 1
            if k == cursor { ordinal = total; row = r }
        }
        return SearchHits(total: total, row: row, ordinal: ordinal)
    }

    /// `3 of 41` while the cursor is on the match the search found, else `41 matches`
    /// (`no match`, `1 match`).
    public func label(cursorRow: Int32?) -> String {
        if total == 0 { return "no match" }
        if let row, row == cursorRow, ordinal > 0 { return "\(Format.grouped(Int64(ordinal))) of \(Format.grouped(Int64(total)))" }
        return total == 1 ? "1 match" : "\(Format.grouped(Int64(total))) matches"
    }
}
