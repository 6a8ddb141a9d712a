import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// The scenario comparison screen: two weight sets side by side, figures from the model's
/// comparison, movers that open and come back; golden at 80×24 and 120×40.
@Suite struct ScenariosScreenTests {
    /// Weights screen with a saved scenario ("Revenue first") and a different trial on it.
    static func harness(width: Int = 80, height: Int = 24) throws -> WorkflowHarness {
        let h = try WorkflowHarness(customers: 40, width: width, height: height)
        h.press(.char("4"), .char("+"), .char("+"), .char("+"), .char("+"), .char("+"))
        h.press(.char("S")); h.type("Revenue first"); h.press(.enter)
        h.press(.char("j"), .char("j"), .char("j"), .char("+"), .char("+"), .char("+"))
        return h
    }

    @Test func comparesTwoWeightSetsWithTheModelsFigures() throws {
        let h = try Self.harness()
        h.press(.char("c"))
        #expect(h.state.stack == [.weights, .scenarios])
        let sides = h.state.scenarioSides.map(\.name)
        #expect(sides == ["default", "Revenue first", "trial"])
        var w = try #require(h.state.scenarios.comparison)
        #expect(w.baselineName == "default" && w.scenarioName == "trial")
        // The figures are the model's: a comparison of the two scorings, the one movers function.
        let m = try #require(h.state.workflow)
        let direct = ScoringComparison(baseline: m.analysis.rescored(weights: h.state.scenarioSides[0].weights),
                                       scenario: m.analysis.rescored(weights: h.state.scenarioSides[2].weights))
        #expect(w.comparison.migration == direct.migration)
        #expect(h.state.scenarios.movers == direct.movers(limit: ScenariosState.moverLimit))
        #expect(w.comparison.migration.flatMap { $0 }.reduce(0, +) == 40)
        // ] / [ change the right side, > / < the left.
        h.press(.char("["))
        w = try #require(h.state.scenarios.comparison)
        #expect(w.scenarioName == "Revenue first")
        h.press(.char(">"))
        w = try #require(h.state.scenarios.comparison)
        #expect(w.baselineName == "Revenue first" && w.comparison.movedUp == 0 && w.comparison.movedDown == 0)
        #expect(h.state.scenarios.movers.isEmpty && h.state.scenarios.cell != nil)
        #expect(h.frame.contains("Tier moves"))
        // The default is a choice on both sides: < from "Revenue first" goes back to it.
        h.press(.char("<"), .char("]"))
        w = try #require(h.state.scenarios.comparison)
        #expect(w.baselineName == "default" && w.scenarioName == "trial")
        h.press(.char("]"))
        #expect(h.state.scenarios.comparison?.scenarioName == "default")
    }

    @Test func aMoverOpensAndEscComesBackToTheSameComparison() throws {
        let h = try Self.harness()
        h.press(.char("c"), .char("j"))
        let movers = h.state.scenarios.movers
        #expect(movers.count >= 2)
        let cursor = h.state.scenarios.cursor
        h.press(.enter)
        #expect(h.state.stack == [.weights, .scenarios, .profile(movers[1])])
        h.press(.escape)
        #expect(h.state.stack == [.weights, .scenarios])
        #expect(h.state.scenarios.mover == 1 && h.state.scenarios.cursor == cursor)
        #expect(h.state.scenarios.comparison?.scenarioName == "trial")
        h.press(.escape)
        #expect(h.state.stack == [.weights])
    }

    @Test func moversAreReachableAt60x20() throws {
        let h = try Self.harness(width: 60, height: 20)
        h.press(.char("c"))
        for _ in 0..<5 { h.press(.char("j")) }
        let k = h.state.scenarios.movers[5]
        let name = TextSanitizer.sanitize(h.workspace.customers[k].name)
        #expect(h.frame.contains(String(name.prefix(8))))
    }

    @Test(arguments: WorkflowScreenTests.sizes) func golden(width: Int, height: Int) throws {
        // Weights that move accounts across tiers, so the matrix and shares are not all diagonal.
        let h = try ScenariosDrillAndEditTests.moved(width: width, height: height)
        h.press(.char("c"))
        Golden.check(h.frame, "scenarios-\(width)x\(height)")
    }
}
