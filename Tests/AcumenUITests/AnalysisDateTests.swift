import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// The analysis date in the workbench: always in the header, moved by keys and a typed date,
/// re-analysed off the input path, keeping cursor, filter, sort and marks; the workspace is not edited.
@Suite struct AnalysisDateTests {
    @Test func theHeaderShowsTheDateAndWindowOnEveryScreen() throws {
        let h = try WorkflowHarness(width: 120, height: 40)
        let a = h.runtime.analysis
        let text = "as of \(a.asOf.iso) · window \(a.windowStart.iso) – \(a.asOf.adding(days: -1).iso)"
        for key: Character in ["1", "2", "3", "4"] {
            h.press(.char(key))
            #expect(h.frame.split(separator: "\n")[0].contains(text), "screen \(key)")
        }
        let small = try WorkflowHarness(width: 80, height: 24)
        #expect(small.frame.split(separator: "\n")[0].contains("as of \(small.runtime.analysis.asOf.iso)"))
    }

    @Test func stepsByMonthAndQuarterReanalyseAndKeepCursorFilterSortAndMarks() throws {
        let h = try WorkflowHarness(width: 120, height: 40)
        let start = h.runtime.analysis.asOf
        let saved = h.workspace.settings.asOf
        h.press(.char("j"), .char("j"), .char(" "), .char("]"))
        let row = h.state.accounts.currentRow
        let sort = h.state.accounts.sortColumn
        let marks = h.state.accounts.marks
        let revenue = h.state.table.revenue
        h.press(.char(","))
        #expect(h.runtime.analysis.asOf == start.adding(months: -3))
        #expect(h.state.workflow?.analysis.asOf == start.adding(months: -3))
        #expect(h.state.time.pending == nil)
        #expect(h.state.accounts.currentRow == row)
        #expect(h.state.accounts.sortColumn == sort)
        #expect(h.state.accounts.marks == marks)
        #expect(h.state.table.revenue != revenue, "figures change with the date")
        #expect(h.frame.split(separator: "\n")[0].contains("as of \(start.adding(months: -3).iso)"))
        h.press(.char("."), .char("("), .char(")"))
        #expect(h.runtime.analysis.asOf == start)
        #expect(h.workspace.settings.asOf == saved, "moving the date does not edit the workspace")
        #expect(h.journalRecords <= 0)
    }

    @Test func aTypedDateIsAnalysedAndABadOneIsRefused() throws {
        let h = try WorkflowHarness()
        h.press(.char("@"))
        h.type("2024-13-01")
        h.press(.enter)
        #expect(h.state.noticeIsError)
        #expect(h.state.overlay != nil)
        for _ in 0..<10 { h.press(.backspace) }
        h.type("2024-02-29")
        h.press(.enter)
        #expect(h.state.overlay == nil)
        #expect(h.runtime.analysis.asOf == Day(iso: "2024-02-29"))
        h.send(.command(.setDate))
        #expect(h.frame.contains("2024-02-29"))
    }

    @Test func offTheInputPathOnlyTheLatestDateIsAdopted() throws {
        let h = try WorkflowHarness()
        let work = BackgroundWork()
        h.runtime.background = work
        let start = h.runtime.analysis.asOf
        h.press(.char("("))
        h.press(.char("("))
        #expect(h.runtime.analysis.asOf == start, "nothing adopted before the work is collected")
        #expect(h.state.time.pending == start.adding(months: -2))
        #expect(h.frame.contains("analysing as of \(start.adding(months: -2).iso)"))
        #expect(work.waitUntilComputed(seconds: 60))
        for action in work.collect() { h.send(action) }
        #expect(h.runtime.analysis.asOf == start.adding(months: -2))
        #expect(h.state.time.pending == nil)
        h.runtime.background = nil
    }

    @Test func aFitStartedInTheBackgroundLandsAsTheAnalysisWithItWouldBe() throws {
        let h = try WorkflowHarness()
        let work = BackgroundWork()
        h.runtime.background = work
        var adopted = false
        h.runtime.fitLifetimeValueInBackground(work, notice: "fitted") { adopted = true }
        #expect(work.waitUntilComputed(seconds: 60))
        for action in work.collect() { h.send(action) }
        #expect(adopted)
        let expected = PortfolioAnalyzer.analyzeWithLifetimeValue(h.workspace, asOf: h.runtime.analysis.asOf).analysis
        #expect(h.runtime.analysis.clv?.predictedCLV.map(\.bitPattern) == expected.clv?.predictedCLV.map(\.bitPattern))
        #expect(h.runtime.analysis.baseline.scores == expected.baseline.scores)
        h.runtime.background = nil
    }

    @Test func theDateKeysClashWithNothing() {
        #expect(KeyCollisions.problems(in: KeyMap.table).isEmpty)
        for c in KeyContext.allCases where !c.isOverlay {
            #expect(KeyMap.command(for: .char(","), in: c) == .dateQuarterBack)
            #expect(KeyMap.command(for: .char("@"), in: c) == .setDate)
        }
    }
}

/// Saving the date on screen as the workspace's `asOf`: an explicit, journaled, undoable edit.
@Suite struct SaveAnalysisDateTests {
    @Test func ctrlTSavesTheDateUndoRestoresItAndTheJournalReplaysIt() throws {
        let h = try WorkflowHarness()
        let before = h.workspace.settings.asOf
        h.press(.char(","))
        let day = h.runtime.analysis.asOf
        #expect(h.workspace.settings.asOf == before)
        h.press(.ctrl("t"))
        #expect(h.workspace.settings.asOf == day)
        #expect(h.journal.contains("\"setAsOf\""))
        #expect(h.journal.contains(day.iso))
        #expect(h.state.workflow?.undoLabel?.contains(day.iso) == true)
        h.press(.ctrl("t"))
        #expect(h.state.notice?.contains("already") == true)
        h.press(.char("u"))
        #expect(h.workspace.settings.asOf == before)
        #expect(h.runtime.analysis.asOf == day, "undo restores the setting, not the date on screen")
        h.send(.key(.ctrl("r")))
        #expect(h.workspace.settings.asOf == day)
        h.store.close()
        let reopened = try WorkspaceStore.open(h.folder)
        defer { reopened.close() }
        #expect(reopened.workspace.settings.asOf == day, "the journal replays setAsOf")
    }

    @Test func theEditHasALabelAFileAndAnInverse() throws {
        var w = DemoGenerator(customers: 3, transactionsPerCustomer: 2, seed: 1).generate()
        w.settings.asOf = nil
        let day = try #require(Day(iso: "1998-07-01"))
        let inverse = try w.apply(.setAsOf(day), author: "ann", at: WorkflowHarness.t0)
        #expect(w.settings.asOf == day)
        #expect(inverse == .setAsOf(nil))
        #expect(Edit.setAsOf(day).file == WorkspaceFiles.settings)
        #expect(Edit.setAsOf(day).label == "workspace analysis date 1998-07-01")
        #expect(Edit.setAsOf(nil).json == .object(["type": .string("setAsOf"), "asOf": .null]))
    }
}
