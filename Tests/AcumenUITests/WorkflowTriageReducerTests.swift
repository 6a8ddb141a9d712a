import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// Triage driven key by key through the reducer, with every effect run by the real shell.
@Suite struct WorkflowTriageReducerTests {
    @Test func decisionIsJournaledBeforeTheStateSaysSo() throws {
        let h = try WorkflowHarness()
        h.press(.char("3"))
        #expect(h.state.screen == .triage)
        let k = try #require(h.current)
        // The key alone (the pure reducer) only asks for the edit: nothing moved, not modified.
        var copy = h.state
        let effects = copy.update(.key(.char("a")))
        #expect(effects == [.workflow(.edit(.triage(.accept, customer: k)))])
        #expect(copy.triage.queue?.current == k && !copy.hasUnsavedEdits && h.journalRecords == 0)
        // The runtime journals it (fsynced) and answers with the view models it changed.
        h.press(.char("a"))
        #expect(h.journalRecords == 1 && h.journal.contains(#""status":"accepted""#))
        #expect(h.workspace.customers[k].review?.status == .accepted)
        #expect(h.current != k && h.state.hasUnsavedEdits)
        #expect(h.state.table.triage[k] == .accepted)
    }

    @Test func everyTriageKey() throws {
        let h = try WorkflowHarness()
        h.press(.char("3"))
        let q = try #require(h.state.triage.queue)
        #expect(q.entries.count == 14 && q.order == .score)
        let m = try #require(h.state.workflow)
        func rec(_ k: Int) -> Strategy { m.facts.recommendation(k) }
        // a: accept.
        let k0 = try #require(h.current)
        h.press(.char("a"))
        #expect(h.workspace.customers[k0].review?.strategy == rec(k0))
        // The recommended strategy's own key records at once, like accept.
        let k1 = try #require(h.current)
        let own: Key = [.grow: .char("w"), .maintain: .char("m"), .nurture: .char("n"), .cutCost: .char("c")][rec(k1)] ?? .char("w")
        h.press(own)
        #expect(h.workspace.customers[k1].review?.status == .accepted)
        // Another strategy asks for a reason; an empty one is refused.
        let k2 = try #require(h.current)
        let other: (Strategy, Key) = rec(k2) == .nurture ? (.grow, .char("w")) : (.nurture, .char("n"))
        h.press(other.1)
        guard case .workflow(.input(let t))? = h.state.overlay, case .reason(other.0, k2) = t.purpose else {
            Issue.record("expected the reason prompt"); return
        }
        h.press(.enter)
        #expect(h.state.noticeIsError && h.state.overlay != nil && h.workspace.customers[k2].review == nil)
        h.type("new plant opening")
        h.press(.enter)
        #expect(h.state.overlay == nil)
        #expect(h.workspace.customers[k2].strategyOverride?.value == other.0.rawValue)
        #expect(h.workspace.customers[k2].review?.reason == "new plant opening")
        #expect(h.state.table.triage[k2] == .decided)
        // s: skip records "skipped" for an unreviewed account.
        let k3 = try #require(h.current)
        h.press(.char("s"))
        #expect(h.workspace.customers[k3].review?.status == .skipped)
        // e: a note, and the queue stays put.
        let k4 = try #require(h.current)
        h.press(.char("e"))
        h.type("call the CFO")
        h.press(.enter)
        #expect(h.workspace.customers[k4].notes.last?.text == "call the CFO" && h.current == k4)
        // p and Backspace jump back; j and k move without deciding.
        h.press(.char("p"))
        #expect(h.current == k3)
        h.press(.backspace)
        #expect(h.current == k2)
        h.press(.char("j"), .char("j"))
        #expect(h.current == k4)
        h.press(.char("k"))
        #expect(h.current == k3)
        // o: cycle the order; the current account stays current.
        h.press(.char("o"))
        #expect(h.state.triage.queue?.order == .name && h.current == k3)
        // Enter opens the profile of the current account; Esc comes back.
        h.press(.enter)
        #expect(h.state.screen == .profile(k3))
        h.press(.escape)
        #expect(h.state.screen == .triage)
        // Progress counts the decisions.
        let p = try #require(h.state.triage.queue).progress(workspace: h.workspace, facts: m.facts, rules: m.rules)
        #expect(p.decided == 3 && p.skipped == 1)
        #expect(h.journalRecords == 5)
        // The state's own copy of the workspace got exactly the edits the store recorded.
    }

