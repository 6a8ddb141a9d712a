import Testing
@testable import AcumenUI

/// The back stack: every drill-in, queue and profile is pushed with the state of the screen it
/// covers, and one `Esc` (or `q`) returns to exactly that screen — filter, sort, cursor, panel.
@Suite struct BackStackTests {
    static func press(_ s: inout AppState, _ keys: [Key]) -> [Effect] { ReducerTests.press(&s, keys) }

    /// A list with a committed filter and a descending sort, the cursor on its second row.
    static func filteredSortedList() -> AppState {
        var s = Fixtures.state()
        _ = press(&s, [.char("f")])
        ReducerTests.type(&s, "tier:core")
        _ = press(&s, [.enter, .right, .right, .char("]"), .down])
        return s
    }

    @Test func oneEscAfterAPortfolioDrillInReturnsToThePortfolioAsItWas() {
        var s = Self.filteredSortedList()
        let listBefore = s.accounts.view
        let rowBefore = s.accounts.currentRow
        _ = Self.press(&s, [.char("2"), .tab, .tab, .down, .right])  // RFM panel, cell r:4 f:2
        let portfolioBefore = s.portfolio
        _ = Self.press(&s, [.enter])
        #expect(s.stack == [.portfolio, .accounts])
        #expect(s.accounts.filter == "r:4 f:2")
        #expect(s.accounts.filterHistory.isEmpty)  // the old, unrelated filter is not in the way
        _ = Self.press(&s, [.down])
        _ = Self.press(&s, [.escape])
        #expect(s.stack == [.portfolio])
        #expect(s.portfolio == portfolioBefore)
        // The list the portfolio was opened over is back too, with its filter, sort and cursor.
        _ = Self.press(&s, [.char("1")])
        #expect(s.accounts.filter == "tier:core")
        #expect(s.accounts.view == listBefore)
        #expect(s.accounts.currentRow == rowBefore)
    }

    @Test func qAlsoReturnsFromADrillInAndTheBreadcrumbFollowsTheStack() {
        var s = Fixtures.state()
        _ = Self.press(&s, [.char("2"), .down, .enter])
        #expect(s.stack == [.portfolio, .accounts])
        var grid = CellGrid(width: 80, height: 24)
        render(s, into: &grid)
        #expect(grid.rowText(0).contains("Portfolio"))
        #expect(grid.rowText(0).contains("Accounts"))
        _ = Self.press(&s, [.char("q")])
        #expect(s.stack == [.portfolio] && s.backStack.isEmpty)
        grid = CellGrid(width: 80, height: 24)
        render(s, into: &grid)
        #expect(!grid.rowText(0).contains("Accounts"))
    }

    @Test func escOrQLeavesATriageQueueStartedWithTToTheListAsItWas() {
        for leave in [Key.escape, .char("q")] {
            var s = Self.filteredSortedList()
            let before = s.memory
            _ = Self.press(&s, [.char("T")])
            #expect(s.stack == [.accounts, .triage])
            _ = Self.press(&s, [leave])
            #expect(s.stack == [.accounts])
            #expect(s.memory == before)
            #expect(!s.isQuitting)
        }
    }

    @Test func aProfileOpenedFromADrillInReturnsToTheAccountLastShownThenToThePortfolio() {
        var s = Fixtures.state()
        _ = Self.press(&s, [.char("2"), .enter])  // tier Key
        let drilled = s.accounts.view
        #expect(drilled.count >= 2)
        let effects = Self.press(&s, [.enter])
        #expect(s.stack == [.portfolio, .accounts, .profile(Int(drilled[0]))])
        #expect(effects == [.loadProfile(Int(drilled[0]))])
        _ = Self.press(&s, [.char("l")])  // the next account of the drilled list
        #expect(s.stack.last == .profile(Int(drilled[1])))
        _ = Self.press(&s, [.escape])
        #expect(s.stack == [.portfolio, .accounts])
        #expect(s.accounts.currentRow == drilled[1])
        #expect(s.accounts.filter == "tier:key")
        _ = Self.press(&s, [.escape])
        #expect(s.stack == [.portfolio])
    }

    @Test func aSortChangedInADrillInIsUndoneByGoingBack() {
        var s = Self.filteredSortedList()
        let before = s.memory
        _ = Self.press(&s, [.char("2"), .enter])
        _ = Self.press(&s, [.char("[")])
        _ = Self.press(&s, [.escape, .char("1")])
        #expect(s.memory == before)
    }

    @Test func numberKeysStartAFreshStack() {
        var s = Fixtures.state()
        _ = Self.press(&s, [.char("2"), .enter, .enter])
        #expect(s.stack.count == 3 && s.backStack.count == 2)
        _ = Self.press(&s, [.char("1")])
        #expect(s.stack == [.accounts] && s.backStack.isEmpty)
    }
}

/// Esc or q at the root of a screen reached with a number key goes home, and only quits from home.
@Suite struct BackToHomeTests {
    @Test func escOnARootScreenGoesHomeAndOnlyHomeQuits() throws {
        let h = try WorkflowHarness()
        for key in ["2", "5"] {
            h.press(.char(Character(key)))
            h.press(.escape)
            #expect(h.state.screen == .accounts && !h.state.isQuitting, "\(key)")
        }
        h.press(.char("q"))
        #expect(h.state.isQuitting)
    }
}
