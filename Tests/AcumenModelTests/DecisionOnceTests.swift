import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Each figure is decided once: the strategy and its reasons come from one decision, and a
/// criterion left out of `settings.json` takes its default weight (docs/format.md).
@Suite struct DecisionOnceTests {
    /// A cut between two 32-bit neighbours of the axis: the reasons must show the side taken.
    @Test func reasonsShowTheNumbersTheRecommendationWasDecidedOn() {
        var ws = AnalyticsFixture.workspace()
        let first = PortfolioAnalyzer.analyze(ws, asOf: AnalyticsFixture.asOf)
        // Put the value cut exactly on the first customer's value axis and just above it.
        let v = first.strategy.value[0]
        for cut in [v, v.nextUp, v.nextDown, 53.333333] {
            ws.settings.strategy.valueCut = cut
            let a = PortfolioAnalyzer.analyze(ws, asOf: AnalyticsFixture.asOf)
            for k in 0..<a.count {
                let r = a.recommendation(for: k), d = a.strategy.decision(k)
                #expect(r.recommended == a.strategy.recommendation(k))
                #expect(r.value == d.value && r.potential == d.potential)
                #expect(d.isHighValue == (d.value >= cut))
                guard !d.forcedByBreakEven, let line = r.reasons.first(where: { $0.hasPrefix("Value ") }), !line.contains("unknown") else { continue }
                #expect(line.contains(d.isHighValue ? " ≥ " : " < "), "\(line)")
            }
        }
    }

    @Test func comparedTextShowsTheSideTaken() {
        #expect(StrategyDecision.compared(53.33332, 53.333333) == ("53.33332", "53.33333"))
        #expect(StrategyDecision.compared(63.46, 50) == ("63.5", "50"))
        #expect(StrategyDecision.compared(50, 50) == ("50", "50"))
        #expect(StrategyDecision.text(-2.25, 1) == "-2.3" || StrategyDecision.text(-2.25, 1) == "-2.2")
    }

    @Test func decideCoversTheGrid() {
        let s = StrategySettings()
        #expect(StrategyDecision.decide(value: 80, potential: 60, belowBreakEven: false, s).strategy == .grow)
        #expect(StrategyDecision.decide(value: 80, potential: 40, belowBreakEven: false, s).strategy == .maintain)
        #expect(StrategyDecision.decide(value: 20, potential: 60, belowBreakEven: false, s).strategy == .nurture)
        #expect(StrategyDecision.decide(value: 20, potential: 40, belowBreakEven: false, s).strategy == .cutCost)
        let forced = StrategyDecision.decide(value: 90, potential: 69, belowBreakEven: true, s)
        #expect(forced.strategy == .cutCost && forced.forcedByBreakEven && forced.isHighValue)
    }

    @Test func aCriterionLeftOutTakesItsDefaultWeightWithAWarning() {
        let text = """
        {"schemaVersion":1,"criteria":[{"criterion":"monetary","weight":30}]}
        """
        var problems: [WorkspaceProblem] = []
        let s = WorkspaceCodec.decodeSettings(Array(text.utf8), problems: &problems)
        #expect(s.weights[.monetary] == 30)
        #expect(s.weights[.contribution] == 15)
        #expect(s.weights[.risk] == 5)
        #expect(s.criteria.count == Criterion.allCases.count)
        #expect(problems.allSatisfy { $0.severity == .warning })
        #expect(problems.count == Criterion.allCases.count - 1)
        #expect(problems.contains { $0.message.contains("\"risk\" is not listed: it takes its default weight 5") })
        // A complete list warns about nothing.
        var none: [WorkspaceProblem] = []
        _ = WorkspaceCodec.decodeSettings(WorkspaceCodec.encodeSettings(Settings()), problems: &none)
        #expect(none.isEmpty)
    }

    @Test func settingsWithoutACriterionScoreWithItsDefaultWeight() {
        var s = Settings()
        s.criteria.removeAll { $0.criterion == .contribution }
        #expect(s.weights[.contribution] == 15)
    }
}
