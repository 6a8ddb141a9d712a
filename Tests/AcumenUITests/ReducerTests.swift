import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

@Suite struct ReducerTests {
    static func press(_ s: inout AppState, _ keys: [Key]) -> [Effect] { keys.flatMap { s.update(.key($0)) } }
    static func type(_ s: inout AppState, _ text: String) { for ch in text { _ = s.update(.key(.char(ch))) } }
    static func currentName(_ s: AppState) -> String? { s.accounts.currentRow.map { s.table.names[Int($0)] } }

    @Test func movingClampsAtBothEnds() {
        var s = Fixtures.state()
        _ = Self.press(&s, [.up, .up])
        #expect(s.accounts.cursor == 0)
        _ = Self.press(&s, [.char("G")])
        #expect(s.accounts.cursor == 14)
        _ = Self.press(&s, [.down, .pageDown])
        #expect(s.accounts.cursor == 14)
        _ = Self.press(&s, [.char("g")])
        #expect(s.accounts.cursor == 0 && s.accounts.top == 0)
    }

    @Test func incrementalSearchWithNextAndPrevious() {
        var s = Fixtures.state()
        _ = Self.press(&s, [.char("/")])
        Self.type(&s, "株")
        #expect(Self.currentName(s) == "株式会社サクラ精機")
        _ = Self.press(&s, [.enter])
        #expect(s.accounts.search == "株")
        _ = Self.press(&s, [.char("n")])
        #expect(Self.currentName(s) == "Zeta 株式会社 Mixed")
        _ = Self.press(&s, [.char("n")])
        #expect(Self.currentName(s) == "株式会社サクラ精機")  // wraps
        _ = Self.press(&s, [.char("N")])
        #expect(Self.currentName(s) == "Zeta 株式会社 Mixed")
        // Esc cancels a search and returns to where it started.
        _ = Self.press(&s, [.char("/")])
        Self.type(&s, "omega")
        #expect(Self.currentName(s) == "Omega Foods")
        _ = Self.press(&s, [.escape])
        #expect(Self.currentName(s) == "Zeta 株式会社 Mixed")
    }

    @Test func filterIsLiveAndEscRestoresThePreviousOne() {
        var s = Fixtures.state()
        _ = Self.press(&s, [.char("f")])
        Self.type(&s, "tier:key")
        let keyCount = s.accounts.view.count
        #expect(keyCount > 0 && keyCount < 15)
        #expect(s.accounts.view.allSatisfy { s.table.tier[Int($0)] == 0 })
        _ = Self.press(&s, [.enter])
        // A second filter on top, then Esc in the prompt restores the committed one.
        _ = Self.press(&s, [.char("f"), .end])  // End: keep the selected filter and add to it
        Self.type(&s, " owner:anna")
        let narrowed = s.accounts.view.count
        #expect(narrowed <= keyCount)
        _ = Self.press(&s, [.escape])
        #expect(s.accounts.filter == "tier:key")
        #expect(s.accounts.view.count == keyCount)
        // Committed filters stack: Esc on the list pops them one by one, then goes back/quits.
        _ = Self.press(&s, [.char("f"), .end])
        Self.type(&s, " belowBreakEven")
        _ = Self.press(&s, [.enter])
        #expect(s.accounts.filter == "tier:key belowBreakEven")
        _ = Self.press(&s, [.escape])
        #expect(s.accounts.filter == "tier:key")
        _ = Self.press(&s, [.escape])
        #expect(s.accounts.filter == "")
        #expect(s.accounts.view.count == 15)
        let effects = Self.press(&s, [.escape])
        #expect(effects == [.quit])
    }

    @Test func filterByFieldAndNegation() {
        var s = Fixtures.state()
        _ = Self.press(&s, [.char("f")])
        Self.type(&s, "belowBreakEven")
        #expect(!s.accounts.view.isEmpty && s.accounts.view.allSatisfy { s.table.contribution[Int($0)] < 0 })
        _ = Self.press(&s, [.enter, .char("X")])
        #expect(s.accounts.view.count == 15)
        _ = Self.press(&s, [.char("f")])
        Self.type(&s, "!strategy:grow segment:\"at risk\"")
        #expect(s.accounts.view.allSatisfy { s.table.strategy[Int($0)] != 0 && s.table.segment[Int($0)] == 2 })
        _ = Self.press(&s, [.enter])
        _ = Self.press(&s, [.char("f"), .end])
        Self.type(&s, " colour:red")
        _ = Self.press(&s, [.enter])
        // An unknown key keeps the prompt open with the error and its column.
        #expect(s.accounts.filterError?.message.contains("unknown key 'colour'") == true)
        #expect(s.accounts.filterError?.column == 34)
        if case .prompt = s.overlay {} else { Issue.record("the prompt closed on an error") }
    }

