import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// ``AccountHistory`` (the eight-quarter timeline) and ``DecisionGrowth`` on the worked example
/// of docs/analytics.md §16.
@Suite struct TimeHistoryTests {
    @Test func quarterEndsAreCalendarQuarterStarts() {
        #expect(AccountHistory.quarterEnds(onOrBefore: TimeFixture.day("1998-08-15"), count: 3).map(\.iso)
                == ["1998-01-01", "1998-04-01", "1998-07-01"])
        #expect(AccountHistory.quarterEnds(onOrBefore: TimeFixture.day("2025-01-01"), count: 2).map(\.iso) == ["2024-10-01", "2025-01-01"])
        #expect(AccountHistory.quarterEnds(onOrBefore: TimeFixture.day("2025-01-01"), count: 0).isEmpty)
    }

    @Test func workedExampleTimeline() {
        let h = AccountHistory(TimeFixture.workspace(), asOf: TimeFixture.later)
        #expect(h.dates.map(\.iso) == ["2023-04-01", "2023-07-01", "2023-10-01", "2024-01-01",
                                       "2024-04-01", "2024-07-01", "2024-10-01", "2025-01-01"])
        let a = h.timeline(TimeFixture.index("A"))
        #expect(a.map(\.tier) == ["Top", "Top", "Top", "Top", "Rest", "Top", "Top", "Top"])
        #expect(a.map(\.revenue) == [100_000, 100_000, 100_000, 100_000, 0, 120_000, 120_000, 120_000])
        let d = h.timeline(TimeFixture.index("D"))
        #expect(d.map(\.tier) == ["Rest", "Rest", "Rest", "Rest", "Top", "Top", "Top", "Top"])
        #expect(d.last?.score == 100)
        #expect(h.timeline(99).isEmpty && h.count == 5)
    }

    @Test func theLatestQuarterMatchesTheAnalysisAtThatDate() {
        let ws = DemoGenerator(customers: 150, seed: 9).generate()
        let asOf = ws.asOf(fallback: Day(ordinal: 20454))
        let h = AccountHistory(ws, asOf: asOf)
        let a = PortfolioAnalyzer.analyze(ws, asOf: h.dates[7])
        for k in 0..<150 {
            let p = h.timeline(k)[7]
            #expect(p.tier == a.tierNames[Int(a.baseline.effectiveTiers[k])] && p.strategy == a.strategy.effective(k))
            #expect(abs(p.score - a.baseline.scores[k]) < 1e-4)
        }
    }

    @Test func decisionGrowthMeasuredAndTooEarly() {
        let a = PortfolioAnalyzer.analyze(TimeFixture.workspace(), asOf: TimeFixture.later)
        // A decided 2023-12-15: before [2022-12-15, 2023-12-15) = 1000, after [2023-12-15, 2024-12-15) = 1200.
        let growA = DecisionGrowth(a, customer: TimeFixture.index("A"))
        #expect(growA.outcome == .measured(before: 100_000, after: 120_000) && growA.change == 0.2 && growA.grew == true)
        #expect(growA.strategy == .grow && growA.decided == TimeFixture.day("2023-12-15"))
        // B decided 2024-03-01: the after-period ends 2025-03-01, after the analysis date.
        #expect(DecisionGrowth(a, customer: TimeFixture.index("B")).outcome == .tooEarly(until: TimeFixture.day("2025-03-01")))
        // E decided 2023-10-01: nothing before, 100 after (2023-11-01); 2024-11-01 is after the period.
        let growE = DecisionGrowth(a, customer: TimeFixture.index("E"))
        #expect(growE.outcome == .measured(before: 0, after: 10_000) && growE.change == nil && growE.grew == true)
        #expect(DecisionGrowth(a, customer: TimeFixture.index("C")).outcome == .noDecision)
    }
}
