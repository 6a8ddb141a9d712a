import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// The comparison's cells and movers open through the root (by customer id) and `Esc` comes
/// back to the same selection; saved scenarios are renamed and deleted as undoable edits from
/// the Scenarios and Weights screens; Weights stacks its results under 100 columns.
@Suite struct ScenariosDrillAndEditTests {
    /// 60 customers; a saved scenario "Revenue first" (revenue weight 100) and a trial that
    /// also weighs recency 60: both move accounts across tiers.
    static func moved(width: Int = 80, height: Int = 24, name: String = #function) throws -> WorkflowHarness {
        let h = try WorkflowHarness(customers: 60, width: width, height: height, name: name)
        h.press(.char("4"), .enter); h.type("100"); h.press(.enter)
        h.press(.char("S")); h.type("Revenue first"); h.press(.enter)
        h.press(.char("j"), .char("j"), .char("j"), .enter); h.type("60"); h.press(.enter)
        return h
    }

    /// Moves the cursor to the first off-diagonal cell with accounts; returns it.
    static func selectMovedCell(_ h: WorkflowHarness) throws -> (Int, Int) {
        let m = try #require(h.state.scenarios.comparison).comparison.migration
        let (from, to) = try #require(m.indices.lazy.flatMap { i in m[i].indices.map { (i, $0) } }.first { $0.0 != $0.1 && m[$0.0][$0.1] > 0 })
        h.press(.char("g"))
        for _ in 0..<from { h.press(.char("j")) }
        for _ in 0..<to { h.press(.char("l")) }
        #expect(h.state.scenarios.cell.map { $0 == (from, to) } == true)
        return (from, to)
    }

    @Test func aMatrixCellListsItsAccountsByIdAndEscReturnsToTheSameCell() throws {
        let h = try Self.moved()
        h.press(.char("c"))
        let (from, to) = try Self.selectMovedCell(h)
        let w = try #require(h.state.scenarios.comparison)
        let expected = Set(w.comparison.customers(from: from, to: to).map(Int32.init))
        let cursor = h.state.scenarios.cursor
        h.press(.enter)
        #expect(h.state.stack == [.weights, .scenarios, .accounts])
        #expect(Set(h.state.accounts.view) == expected)
        #expect(h.state.accounts.scope?.ids == expected.sorted().map { h.workspace.customers[Int($0)].id })
        #expect(h.frame.contains("\(w.analysis.tierNames[from]) → \(w.analysis.tierNames[to]) (default → trial)"))
        // Sorting and filtering act inside the cell's accounts.
        h.press(.char("l"), .char("]"))
        #expect(Set(h.state.accounts.view) == expected)
        h.press(.char("f")); h.type("score>0"); h.press(.enter)
        #expect(Set(h.state.accounts.view).isSubset(of: expected) && !h.state.accounts.view.isEmpty)
        // Esc restores the previous filter (none), then goes back to exactly the comparison.
        h.press(.escape)
        #expect(h.state.accounts.filter.isEmpty && Set(h.state.accounts.view) == expected)
        h.press(.escape)
        #expect(h.state.stack == [.weights, .scenarios])
        #expect(h.state.scenarios.cursor == cursor && h.state.accounts.scope == nil)
        #expect(h.state.scenarios.comparison?.scenarioName == "trial")
        // A number key starts a fresh stack: the list is no longer limited to the cell.
        h.press(.enter, .char("1"))
        #expect(h.state.stack == [.accounts] && h.state.accounts.scope == nil && h.state.accounts.view.count == 60)
    }

    @Test func aFilterOnTheListBelowSurvivesTheDrillInAndBack() throws {
        let h = try Self.moved()
        h.press(.char("1"), .char("f")); h.type("tier:key"); h.press(.enter)
        let listed = h.state.accounts.view
        h.press(.char("4"), .char("c"))
        // Opened from Weights; go via Accounts? The stack starts at Weights, so drill and come back.
        _ = try Self.selectMovedCell(h)
        h.press(.enter, .escape, .escape)
        #expect(h.state.stack == [.weights])
        h.press(.char("1"))
        #expect(h.state.accounts.filter == "tier:key" && h.state.accounts.view == listed)
    }

    @Test func renameFromTheComparisonIsAnUndoableEditThatTheSidesFollow() throws {
        let h = try ScenariosScreenTests.harness()
        h.press(.char("c"), .char("["))
        #expect(h.state.scenarios.right == .saved("Revenue first"))
        h.press(.char("R"))
        guard case .workflow(.input(let t)) = h.state.overlay else { Issue.record("no prompt"); return }
        #expect(t.text == "Revenue first" && t.editor.isSelected)
        // A taken or reserved name keeps the prompt open and says why.
        h.type("default"); h.press(.enter)
        #expect(h.state.noticeIsError && (h.state.notice ?? "").contains("reserved"))
        #expect(h.state.overlay != nil)
        h.press(.ctrl("u")); h.type("Value first"); h.press(.enter)
        #expect(h.state.overlay == nil)
        #expect(h.workspace.settings.scenarios.map(\.name) == ["Value first"])
        #expect(h.journal.contains(#""type":"renameScenario""#))
        #expect(h.state.scenarios.right == .saved("Value first") && h.state.scenarios.comparison?.scenarioName == "Value first")
        // u undoes it from this screen at once (the step is visible here).
        h.press(.char("u"))
        #expect(h.workspace.settings.scenarios.map(\.name) == ["Revenue first"])
        #expect(h.state.scenarios.right == .saved("Revenue first"))
        // Shown now or next on the status line (messages queue; none overwrites another).
        #expect(([h.state.status.current].compactMap { $0 } + h.state.status.pending).contains { $0.text.hasPrefix("Undid") })
    }

