import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

@Suite struct WorkflowTriageTests {
    let t0 = WorkflowFixture.t0
    let rules = TriageSettings()

    @Test func queueHoldsAccountsNeedingReviewInTheChosenOrder() throws {
        let store = try WorkflowFixture.store(6)
        defer { store.close() }
        var facts = WorkflowFixture.facts(6)
        facts.scores[4] = 95
        var q = TriageQueue(source: .needsReview, workspace: store.workspace, facts: facts, rules: rules)
        #expect(q.entries == [4, 0, 1, 2, 3, 5])
        #expect(q.current == 4)
        let byName = TriageQueue(source: .needsReview, order: .name, workspace: store.workspace, facts: facts, rules: rules)
        let names = byName.entries.map { store.workspace.customers[$0].name.lowercased() }
        #expect(names == names.sorted())
        let byTier = TriageQueue(source: .needsReview, order: .tier, workspace: store.workspace, facts: facts, rules: rules)
        #expect(byTier.entries == [0, 1, 2, 3, 4, 5])
        let byRec = TriageQueue(source: .needsReview, order: .recommendation, workspace: store.workspace, facts: facts, rules: rules)
        #expect(byRec.entries == [4, 0, 1, 5, 2, 3])
        let marked = TriageQueue(source: .customers([3, 1, 3, 99]), order: .given, workspace: store.workspace, facts: facts, rules: rules)
        #expect(marked.entries == [3, 1])
        // Re-sorting keeps the current account.
        q.advance(); q.advance()
        #expect(q.current == 1)
        q.reorder(by: .given, workspace: store.workspace, facts: facts)
        #expect(q.entries == [0, 1, 2, 3, 4, 5] && q.current == 1)
        #expect(q.order.next == .score)
    }

    @Test func everyDecisionIsAnUndoableEdit() throws {
        let store = try WorkflowFixture.store(6)
        defer { store.close() }
        let facts = WorkflowFixture.facts(6)   // recommendations: grow, maintain, nurture, cut cost, grow, maintain
        let session = EditSession(store: store, author: "ann")
        let original = store.workspace
        var q = TriageQueue(source: .needsReview, order: .given, workspace: store.workspace, facts: facts, rules: rules)
        func decide(_ d: TriageDecision) throws {
            guard let k = q.current else { return }
            if let e = try d.edit(in: session.workspace, customer: k, facts: facts, author: "ann", at: t0) {
                try session.perform(e, at: t0)
            }
            if d.advances { q.advance() }
        }
        try decide(.accept)
        try decide(.note("  call the CFO "))
        #expect(q.current == 1)
        #expect(throws: TriageDecision.Problem.reasonRequired(chosen: .grow, recommended: .maintain)) {
            try decide(.choose(.grow, reason: "  "))
        }
        #expect(throws: TriageDecision.Problem.emptyNote) { try decide(.note(" \n")) }
        try decide(.choose(.grow, reason: "new plant\nopening"))
        try decide(.skip)
        try decide(.choose(.cutCost, reason: ""))   // equals the recommendation: accepted, no reason needed
        #expect(q.current == 4)
        q.back()
        #expect(q.current == 3)

        let w = session.workspace
        #expect(w.customers[0].review?.status == .accepted && w.customers[0].review?.strategy == .grow)
        #expect(w.customers[0].review?.score == 90 && w.customers[0].review?.tier == "Key")
        #expect(w.customers[1].notes.map(\.text) == ["call the CFO"])
        #expect(w.customers[1].strategyOverride?.value == "grow")
        #expect(w.customers[1].strategyOverride?.reason == "new plant opening")
        #expect(w.customers[1].review?.status == .decided && w.customers[1].review?.recommendation == .maintain)
        #expect(w.customers[2].review?.status == .skipped)
        #expect(w.customers[3].review?.status == .accepted && w.customers[3].review?.strategy == .cutCost)
        #expect(session.undoStack.count == 5)

        let p = q.progress(workspace: w, facts: facts, rules: rules)
        #expect(p.position == 4 && p.total == 6)
        #expect(p.decided == 3 && p.skipped == 1 && p.remaining == 3)
        #expect(p.byStrategy == [.grow: 2, .cutCost: 1])

        // Skipping an account already reviewed records nothing.
        #expect(try TriageDecision.skip.edit(in: w, customer: 0, facts: facts, author: "ann", at: t0) == nil)
        // Accepting on an overridden account clears the override in the same step.
        let accept1 = try TriageDecision.accept.edit(in: w, customer: 1, facts: facts, author: "ann", at: t0)
        guard case .batch(let parts)? = accept1 else { Issue.record("expected a batch"); return }
        #expect(parts.first == .setStrategyOverride(customer: w.customers[1].id, override: nil))

        // Undo the whole chain: back to the original customers (history aside).
        while session.canUndo { try session.undo(at: t0) }
        for k in 0..<6 {
            let (a, b) = (session.workspace.customers[k], original.customers[k])
            #expect(a.review == b.review && a.notes == b.notes && a.strategyOverride == b.strategyOverride)
        }
        // …and redo it all.
        while session.canRedo { try session.redo(at: t0) }
        #expect(session.workspace.customers.map(\.review) == w.customers.map(\.review))
        #expect(session.workspace.customers[1].notes.map(\.text) == ["call the CFO"])
    }

    @Test func reviewGoesStaleWhenScoreTierOrRecommendationChanges() throws {
        let store = try WorkflowFixture.store(4)
        defer { store.close() }
        var facts = WorkflowFixture.facts(4)
        let session = EditSession(store: store, author: "ann")
        for k in 0..<4 {
            let e = try #require(try TriageDecision.accept.edit(in: session.workspace, customer: k, facts: facts, author: "ann", at: t0))
            try session.perform(e, at: t0)
        }
        func state(_ k: Int) -> ReviewState {
            ReviewState(customer: session.workspace.customers[k], index: k, facts: facts, rules: rules)
        }
        #expect((0..<4).allSatisfy { !state($0).needsReview })
        #expect(TriageQueue(source: .needsReview, workspace: session.workspace, facts: facts, rules: rules).entries.isEmpty)
        // A weight change moves scores: within the tolerance stays current, beyond goes stale.
        facts.scores[0] += 4.9
        facts.scores[1] -= 5.1
        facts.tiers[2] = "Tail"
        facts.recommendations[3] = .grow
        #expect(state(0).label == "done")
        #expect(state(1) == .stale(try #require(state(1).review), [.score(from: 80, to: 74.9)]))
        #expect(state(2) == .stale(try #require(state(2).review), [.tier(from: "Growth", to: "Tail")]))
        #expect(state(3) == .stale(try #require(state(3).review), [.recommendation(from: .cutCost, to: .grow)]))
        #expect("\(ReviewState.StaleReason.score(from: 80, to: 74.9))" == "score 80.0 → 74.9")
        #expect(TriageQueue(source: .needsReview, workspace: session.workspace, facts: facts, rules: rules).entries == [1, 2, 3])
        // The tolerance is data in settings.json.
        var s = session.workspace.settings
        var loose = TriageSettings(); loose.staleScoreTolerance = 10
        loose.store(in: &s)
        #expect(TriageSettings(s).staleScoreTolerance == 10)
        #expect(ReviewState(customer: session.workspace.customers[1], index: 1, facts: facts, rules: TriageSettings(s)).label == "done")
    }
}
