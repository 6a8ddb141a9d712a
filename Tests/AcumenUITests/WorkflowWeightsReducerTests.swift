import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// The weights (what-if) screen driven by keys.
@Suite struct WorkflowWeightsReducerTests {
    func deltasAreZero(_ w: WhatIf) -> Bool {
        (0..<w.analysis.count).allSatisfy { w.comparison.scoreDelta($0) == 0 && w.comparison.rankDelta($0) == 0 && w.comparison.tierMove($0) == 0 }
    }

    @Test func nudgingWeightsRecomputesAgainstTheBaseline() throws {
        let h = try WorkflowHarness(customers: 40)
        h.press(.char("4"))
        var w = try #require(h.state.weights.whatIf)
        #expect(deltasAreZero(w) && !w.isChanged)
        // + and - on Revenue, then a typed weight on Contribution.
        h.press(.char("+"), .char("+"), .char("+"), .char("-"))
        #expect(h.state.weights.whatIf?.weight(.monetary) == 17)
        h.press(.char("j"), .enter, .ctrl("u"))
        h.type("0")
        h.press(.enter)
        h.press(.char("j"), .char("j"), .char("j"), .char("=") )
        w = try #require(h.state.weights.whatIf)
        #expect(w.weight(.contribution) == 0 && w.weight(.tenure) == 4)
        #expect(w.isChanged && !deltasAreZero(w))
        // The migration matrix counts every customer exactly once.
        #expect(w.comparison.migration.flatMap { $0 }.reduce(0, +) == 40)
        #expect(h.frame.contains("Tier moves"))
        // 0 resets the selected weight; reverting by hand returns every Δ to zero.
        h.press(.char("0"))
        #expect(h.state.weights.whatIf?.weight(.tenure) == 3)
        h.press(.char("k"), .char("k"), .char("k"), .enter, .ctrl("u"))
        h.type("15")
        h.press(.enter)
        h.press(.char("k"), .char("-"), .char("-"))
        w = try #require(h.state.weights.whatIf)
        #expect(!w.isChanged && deltasAreZero(w))
        // x reverts everything at once.
        h.press(.char("+"), .char("x"))
        #expect(deltasAreZero(try #require(h.state.weights.whatIf)))
        // A typed weight out of range is refused.
        h.press(.enter, .ctrl("u"))
        h.type("1000")
        h.press(.enter)
        #expect(h.state.noticeIsError)
        h.press(.escape)
        // Nothing was journaled: what-if is not an edit until applied.
        #expect(h.journalRecords == 0)
    }

    @Test func savedScenarioReloadsIdenticallyAndScenariosCompare() throws {
        let h = try WorkflowHarness(customers: 30)
        h.press(.char("4"), .char("+"), .char("+"), .char("+"), .char("+"), .char("j"), .char("-"))
        let tried = try #require(h.state.weights.whatIf)
        h.press(.char("S"))
        h.type("Revenue first 売上")
        h.press(.enter)
        #expect(h.workspace.settings.scenarios.map(\.name) == ["Revenue first 売上"])
        #expect(h.state.weights.whatIf?.scenarioName == "Revenue first 売上")
        // A second scenario, then save the workspace and reopen it.
        h.press(.char("x"), .char("j"), .char("j"), .char("+"), .char("+"), .char("+"))
        h.press(.char("S"), .ctrl("u"))
        h.type("Frequency")
        h.press(.enter)
        h.press(.ctrl("s"), .enter)
        #expect(h.state.notice == "Saved" && h.journalRecords == 0)
        h.store.close()
        let reopened = try WorkspaceStore.open(h.folder)
        defer { reopened.close() }
        let w = reopened.workspace
        #expect(w.settings.scenarios.map(\.name) == ["Revenue first 売上", "Frequency"])
        var again = WhatIf(analysis: PortfolioAnalyzer.analyze(w, asOf: tried.analysis.asOf))
        again.use(w.settings.scenarios[0].weights, name: w.settings.scenarios[0].name)
        #expect(again.scoring.scores == tried.scoring.scores && again.scoring.effectiveTiers == tried.scoring.effectiveTiers)
        // ] tries the default weights, then the saved scenarios in turn; p pins one as the
        // baseline to compare another.
        h.press(.char("]"))
        #expect(h.state.weights.whatIf?.scenarioName == "default")
        #expect(h.state.weights.whatIf?.weights == h.state.workflow?.analysis.settings.weights)
        h.press(.char("]"))
        #expect(h.state.weights.whatIf?.scenarioName == "Revenue first 売上")
        #expect(h.state.weights.whatIf?.scoring.scores == tried.scoring.scores)
        h.press(.char("p"), .char("]"))
        let cmp = try #require(h.state.weights.whatIf)
        #expect(cmp.baselineName == "Revenue first 売上" && cmp.scenarioName == "Frequency")
        #expect(cmp.baseline.scores == tried.scoring.scores)
        #expect(h.frame.contains("baseline: Revenue first 売上 · trying: Frequency"))
    }

    /// The weight prompt starts with the weight selected: `0` over 2 gives 0, `30` over 15 gives 30.
    @Test func typingAWeightReplacesThePrefilledOne() throws {
        let h = try WorkflowHarness(customers: 20)
        h.press(.char("4"))
        let c = try #require(h.state.weights.whatIf).weight(.monetary)
        h.press(.enter)
        h.type("30")
        h.press(.enter)
        #expect(h.state.weights.whatIf?.weight(.monetary) == 30 && c != 30)
        h.press(.enter)
        h.type("0")
        h.press(.enter)
        #expect(h.state.weights.whatIf?.weight(.monetary) == 0)
        // End keeps the value and appends; Up recalls the weights typed before.
        h.press(.enter, .end)
        h.type("5")
        h.press(.enter)
        #expect(h.state.weights.whatIf?.weight(.monetary) == 5)
        h.press(.enter, .up, .up, .enter)  // history: 30, 0, 05
        #expect(h.state.weights.whatIf?.weight(.monetary) == 0)
    }

    @Test func applyingAScenarioIsAnUndoableEdit() throws {
        let h = try WorkflowHarness(customers: 20)
        let before = h.workspace.settings.weights
        // A asks once, counting the accounts; any key but y cancels.
        h.press(.char("4"), .char("+"), .char("+"), .char("A"))
        #expect(h.frame.contains("Apply these weights as the workspace default?"))
        #expect(h.frame.contains("Re-scores all 20 accounts;") && h.frame.contains("u undoes it."))
        h.press(.char("n"))
        #expect(h.workspace.settings.weights == before && h.state.notice == "Cancelled: nothing changed")
        h.press(.char("A"), .char("y"))
        #expect(h.workspace.settings.weights[.monetary] == 17)
        #expect(h.journal.contains(#""type":"setWeights""#))
        // The baseline stays pinned, so the applied weights still show their Δ.
        #expect(h.state.weights.whatIf?.isChanged == true)
        h.press(.char("u"))
        #expect(h.workspace.settings.weights == before)
    }
}
