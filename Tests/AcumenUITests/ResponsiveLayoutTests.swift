import Testing
@testable import AcumenUI

/// The responsive accounts table: the important columns stay, numbers are never cut, the
/// sparkline keeps its latest months.
@Suite struct ResponsiveLayoutTests {
    /// A table with wide numbers (`-4.56M`, `332k`, `▽-12.3k`) and long names.
    static func wideTable() -> AccountTable {
        var t = Fixtures.table(count: 15)
        for k in 0..<t.count {
            t.revenue[k] = [33_200_000, 456_000_000, 99_900, 1_234_567_89][k % 4]
            t.contribution[k] = [-1_230_000, -456_000_000, 5_000, 17_40][k % 4]
            t.clv[k] = [Int64.min, 999_999_999, 12_345, 1][k % 4]
        }
        return t
    }

    func frame(_ s: AppState) -> CellGrid {
        var g = CellGrid(width: s.width, height: s.height)
        render(s, into: &g)
        return g
    }

    /// The cells of a slot on a row, as text.
    func cell(_ g: CellGrid, _ slot: AccountsLayout.Slot, y: Int) -> String {
        var s = ""
        for x in slot.x..<(slot.x + slot.width) { if let t = g[x, y].text { s.append(t) } }
        return s
    }

    @Test func noNumberIsCutAtAnyWidthFrom40To200() {
        for width in 40...200 {
            for column in [0, 5, 7] {  // the name current, then a number column current
                var s = AppState(width: width, height: 20, workspaceName: "w")
                _ = s.update(.loaded(Self.wideTable()))
                s.accounts.column = column
                let g = frame(s)
                let layout = AccountsLayout(columns: s.accounts.columns, leftColumn: s.accounts.leftColumn, width: width, current: s.accounts.column)
                for k in 0..<min(s.accounts.view.count, s.accountRows) {
                    let i = Int(s.accounts.view[s.accounts.top + k])
                    for slot in layout.slots where slot.column.isNumeric {
                        let shown = cell(g, slot, y: 2 + k).trimmingSpaces
                        let full = slot.column.text(s.table, i, glyphs: s.glyphs)
                        #expect(shown.isEmpty || shown == full, "width \(width): \(slot.column) shows '\(shown)' for '\(full)'")
                    }
                }
                // Every slot lies inside the screen and slots never overlap.
                var end = 0
                for slot in layout.slots {
                    #expect(slot.x >= end && slot.x + slot.width <= width, "width \(width): \(slot)")
                    end = slot.x + slot.width
                }
            }
        }
    }

    @Test func theEssentialColumnsAreVisibleAt80() {
        let layout = AccountsLayout(columns: AccountColumn.defaults, width: 80, current: 0)
        let shown = Set(layout.slots.map(\.column))
        #expect(shown.isSuperset(of: [.name, .tier, .score, .strategy, .owner]))
        // Low-priority columns go before the name is narrowed below its room.
        #expect((layout.slots.first?.width ?? 0) >= AccountsLayout.nameWidth)
        #expect(!shown.contains(.abc) && !shown.contains(.triage))
    }

    @Test func theCurrentColumnIsAlwaysShownInTheUsersOrder() {
        for width in [40, 60, 80] {
            let layout = AccountsLayout(columns: AccountColumn.defaults, width: width, current: AccountColumn.defaults.firstIndex(of: .abc))
            #expect(layout.slots.contains { $0.column == .abc }, "width \(width)")
            #expect(layout.slots.map(\.index) == layout.slots.map(\.index).sorted())
        }
    }

    @Test func theSparklineKeepsTheMostRecentMonths() {
        var s = Fixtures.state(width: 60)
        let trend = s.accounts.columns.firstIndex(of: .trend) ?? 0
        s.accounts.column = trend
        let layout = AccountsLayout(columns: s.accounts.columns, width: 60, current: trend)
        let slot = layout.slots.first { $0.column == .trend }
        let g = frame(s)
        if let slot {
            let row = Int(s.accounts.view[0])
            let months = s.table.monthlyRevenue(row)
            let shown = cell(g, slot, y: 2).trimmingSpaces
            #expect(shown == Charts.sparkline(Array(months.suffix(slot.width)), glyphs: s.glyphs))
            #expect(slot.width >= AccountColumn.trend.minimumWidth)
        } else {
            Issue.record("the current trend column is not shown at 60")
        }
    }
}

extension String {
    /// Without leading and trailing spaces.
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
