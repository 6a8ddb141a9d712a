import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// `b` on the accounts and portfolio screens: Δ against the what-if baseline.
@Suite struct WorkflowBaselineDeltaTests {
    @Test func accountsShowDeltaColumnsThatFollowTheWeights() throws {
        let h = try WorkflowHarness(customers: 30, width: 120, height: 40)
        h.press(.char("b"))
        #expect(h.state.accounts.columns.contains(.deltaScore) && h.state.accounts.columns.contains(.deltaRank))
        #expect(h.state.table.deltaScore.allSatisfy { $0 == 0 } && h.state.table.deltaScore.count == 30)
        #expect(h.frame.contains("ΔScore") && h.frame.contains("ΔRank"))
        // Change a weight on the weights screen; the accounts' Δ follow.
        h.press(.char("4"), .char("j"), .char("j"), .char("j"), .enter, .ctrl("u"))
        h.type("40")
        h.press(.enter, .char("1"))
        let w = try #require(h.state.weights.whatIf)
        #expect((0..<30).allSatisfy { h.state.table.deltaScore[$0] == w.comparison.scoreDelta($0) && Int(h.state.table.deltaRank[$0]) == w.comparison.rankDelta($0) })
        #expect(h.state.table.deltaRank.contains { $0 != 0 })
        // Sorting by Δrank puts the biggest climber first.
        h.press(.char("1"))
        let col = try #require(h.state.accounts.columns.firstIndex(of: .deltaRank))
        for _ in 0..<col { h.press(.char("l")) }
        h.press(.char("]"))
        let top = try #require(h.state.accounts.currentRow.map(Int.init))
        h.press(.char("g"))
        #expect(Int(h.state.table.deltaRank[Int(h.state.accounts.view[0])]) == h.state.table.deltaRank.map(Int.init).max())
        _ = top
        // The portfolio shows tier-share Δ; b hides everything again.
        h.press(.char("2"))
        #expect(h.frame.contains("Δ vs default: \(w.comparison.movedUp) ↑"))
        h.press(.char("b"))
        #expect(!h.frame.contains("Δ vs default:"))
        h.press(.char("1"))
        #expect(!h.state.accounts.columns.contains(.deltaScore) && h.state.table.deltaScore.isEmpty)
    }

    /// A rating with the Δ columns on show: the list is patched, not rebuilt, and its Δ columns
    /// follow the what-if rebased on the rated analysis (the rated account's own Δ included).
    @Test func deltaColumnsFollowARating() throws {
        let h = try WorkflowHarness(customers: 30, width: 120, height: 40)
        h.press(.char("b"))
        h.press(.char("4"), .char("j"), .char("j"), .char("j"), .enter, .ctrl("u"))
        h.type("40")
        h.press(.enter, .char("1"), .char("G"), .enter)
        guard case .profile(let k) = h.state.screen else { Issue.record("no profile"); return }
        h.press(.char("r")); h.type("satisfaction 10"); h.press(.enter, .escape)
        let w = try #require(h.state.weights.whatIf)
        #expect(w.analysis.baseline.scores == h.runtime.analysis.baseline.scores)
        #expect((0..<30).allSatisfy { h.state.table.deltaScore[$0] == w.comparison.scoreDelta($0) && Int(h.state.table.deltaRank[$0]) == w.comparison.rankDelta($0) })
        #expect(h.workspace.customers[k].ratings[.satisfaction] == 10)
    }
}
