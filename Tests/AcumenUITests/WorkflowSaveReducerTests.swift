import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// Review before save, the conflict prompt, and edits from the profile and the accounts list.
@Suite struct WorkflowSaveReducerTests {
    func editSettingsOnDisk(_ h: WorkflowHarness) throws {
        let path = h.folder + "/" + WorkspaceFiles.settings
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"EUR\"", with: "\"USD\"")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test func reviewBeforeSaveListsPendingEditsPerFile() throws {
        let h = try WorkflowHarness()
        h.press(.ctrl("s"))
        #expect(h.state.notice == "Nothing to save" && h.state.overlay == nil)
        h.press(.char("3"), .char("a"), .char("a"), .char("4"), .char("+"), .char("A"), .char("y"))
        h.press(.ctrl("s"))
        guard case .workflow(.saveReview(let lines))? = h.state.overlay else { Issue.record("expected the review"); return }
        #expect(lines == ["settings.json  1 edit  1 record  −1 +2 lines", "customers.jsonl  2 edits  2 records  −3 +3 lines"])
        #expect(h.frame.contains("Review before save"))
        h.press(.escape)
        #expect(h.state.overlay == nil && h.state.hasUnsavedEdits)
        h.press(.ctrl("s"), .enter)
        #expect(h.state.notice == "Saved" && !h.state.hasUnsavedEdits && h.journalRecords == 0)
    }

    @Test func conflictOffersKeepMineTakeTheirsAndDiff() throws {
        let h = try WorkflowHarness()
        h.press(.char("4"), .char("+"), .char("A"), .char("y"), .char("3"), .char("a"))
        try editSettingsOnDisk(h)
        h.press(.ctrl("s"), .enter)
        guard case .workflow(.conflict(let c))? = h.state.overlay else { Issue.record("expected the conflict prompt"); return }
        #expect(c.files == [WorkspaceFiles.settings])
        // The prompt names the edit "take theirs" would drop (the weights: settings.json), not the decision.
        #expect(c.drops.count == 1 && c.drops[0].hasPrefix("default weights"), "\(c.drops)")
        #expect(h.frame.contains("Save conflict") && h.frame.contains("t  Take theirs, dropping 1 unsaved edit (asks first):"))
        #expect(h.frame.contains("      default weights ("))
        h.press(.char("d"))
        guard case .workflow(.diff(_, let lines, _))? = h.state.overlay else { Issue.record("expected the diff"); return }
        #expect(lines.contains { $0.hasPrefix("-") && $0.contains("USD") } && lines.contains { $0.hasPrefix("+") && $0.contains("EUR") })
        h.press(.escape)
        // Take theirs asks first, naming what it drops; nothing is dropped until `y`.
        h.press(.char("t"))
        guard case .workflow(.confirm(let q))? = h.state.overlay else { Issue.record("expected the confirmation"); return }
        #expect(q.question == "Take theirs and drop 1 unsaved edit?" && q.detail == c.drops[0])
        #expect(h.workspace.settings.currency == "EUR" && h.frame.contains("Take theirs and drop 1 unsaved edit?"))
        h.press(.char("y"))
        // Settings from disk, the triage decision kept.
        #expect(h.workspace.settings.currency == "USD" && h.workspace.settings.weights[.monetary] == 15)
        #expect(h.workspace.customers.contains { $0.review != nil })
        h.press(.ctrl("s"), .enter)
        #expect(h.state.notice == "Saved")
    }

    @Test func takeTheirsCancelledAtTheQuestionDropsNothing() throws {
        let h = try WorkflowHarness()
        h.press(.char("4"), .char("+"), .char("A"), .char("y"))
        try editSettingsOnDisk(h)
        h.press(.ctrl("s"), .enter, .char("t"), .char("n"))
        #expect(h.state.overlay == nil && h.state.notice == "Cancelled: nothing changed")
        #expect(h.workspace.settings.currency == "EUR" && h.state.hasUnsavedEdits && h.journalRecords == 1)
    }

    @Test func saveWritesInTheBackgroundWhileInputGoesOn() throws {
        let h = try WorkflowHarness()
        let work = BackgroundWork()
        h.runtime.background = work
        h.press(.char("3"))
        let first = try #require(h.state.triage.queue?.current)
        h.press(.char("a"), .ctrl("s"), .enter)
        #expect(h.state.isSaving && h.state.notice?.hasPrefix("Saving…") == true && h.frame.contains("[saving…]"))
        // Keys go on while the files are written: a second decision, and a second save is refused politely.
        let second = try #require(h.state.triage.queue?.current)
        h.press(.char("a"))
        #expect(second != first && h.workspace.customers[second].review != nil)
        h.press(.ctrl("s"))
        #expect(h.state.overlay == nil && h.state.notice?.hasPrefix("Still saving") == true)
        #expect(work.waitUntilComputed(seconds: 60))
        for action in work.collect() { h.send(action) }
        #expect(!h.state.isSaving && h.state.hasUnsavedEdits && h.frame.contains("[modified]"))
        // Said after the "Still saving" notice, so it waits behind it in the status queue.
        #expect(([h.state.notice] + h.state.status.pending.map(\.text)).contains("Saved; the edits made while saving are in the journal, not yet in the files"))
        // On disk: the first decision in the files, the second only in the journal; a reopen
        // (as after a crash now) has both, each once.
        let reopened = try WorkspaceStore.open(h.folder, options: .init(readOnly: true))
        let ids = [first, second].map { h.workspace.customers[$0].id }
        #expect(ids.allSatisfy { id in reopened.workspace.customer(id: id)?.history.count == 1 })
        #expect(reopened.unsavedEdits.count == 1)
        reopened.close()
        h.press(.ctrl("s"))
        guard case .workflow(.saveReview(let lines))? = h.state.overlay else { Issue.record("expected the review"); return }
        #expect(lines == ["customers.jsonl  1 edit  1 record  −2 +2 lines"])
        h.press(.enter)
        #expect(work.waitUntilComputed(seconds: 60))
        for action in work.collect() { h.send(action) }
        #expect(([h.state.notice] + h.state.status.pending.map(\.text)).contains("Saved"), "\(h.state.status)")
        #expect(!h.state.hasUnsavedEdits && !h.state.isSaving && h.journalRecords == 0)
    }

