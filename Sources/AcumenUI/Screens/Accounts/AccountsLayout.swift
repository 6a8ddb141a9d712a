/// Where each column of the accounts list sits at a given width: a responsive layout that
/// drops the least important columns before it narrows the name, and never cuts a number.
///
/// 1. The name (when it is the first column) is frozen at the left and the current column is
///    always shown, so moving with `h`/`l` reaches every column.
/// 2. The other columns are taken by ``AccountColumn/priority`` while they fit at their
///    natural width with the name at 20 cells; one that does not fit is tried at its
///    ``AccountColumn/minimumWidth``, then left out.
/// 3. The name gets what is left, up to 40 cells; what is still left widens text columns
///    taken at their minimum back toward their natural width.
/// 4. Columns keep the user's order (`<`/`>`, `C`) on screen.
///
/// Name, Tier, Score, Strategy and Owner fit at 80 columns; at 40 the name and the current
/// column remain. `leftColumn` is kept for the state's scrolling but no longer needed: a column
/// the width leaves out comes back when it is the current one.
public struct AccountsLayout: Hashable, Sendable {
    /// One placed column.
    public struct Slot: Hashable, Sendable {
        /// Index into the state's column list.
        public var index: Int
        public var column: AccountColumn
        public var x: Int
        public var width: Int
    }

    public var slots: [Slot] = []
    /// Cells for the mark glyph at the left of each row.
    public static let markWidth = 2
    /// The name column's width when the others leave room, and its most.
    public static let nameWidth = 20, maxNameWidth = 40

    /// Lays out `columns` in `width` cells with `current` (an index) always shown.
    public init(columns: [AccountColumn], leftColumn: Int = 0, width: Int, current: Int? = nil) {
        let total = max(0, width) - AccountsLayout.markWidth
        guard total > 0, !columns.isEmpty else { return }
        let frozenName = columns.first == .name
        var widths: [Int: Int] = [:]  // column index → width
        // Room used by the taken columns, each with its one-cell gap.
        func used() -> Int { widths.values.reduce(0) { $0 + $1 + 1 } }
        let nameRoom = frozenName ? min(AccountsLayout.nameWidth, total) + 1 : 0
        if let c = current, c >= 0, c < columns.count, !(frozenName && c == 0) {
            let col = columns[c]
            widths[c] = min(col.width, max(col.isNumeric ? col.width : col.minimumWidth, total - nameRoom - 1))
            if widths[c] ?? 0 < col.minimumWidth { widths[c] = min(col.width, max(0, total - 1)) }
        }
        let order = columns.indices.filter { !(frozenName && $0 == 0) && widths[$0] == nil }
            .sorted { (columns[$0].priority, $0) < (columns[$1].priority, $1) }
        for k in order {
            let c = columns[k]
            let free = total - nameRoom - used()
            if c.width + 1 <= free { widths[k] = c.width } else if c.minimumWidth + 1 <= free { widths[k] = c.minimumWidth }
        }
        var spare = total - used() - (frozenName ? 1 : 0)
        var nameW = 0
        if frozenName {
            nameW = max(0, min(AccountsLayout.maxNameWidth, spare))
            spare -= nameW
        }
        // Give what is left back to text columns taken narrower than they like.
        for k in widths.keys.sorted() where spare > 0 {
            let c = columns[k], w = widths[k] ?? 0
            let more = min(spare, c.width - w)
            if more > 0 { widths[k] = w + more; spare -= more }
        }
        var x = AccountsLayout.markWidth
        if frozenName, nameW > 0 {
            slots.append(Slot(index: 0, column: .name, x: x, width: nameW))
            x += nameW + 1
        }
        for k in columns.indices where widths[k] != nil {
            let w = min(widths[k] ?? 0, max(0, width - x))
            guard w > 0 else { continue }
            slots.append(Slot(index: k, column: columns[k], x: x, width: w))
            x += w + 1
        }
    }

    /// Whether column `index` is on screen.
    public func shows(_ index: Int) -> Bool { slots.contains { $0.index == index } }
}
