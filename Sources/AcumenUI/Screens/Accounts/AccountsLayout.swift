/// Where each visible column of the accounts list sits for a given width and horizontal
/// scroll: the name column is frozen at the left, the others scroll from `leftColumn`.
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

    /// Lays out `columns` in `width` cells. A frozen `.name` first column gets its default width
    /// plus whatever is left when everything fits; scrollable columns start at `leftColumn`.
    public init(columns: [AccountColumn], leftColumn: Int, width: Int) {
        var x = AccountsLayout.markWidth
        let total = max(0, width)
        var first = 0
        if let c = columns.first, c == .name {
            // Give the name what is left after the columns that fit, within 16…40 cells.
            let others = columns.dropFirst().reduce(0) { $0 + $1.width + 1 }
            let spare = total - x - others - 1
            let w = min(max(c.width, spare), 40, max(0, total - x))
            slots.append(Slot(index: 0, column: c, x: x, width: w))
            x += w + 1
            first = 1
        }
        var k = max(first, leftColumn)
        while k < columns.count, x < total {
            let c = columns[k]
            let w = min(c.width, total - x)
            if w < min(c.width, 3) { break }
            slots.append(Slot(index: k, column: c, x: x, width: w))
            x += w + 1
            k += 1
        }
    }

    /// Whether column `index` is (fully or partly) on screen.
    public func shows(_ index: Int) -> Bool { slots.contains { $0.index == index } }
}