    @Test func editsReplayedFromTheJournalCountAsUnsaved() throws {
        let h = try WorkflowHarness()
        h.press(.char("3"), .char("a"))
        let m = h.runtime.model
        var fresh = AppState(width: 80, height: 24, workspaceName: "demo")
        _ = fresh.update(.workflow(.loaded(m)))
        #expect(m.hasPendingEdits && fresh.hasUnsavedEdits)
        h.press(.ctrl("s"), .enter)
        #expect(!h.runtime.model.hasPendingEdits)
    }

    @Test func keepMineOverwrites() throws {
        let h = try WorkflowHarness()
        h.press(.char("4"), .char("+"), .char("A"), .char("y"))
        try editSettingsOnDisk(h)
        h.press(.ctrl("s"), .enter, .char("k"))
        #expect(h.state.notice == "Saved")
        let text = try String(contentsOfFile: h.folder + "/" + WorkspaceFiles.settings, encoding: .utf8)
        #expect(text.contains("\"EUR\""))
    }

    @Test func editsFromTheProfile() throws {
        let h = try WorkflowHarness()
        h.press(.char("j"), .enter)
        guard case .profile(let k) = h.state.screen else { Issue.record("expected the profile"); return }
        let id = h.workspace.customers[k].id
        h.press(.char("r")); h.type("risk 4"); h.press(.enter)
        #expect(h.workspace.customers[k].ratings[.risk] == 4)
        h.press(.char("r")); h.type("risk ?"); h.press(.enter)
        #expect(h.workspace.customers[k].ratings[.risk] == nil)
        h.press(.char("r")); h.type("Market potential 7"); h.press(.enter)
        #expect(h.workspace.customers[k].ratings[.marketPotential] == 7)
        h.press(.char("r")); h.type("risk 11"); h.press(.enter)
        #expect(h.state.noticeIsError)
        h.press(.escape)
        h.press(.char("o"), .ctrl("u")); h.type("Zoë"); h.press(.enter)
        h.press(.char("t")); h.press(.ctrl("u")); h.type("vip, 重点"); h.press(.enter)
        h.press(.char("e")); h.type("Visited the plant"); h.press(.enter)
        h.press(.char("O")); h.type("grow"); h.press(.enter)
        #expect(h.state.noticeIsError)  // a reason is required
        h.press(.ctrl("u")); h.type("grow: expansion in 2026"); h.press(.enter)
        h.press(.char("T")); h.type("Key: strategic account"); h.press(.enter)
        let c = try #require(h.workspace.customer(id: id))
        #expect(c.owner == "Zoë" && c.tags == ["vip", "重点"] && c.notes.last?.text == "Visited the plant")
        #expect(c.strategyOverride?.value == "grow" && c.strategyOverride?.reason == "expansion in 2026")
        #expect(c.tierOverride?.value == "Key")
        // The profile reloads and shows the edits in its history, with their time.
        #expect(h.state.profile?.history.contains { $0.contains("owner") } == true || h.frame.contains("Zoë"))
        #expect(c.history.count == 8 && c.history.allSatisfy { $0.at == WorkflowHarness.t0 })
        h.press(.char("O")); h.type("none"); h.press(.enter)
        #expect(h.workspace.customer(id: id)?.strategyOverride == nil)
    }

    @Test func bulkEditsOnMarkedRowsAreOneUndoableStep() throws {
        let h = try WorkflowHarness()
        h.press(.char(" "), .char(" "), .char(" "))
        let rows = h.state.accounts.marks.map(Int.init).sorted()
        #expect(rows.count == 3)
        h.press(.char("o")); h.type("Bob"); h.press(.enter)
        h.press(.char("e")); h.type("Q3 review"); h.press(.enter)
        h.press(.char("O")); h.type("maintain: serve efficiently"); h.press(.enter)
        #expect(h.state.notice?.hasSuffix("(3 accounts; u undoes)") == true, "\(h.state.notice ?? "")")
        #expect(rows.allSatisfy { h.workspace.customers[$0].owner == "Bob" && h.workspace.customers[$0].notes.last?.text == "Q3 review" })
        #expect(rows.allSatisfy { h.workspace.customers[$0].strategyOverride?.value == "maintain" })
        #expect(h.journalRecords == 3)
        h.press(.char("u"), .char("u"))
        #expect(rows.allSatisfy { h.workspace.customers[$0].owner == "Bob" && h.workspace.customers[$0].notes.isEmpty })
        // T triages exactly the marked rows.
        h.press(.char("T"))
        #expect(h.state.screen == .triage && Set(h.state.triage.queue?.entries ?? []) == Set(rows))
    }
}
