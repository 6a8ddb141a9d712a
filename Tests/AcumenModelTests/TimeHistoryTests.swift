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
        #expect(a.map(\.standing?.tier) == ["Top", "Top", "Top", "Top", "Rest", "Top", "Top", "Top"])
        #expect(a.map(\.revenue) == [100_000, 100_000, 100_000, 100_000, 0, 120_000, 120_000, 120_000])
        // D's first purchase is 2024-02-01: no standing at the four dates before it.
        let d = h.timeline(TimeFixture.index("D"))
        #expect(d.map(\.standing?.tier) == [nil, nil, nil, nil, "Top", "Top", "Top", "Top"])
        #expect(d.prefix(4).allSatisfy { $0.standing == nil && $0.revenue == 0 })
        #expect(d.last?.standing?.score == 100)
        #expect(h.timeline(99).isEmpty && h.count == 5)
    }

    /// A quarter before the account's first purchase has no standing (the profile shows "—");
    /// from the first quarter start after it, the account has one at every date, also when its
    /// window is empty again (A at 2024-04-01).
    @Test func noStandingBeforeTheFirstPurchase() {
        let h = AccountHistory(TimeFixture.workspace(), asOf: TimeFixture.later)
        // First purchases: A 2023-03-01, B 2023-06-01, C 2023-09-01, D 2024-02-01, E 2023-11-01;
        // dates 2023-04-01, 2023-07-01, 2023-10-01, 2024-01-01, … → dates without standing: 0, 1, 2, 4, 3.
        let before = ["A", "B", "C", "D", "E"].map { id in h.timeline(TimeFixture.index(id)).prefix { $0.standing == nil }.count }
        #expect(before == [0, 1, 2, 4, 3])
        for id in ["A", "B", "C", "D", "E"] {
            let t = h.timeline(TimeFixture.index(id))
            #expect(t.drop { $0.standing == nil }.allSatisfy { $0.standing != nil }, "\(id): standing once a customer")
        }
        // C (single sale 2023-09-01) keeps a standing after its window emptied: lapsed, not absent.
        #expect(h.timeline(TimeFixture.index("C")).last?.standing?.tier == "Rest")
        // A customer with no transactions at all has no standing at any date.
        var ws = TimeFixture.workspace()
        let k = ws.addCustomer(Customer(id: "F", name: "Customer F"))
        let f = AccountHistory(ws, asOf: TimeFixture.later).timeline(k)
        #expect(f.count == 8 && f.allSatisfy { $0.standing == nil && $0.revenue == 0 })
    }

    @Test func theLatestQuarterMatchesTheAnalysisAtThatDate() {
        let ws = DemoGenerator(customers: 150, seed: 9).generate()
        let asOf = ws.asOf(fallback: Day(ordinal: 20454))
        let h = AccountHistory(ws, asOf: asOf)
        let a = PortfolioAnalyzer.analyze(ws, asOf: h.dates[7])
        for k in 0..<150 {
            let p = h.timeline(k)[7]
            guard let s = p.standing else {
                #expect(a.aggregates.lifetimePurchases[k] == 0, "no standing only before the first purchase")
                continue
            }
            #expect(s.tier == a.tierNames[Int(a.baseline.effectiveTiers[k])] && s.strategy == a.strategy.effective(k))
            #expect(abs(s.score - a.baseline.scores[k]) < 1e-4)
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