    @Test func sortIsStableAndTheCursorFollowsTheCustomer() {
        var s = Fixtures.state()
        _ = Self.press(&s, [.down, .down, .down])
        let before = Self.currentName(s)
        // Sort by tier (column 1): equal tiers keep workspace order.
        _ = Self.press(&s, [.char("l"), .char("[")])
        #expect(s.accounts.sortColumn == .tier)
        #expect(Self.currentName(s) == before)
        let v = s.accounts.view
        for k in 1..<v.count where s.table.tier[Int(v[k - 1])] == s.table.tier[Int(v[k])] { #expect(v[k - 1] < v[k]) }
        for k in 1..<v.count { #expect(s.table.tier[Int(v[k - 1])] <= s.table.tier[Int(v[k])]) }
        // Descending revenue, then by tier again: ties keep the revenue order (a stable re-sort).
        _ = Self.press(&s, [.char("l"), .char("l"), .char("l"), .char("l")])
        #expect(s.accounts.currentColumn == .revenue)
        _ = Self.press(&s, [.char("]")])
        let r = s.accounts.view
        for k in 1..<r.count { #expect(s.table.revenue[Int(r[k - 1])] >= s.table.revenue[Int(r[k])]) }
        #expect(Self.currentName(s) == before)
        // Filtering keeps the cursor on the customer when it is still listed.
        let tier = s.table.tierName(Int(s.accounts.currentRow ?? 0)).lowercased()
        _ = Self.press(&s, [.char("f")])
        Self.type(&s, "tier:" + tier)
        _ = Self.press(&s, [.enter])
        #expect(Self.currentName(s) == before)
    }

    @Test func marksSingleRangeAndAll() {
        var s = Fixtures.state()
        _ = Self.press(&s, [.char(" ")])
        #expect(s.accounts.marks == [0] && s.accounts.cursor == 1)
        _ = Self.press(&s, [.down, .down, .char("v")])
        #expect(s.accounts.marks == [0, 1, 2, 3])
        _ = Self.press(&s, [.char("A")])
        #expect(s.accounts.marks.isEmpty)
        _ = Self.press(&s, [.char("f")])
        Self.type(&s, "owner:ben")
        _ = Self.press(&s, [.enter, .char("a")])
        #expect(s.accounts.marks.count == s.accounts.view.count && s.accounts.marks.count == 5)
    }

    @Test func columnsScrollHideAndReorderWithTheNameFrozen() {
        var s = Fixtures.state(width: 40, height: 12)
        for _ in 0..<11 { _ = Self.press(&s, [.char("l")]) }
        #expect(s.accounts.currentColumn == .trend)
        let layout = AccountsLayout(columns: s.accounts.columns, leftColumn: s.accounts.leftColumn, width: 40, current: s.accounts.column)
        #expect(layout.slots.first?.column == .name)
        #expect(layout.shows(s.accounts.column))
        _ = Self.press(&s, [.char("-")])
        #expect(!s.accounts.columns.contains(.trend))
        _ = Self.press(&s, [.char("<")])
        // Hiding trend makes the next column (tags) current; < moves it left of triage.
        #expect(s.accounts.columns.suffix(2) == [.tags, .triage])
    }

    @Test func navigationBackStackAndQuit() {
        var s = Fixtures.state()
        _ = Self.press(&s, [.down])
        let effects = Self.press(&s, [.enter])
        #expect(s.stack == [.accounts, .profile(1)])
        #expect(effects == [.loadProfile(1)])
        _ = s.update(.profileLoaded(Fixtures.profile(row: 1, table: s.table)))
        #expect(s.profile?.row == 1)
        // l moves to the next account in the list without leaving the profile.
        #expect(Self.press(&s, [.char("l")]) == [.loadProfile(2)])
        #expect(s.stack == [.accounts, .profile(2)] && s.accounts.cursor == 2)
        _ = Self.press(&s, [.char("q")])
        #expect(s.stack == [.accounts] && s.profile == nil)
        _ = Self.press(&s, [.char("2")])
        #expect(s.stack == [.portfolio])
        // Drill from the tier panel into the accounts it counts, then back.
        _ = Self.press(&s, [.enter])
        #expect(s.stack == [.portfolio, .accounts])
        #expect(s.accounts.filter == "tier:key")
        #expect(s.accounts.view.count == s.summary.tiers[0].customers)
        _ = Self.press(&s, [.char("q")])
        #expect(s.stack == [.portfolio])
        _ = Self.press(&s, [.tab, .tab, .down, .right, .enter])
        #expect(s.accounts.filter == "r:4 f:2")
        #expect(s.accounts.view.allSatisfy { s.table.recencyScore[Int($0)] == 4 && s.table.frequencyScore[Int($0)] == 2 })
        _ = Self.press(&s, [.char("1")])
        #expect(s.stack == [.accounts])
        #expect(Self.press(&s, [.char("q")]) == [.quit])
        #expect(s.isQuitting)
    }

    @Test func quitAsksOnlyWithUnsavedEdits() {
        var s = Fixtures.state()
        s.hasUnsavedEdits = true
        #expect(Self.press(&s, [.char("Q")]).isEmpty)
        #expect(s.overlay == .confirmQuit)
        _ = Self.press(&s, [.char("n")])
        #expect(s.overlay == nil && !s.isQuitting)
        _ = Self.press(&s, [.char("Q")])
        #expect(Self.press(&s, [.char("y")]) == [.quit])
    }

    @Test func resizeToOneByOneNeverTraps() {
        var s = Fixtures.state()
        for (w, h) in [(1, 1), (0, 0), (2, 1), (3, 3), (40, 12), (1, 50), (200, 2)] {
            _ = s.update(.resize(width: w, height: h))
            for k: Key in [.down, .char("l"), .char("?"), .escape, .char("2"), .tab, .enter, .char("q"), .char("1")] {
                _ = s.update(.key(k))
                var g = CellGrid(width: w, height: h)
                s.render(into: &g)
                CellGridTests.checkInvariants(g)
            }
        }
    }

    @Test func mouseIsOffUntilToggled() {
        var s = Fixtures.state()
        _ = s.update(.mouse(MouseEvent(.wheelDown, x: 3, y: 5)))
        #expect(s.accounts.cursor == 0)
        #expect(Self.press(&s, [.char("M")]) == [.setMouse(true)])
        _ = s.update(.mouse(MouseEvent(.wheelDown, x: 3, y: 5)))
        #expect(s.accounts.cursor == 3)
        _ = s.update(.mouse(MouseEvent(.click, x: 3, y: 7)))
        #expect(s.accounts.cursor == 5)
    }

    @Test func columnChooserShowsHidesAndReorders() {
        var s = Fixtures.state()
        _ = Self.press(&s, [.char("C")])
        #expect(s.overlay == .columns(selected: 0))
        _ = Self.press(&s, [.down, .char(" ")])  // hide Tier
        #expect(!s.accounts.columns.contains(.tier))
        _ = Self.press(&s, [.char(" ")])  // show it again, at the end
        #expect(s.accounts.columns.last == .tier)
        _ = Self.press(&s, [.char("<")])
        #expect(s.accounts.columns.suffix(2) == [.tier, .tags])
        _ = Self.press(&s, [.escape])
        #expect(s.overlay == nil)
    }

    @Test func helpFiltersAsYouTypeAndClosesWithEsc() {
        var s = Fixtures.state()
        _ = Self.press(&s, [.char("?")])
        Self.type(&s, "mark")
        #expect(s.overlay == .help(query: "mark", top: 0))
        #expect(KeyMap.matching("mark").allSatisfy { $0.summary.lowercased().contains("mark") || $0.command.rawValue.contains("mark") || $0.keyNames.lowercased().contains("mark") })
        _ = Self.press(&s, [.backspace, .escape])
        #expect(s.overlay == nil)
        // Keys typed into help never reach the list.
        #expect(s.accounts.cursor == 0 && s.accounts.marks.isEmpty)
    }
}
