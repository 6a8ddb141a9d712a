import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

@Suite struct WorkflowWhatIfTests {
    let t0 = WorkflowFixture.t0

    func analysis(_ w: Workspace) -> PortfolioAnalysis {
        PortfolioAnalyzer.analyze(w, asOf: w.asOf(fallback: Day(ordinal: 20454)))
    }

    @Test func migrationMatrixSumsToTheCustomerCountAndSharesToOne() {
        let w = DemoGenerator(customers: 300, transactionsPerCustomer: 4, seed: 11).generate()
        var whatIf = WhatIf(analysis: analysis(w))
        whatIf.setWeight(.monetary, 0)
        whatIf.setWeight(.risk, 40)
        whatIf.setWeight(.satisfaction, 25)
        #expect(whatIf.isChanged)
        let m = whatIf.comparison.migration
        #expect(m.flatMap { $0 }.reduce(0, +) == 300)
        #expect(whatIf.comparison.movedUp + whatIf.comparison.movedDown > 0)
        #expect(abs(whatIf.tierShares.map(\.baseline).reduce(0, +) - 1) < 1e-9)
        #expect(abs(whatIf.tierShares.map(\.scenario).reduce(0, +) - 1) < 1e-9)
        #expect(whatIf.weight(.risk) == 40)
        // Movers by the definition: every customer whose rank moved, |Δrank| descending, then rank.
        let c = whatIf.comparison
        let reference = (0..<300).filter { c.rankDelta($0) != 0 }.sorted { a, b in
            let da = abs(c.rankDelta(a)), db = abs(c.rankDelta(b))
            return da != db ? da > db : c.scenario.ranks[a] < c.scenario.ranks[b]
        }
        #expect(whatIf.movers(limit: 15) == Array(reference.prefix(15)))
        #expect(c.movers(limit: 1000) == reference)
        whatIf.setWeight(.risk, 1e9)
        #expect(whatIf.weight(.risk) == WhatIf.maxWeight)
    }

    @Test func revertingWeightsReturnsEveryDeltaToZero() {
        let w = DemoGenerator(customers: 200, transactionsPerCustomer: 4, seed: 12).generate()
        var whatIf = WhatIf(analysis: analysis(w))
        let original = whatIf.weight(.trend)
        whatIf.setWeight(.trend, original + 30)
        whatIf.setWeight(.cooperation, 0)
        #expect((0..<200).contains { whatIf.comparison.scoreDelta($0) != 0 })
        // Back by hand, one weight at a time.
        whatIf.setWeight(.trend, original)
        whatIf.setWeight(.cooperation, w.settings.weights[.cooperation] ?? 0)
        #expect(!whatIf.isChanged)
        #expect((0..<200).allSatisfy { whatIf.comparison.scoreDelta($0) == 0 && whatIf.comparison.rankDelta($0) == 0 && whatIf.comparison.tierMove($0) == 0 })
        #expect(whatIf.comparison.movers(limit: 10).isEmpty)
        let m = whatIf.comparison.migration
        #expect(m.indices.allSatisfy { i in m[i].indices.allSatisfy { j in i == j || m[i][j] == 0 } })
    }

    @Test func pinningMakesTheTriedWeightsTheBaseline() {
        let w = DemoGenerator(customers: 100, transactionsPerCustomer: 4, seed: 13).generate()
        var whatIf = WhatIf(analysis: analysis(w))
        whatIf.setWeight(.monetary, 50)
        let scores = whatIf.scoring.scores
        whatIf.pinBaseline()
        #expect(whatIf.baselineName == "pinned" && !whatIf.isChanged)
        #expect(whatIf.baseline.scores == scores)
        whatIf.setWeight(.monetary, 0)
        whatIf.revert()
        #expect(whatIf.weight(.monetary) == 50 && whatIf.scoring.scores == scores)
    }

    @Test func savedScenarioReloadsIdentically() throws {
        let store = try WorkflowFixture.store(40)
        let session = EditSession(store: store, author: "ann")
        var whatIf = WhatIf(analysis: analysis(store.workspace))
        whatIf.setWeight(.monetary, 3)
        whatIf.setWeight(.needsFit, 17.5)
        let scenario = whatIf.scenario(named: "Needs first — 需求")
        try session.perform(.saveScenario(scenario), at: t0)
        #expect(try session.save() == .saved)
        store.close()
        let reopened = try WorkspaceStore.open(store.folder)
        defer { reopened.close() }
        let loaded = try #require(reopened.workspace.settings.scenarios.first { $0.name == scenario.name })
        #expect(loaded == scenario)
        var again = WhatIf(analysis: analysis(reopened.workspace))
        again.use(loaded.weights, name: loaded.name)
        #expect(again.scoring.scores == whatIf.scoring.scores)
        #expect(again.scoring.effectiveTiers == whatIf.scoring.effectiveTiers)
        #expect(again.scenarioName == scenario.name)
    }

    @Test func analysisFactsDriveStaleness() throws {
        let w = DemoGenerator(customers: 60, transactionsPerCustomer: 4, seed: 14).generate()
        let a = analysis(w)
        var ws = w
        let rules = TriageSettings()
        for k in 0..<60 {
            if let e = try TriageDecision.accept.edit(in: ws, customer: k, facts: a, author: "a", at: t0) { try ws.apply(e, author: "a", at: t0) }
        }
        #expect(TriageQueue(source: .needsReview, workspace: ws, facts: a, rules: rules).entries.isEmpty)
        // A weight change: customers whose tier or score moved come back as stale.
        var whatIf = WhatIf(analysis: a)
        whatIf.setWeight(.monetary, 100)
        let facts = ScoredReviewFacts(a, scoring: whatIf.scoring)
        let queue = TriageQueue(source: .needsReview, workspace: ws, facts: facts, rules: rules)
        let expected = (0..<60).filter { k in
            abs(whatIf.scoring.scores[k] - a.baseline.scores[k]) > rules.staleScoreTolerance
                || whatIf.scoring.effectiveTiers[k] != a.baseline.effectiveTiers[k]
        }
        #expect(!expected.isEmpty)
        #expect(Set(queue.entries) == Set(expected))
    }
}
