import Testing
import AcumenAnalytics
import AcumenCore
@testable import AcumenUI

/// Putting the rows an edit changed back in their place (``AccountsState/move(rows:_:)``, after a
/// rating moved their score, tier or strategy) lists exactly what sorting every row again from
/// the order on screen lists: the same order, view, cursor and totals, with ties, unknown
/// values, both directions, a filter on the moved column and several rows at once.
@Suite struct AccountsMoveTests {
    /// The list of `t` sorted by `column`, under `filter`, the cursor on the tenth row.
    static func list(_ t: AccountTable, _ column: AccountColumn, descending: Bool, filter: String) -> AccountsState {
        var s = AccountsState()
        s.sortColumn = column
        s.sortDescending = descending
        s.filter = filter
        s.rebuild(t, resort: true)
        s.cursor = min(10, max(0, s.view.count - 1))
        return s
    }

    /// New values for rows `ks` of `column`: a tie with another row, an unknown value, the ends.
    static func edit(_ t: inout AccountTable, _ column: AccountColumn, rows ks: [Int], round: Int) {
        for (i, k) in ks.enumerated() {
            let other = (k * 7 + round + 3) % t.count
            switch (column, (i + round) % 4) {
            case (.score, 0): t.score[k] = t.score[other]
            case (.score, 1): t.score[k] = .nan
            case (.score, 2): t.score[k] = 100
            case (.score, _): t.score[k] = Double((k * 13 + round) % 1000) / 10
            case (.tier, let j): t.tier[k] = j == 1 ? AccountTable.none : UInt8((k + j) % max(1, t.tierNames.count))
            case (_, let j): t.strategy[k] = UInt8((k + j) % max(1, t.strategyNames.count))
            }
        }
    }

    @Test(arguments: [AccountColumn.score, .tier, .strategy])
    func movedRowsListAsASortOfEveryRow(_ column: AccountColumn) {
        let base = LazyTableTests.view().accountTable()
        let n = base.count
        for descending in [true, false] {
            for filter in ["", "score>40", "tier:key or strategy:grow"] {
                for (round, ks) in [[5], [n - 1], [0, n / 2], [3, 4, 5, 6, 7, 8, 9, 10, 11, 12], Array(stride(from: 1, to: n, by: max(1, n / 20)))].enumerated() {
                    var t = base
                    var moved = Self.list(t, column, descending: descending, filter: filter)
                    let keep = moved.currentRow
                    Self.edit(&t, column, rows: ks, round: round)
                    var sorted = moved
                    sorted.rebuild(t, resort: true)
                    moved.move(rows: ks, t)
                    let what = "\(column) descending \(descending) filter \(filter) rows \(ks.count) round \(round)"
                    #expect(moved.order == sorted.order, "\(what): order")
                    #expect(moved.view == sorted.view, "\(what): view")
                    #expect(moved.filterError == nil, "\(what): filter")
                    #expect(moved.currentRow == sorted.currentRow, "\(what): cursor")
                    if let keep, moved.view.contains(keep) { #expect(moved.currentRow == keep, "\(what): cursor follows") }
                    #expect(moved.totals == sorted.totals, "\(what): totals")
                }
            }
        }
    }

    /// More rows than a move takes, or no sort key: the list is sorted again in full.
    @Test func manyRowsOrNoSortKeySortEveryRow() {
        var t = LazyTableTests.view().accountTable()
        var s = Self.list(t, .score, descending: true, filter: "")
        let ks = Array(0..<min(t.count, 80))
        Self.edit(&t, .score, rows: ks, round: 1)
        var sorted = s
        sorted.rebuild(t, resort: true)
        s.move(rows: ks, t)
        #expect(s.order == sorted.order && s.view == sorted.view)
        var byName = Self.list(t, .name, descending: false, filter: "")
        let before = byName.order
        byName.move(rows: [1], t)
        #expect(byName.order == before)
    }
}