    @Test func undoRedoChainsAcrossTheSession() throws {
        let h = try WorkflowHarness()
        h.press(.char("3"))
        let ks = Array(try #require(h.state.triage.queue).entries.prefix(3))
        h.press(.char("a"), .char("a"), .char("s"))
        #expect(ks.allSatisfy { h.workspace.customers[$0].review != nil })
        // Undo twice: the last two decisions go, and the queue follows the undone account.
        h.press(.char("u"))
        #expect(h.workspace.customers[ks[2]].review == nil && h.current == ks[2])
        h.press(.char("u"))
        #expect(h.workspace.customers[ks[1]].review == nil && h.current == ks[1])
        #expect(h.state.table.triage[ks[1]] == .unreviewed)
        // Redo one, then a new decision clears the redo stack.
        h.press(.ctrl("r"))
        #expect(h.workspace.customers[ks[1]].review?.status == .accepted)
        #expect(h.current == ks[1])
        h.press(.char("j"), .char("s"))
        h.press(.ctrl("r"))
        #expect(h.state.notice == "Nothing to redo")
        // Undo everything, then once more.
        for _ in 0..<3 { h.press(.char("u")) }
        #expect(ks.allSatisfy { h.workspace.customers[$0].review == nil })
        h.press(.char("u"))
        #expect(h.state.notice == "Nothing to undo")
        // Every step was journaled: 3 decisions, 2 undos, 1 redo, 1 decision, 3 undos.
        #expect(h.journalRecords == 10)
        // Undo works from any screen.
        h.press(.char("1"), .char(" "), .char("o"), .ctrl("u"))
        h.type("Zoë")
        h.press(.enter)
        let row = try #require(h.state.accounts.marks.first.map(Int.init))
        #expect(h.workspace.customers[row].owner == "Zoë")
        h.press(.char("u"))
        #expect(h.workspace.customers[row].owner != "Zoë")
    }

    @Test func reviewsGoStaleAfterAWeightChange() throws {
        let h = try WorkflowHarness()
        h.press(.char("3"))
        for _ in 0..<14 { h.press(.char("a")) }
        #expect(h.state.triage.queue?.isFinished == true)
        h.press(.char("3"))
        #expect(h.state.triage.queue?.entries.isEmpty == true)
        // Weights: make trend count for a lot, apply as the workspace default.
        h.press(.char("4"))
        #expect(h.state.screen == .weights)
        for _ in 0..<5 { h.press(.char("j")) }
        #expect(h.state.selectedCriterion == .trend)
        h.press(.enter)
        h.press(.ctrl("u"))
        h.type("60")
        h.press(.enter)
        #expect(h.state.weights.whatIf?.weight(.trend) == 60)
        h.press(.char("A"), .char("y"))
        #expect(h.workspace.settings.weights[.trend] == 60)
        // Back in triage, the accounts whose score or tier moved are stale and queued again.
        h.press(.char("3"))
        let q = try #require(h.state.triage.queue)
        #expect(!q.entries.isEmpty)
        let m = try #require(h.state.workflow)
        #expect(q.entries.allSatisfy {
            if case .stale = ReviewState(review: h.workspace.customers[$0].review, index: $0, facts: m.facts, rules: m.rules) { true } else { false }
        })
        #expect(h.frame.contains("stale"))
        // Undoing the weights (not shown on the triage screen: a second u confirms) makes
        // them current again.
        h.press(.char("u"))
        #expect(h.workspace.settings.weights[.trend] == 60 && h.state.notice?.contains("u again to undo") == true)
        h.press(.char("u"))
        #expect(h.workspace.settings.weights[.trend] != 60)
        h.press(.char("3"))
        #expect(h.state.triage.queue?.entries.isEmpty == true)
    }

    @Test func aBackgroundReanalysisKeepsTheQueue() throws {
        let h = try WorkflowHarness()
        h.press(.char("3"), .char("a"), .char("a"))
        let k = try #require(h.current)
        let clv = CLVInputs(predictedCLV: [Double](repeating: 100, count: 14), pAlive: [Double](repeating: 0.9, count: 14))
        for a in h.runtime.adoptLifetimeValue(clv, notice: "fitted") { h.send(a) }
        #expect(h.current == k && h.state.triage.counts?.decided == 2)
        // The notice waits behind the decision's message until that one was shown long enough.
        #expect(h.state.workflow?.analysisRevision == 1 && h.state.status.pending.map(\.text) == ["fitted"])
        h.send(.tick(milliseconds: StatusQueue.minimumMilliseconds))
        #expect(h.state.notice == "fitted")
    }

    @Test func readOnlyWorkspaceRefusesDecisions() throws {
        let h = try WorkflowHarness(readOnly: true)
        #expect(h.state.workflow?.readOnlyReason != nil)
        h.press(.char("3"), .char("a"))
        #expect(h.state.noticeIsError && h.journalRecords == 0)
    }
}
