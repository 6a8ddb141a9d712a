import Testing
@testable import AcumenUI

/// Decisions and overrides are visible without colour: the accounts table's Strategy column
/// marks an override with `*`, and the triage queue shows the decision taken, not just "done".
@Suite struct TriageDecisionMarkTests {
    @Test func anOverriddenStrategyIsMarkedWithAStarButFiltersByItsName() {
        var t = Fixtures.table()
        t.strategyOverridden = [3]
        let strategy = t.strategyName(3)
        #expect(AccountColumn.strategy.text(t, 3, glyphs: .ascii) == strategy + "*")
        #expect(AccountColumn.strategy.text(t, 2, glyphs: .ascii) == t.strategyName(2))
        // The star shows in the drawn list too (monochrome: no colour needed to see it).
        var s = AppState(width: 120, height: 40, workspaceName: "demo", glyphs: .ascii)
        _ = s.update(.loaded(t))
        var grid = CellGrid(width: 120, height: 40)
        render(s, into: &grid)
        let starred = (0..<40).map(grid.rowText).filter { $0.contains(strategy + "*") }
        #expect(starred.count == 1)
    }

    @Test func theQueueShowsTheDecisionTaken() {
        var t = Fixtures.table()
        t.strategyOverridden = [2]
        let s = AppState(width: 80, height: 24)
        let v = TriageView(state: s)
        #expect(v.decisionLabel(.accepted, 1, t) == "accepted " + t.strategyName(1))
        #expect(v.decisionLabel(.decided, 2, t) == "chose " + t.strategyName(2) + "*")
        #expect(v.decisionLabel(.skipped, 2, t) == "skipped")
        #expect(v.decisionLabel(.unreviewed, 0, t) == "new")
    }
}