    @Test func deleteSaysUUndoesItAndUBringsItBack() throws {
        let h = try ScenariosScreenTests.harness()
        h.press(.char("c"), .char("["), .char("D"))
        #expect(h.workspace.settings.scenarios.isEmpty)
        #expect((h.state.notice ?? "").contains(#"scenario "Revenue first" deleted"#) && (h.state.notice ?? "").contains("u undoes it"))
        #expect(!h.state.scenarioSides.contains { $0.name == "Revenue first" })
        h.press(.char("u"))
        #expect(h.workspace.settings.scenarios.map(\.name) == ["Revenue first"])
        // Default and trial cannot be deleted: the notice says so and nothing is recorded.
        h.press(.char(">"))  // left: Revenue first → pick default on both
        h.press(.char("<"), .char("]"))
        let records = h.journalRecords
        if h.state.scenarios.left == .defaults, h.state.scenarios.right == .defaults || h.state.scenarios.right == .trial {
            h.press(.char("D"))
            #expect(h.journalRecords == records && (h.state.notice ?? "").contains("cannot be deleted"))
        }
    }

    @Test func weightsScreenRenamesAndDeletesTheScenarioBeingTried() throws {
        let h = try ScenariosScreenTests.harness()
        // Nothing saved is being tried (edited weights): R says what it needs.
        h.press(.char("R"))
        #expect(h.state.overlay == nil && (h.state.notice ?? "").contains("] or [ picks one"))
        h.press(.char("]"), .char("]"))
        #expect(h.state.weights.whatIf?.scenarioName == "Revenue first")
        h.press(.char("R"), .ctrl("u")); h.type("Umsatz zuerst"); h.press(.enter)
        #expect(h.workspace.settings.scenarios.map(\.name) == ["Umsatz zuerst"])
        #expect(h.state.weights.whatIf?.scenarioName == "Umsatz zuerst")
        #expect(h.state.workflowStatus.contains("trying: Umsatz zuerst"))
        h.press(.char("D"))
        #expect(h.workspace.settings.scenarios.isEmpty)
        // u undoes the delete, then the rename, in order.
        h.press(.char("u"))
        #expect(h.workspace.settings.scenarios.map(\.name) == ["Umsatz zuerst"])
        h.press(.char("u"))
        #expect(h.workspace.settings.scenarios.map(\.name) == ["Revenue first"])
        #expect(h.state.weights.whatIf?.scenarioName == "Revenue first")
    }

    @Test(arguments: [(80, 24), (60, 20)]) func weightsResultsAreReachableWhenStacked(width: Int, height: Int) throws {
        let h = try ScenariosScreenTests.harness(width: width, height: height)
        #expect(h.frame.contains("Tab: matrix, shares, movers"))
        h.press(.tab)
        #expect(h.state.weights.focus == .results)
        var frame = h.frame
        #expect(frame.contains("Tier moves:") && frame.contains("from\\to"))
        for _ in 0..<30 { h.press(.char("j")) }
        frame = h.frame
        let w = try #require(h.state.weights.whatIf)
        let first = try #require(w.movers(limit: 10).first)
        #expect(frame.contains("Biggest movers"))
        #expect(frame.contains(String(TextSanitizer.sanitize(w.analysis.customers[first].name).prefix(6))))
        // Tab gives the keys back: j selects the next criterion again.
        let selected = h.state.weights.selected
        h.press(.tab, .char("j"))
        #expect(h.state.weights.focus == .criteria && h.state.weights.selected == selected + 1)
        // A weight key while the results have the keys acts on the criterion, shown again.
        h.press(.tab, .char("+"))
        #expect(h.state.weights.focus == .criteria && h.frame.contains("Tier moves:"))
    }

    @Test func savingOverAnExistingNameSaysSoAndIsUndoable() throws {
        let h = try ScenariosScreenTests.harness()
        let before = try #require(h.workspace.settings.scenarios.first)
        h.press(.char("S")); h.type("Revenue first"); h.press(.enter)
        #expect((h.state.notice ?? "").contains("replaced the scenario of that name; u undoes it"))
        #expect(h.workspace.settings.scenarios.count == 1 && h.workspace.settings.scenarios[0] != before)
        h.press(.char("u"))
        #expect(h.workspace.settings.scenarios == [before])
    }
}
