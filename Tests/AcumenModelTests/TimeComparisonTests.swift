import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// ``PortfolioComparison``: the worked example of docs/analytics.md §16 number for number, and
/// the invariants (matrices sum to the customer count, a date compared with itself is all
/// diagonal with no movers).
@Suite struct TimeComparisonTests {
    func ids(_ list: [Int32]) -> [String] { list.map { ["A", "B", "C", "D", "E"][Int($0)] } }

    @Test func workedExampleScoresRanksAndTiers() {
        let c = TimeFixture.comparison()
        // Percentile of window revenue over 5 customers: 100 · position / 4.
        #expect(c.scores.baseline.scores == [100, 75, 50, 0, 25])
        #expect(c.scores.scenario.scores == [75, 25, 0, 100, 50])
        #expect(c.scores.baseline.ranks == [1, 2, 3, 5, 4])
        #expect(c.scores.scenario.ranks == [2, 4, 5, 1, 3])
        #expect((0..<5).map(c.scoreDelta) == [-25, -50, -50, 100, 25])
        #expect((0..<5).map(c.rankDelta) == [-1, -2, -2, 4, 1])
    }

    @Test func workedExampleMigrations() {
        let c = TimeFixture.comparison()
        #expect(c.tiers.classes == ["Top", "Rest"])
        #expect(c.tiers.counts == [[1, 1], [1, 2]])
        #expect(c.tiers.cells.map { $0.map { ids($0.customers) } } == [[["A"], ["B"]], [["D"], ["C", "E"]]])
        #expect(c.tiers.cells.map { $0.map(\.earlierRevenue) } == [[100_000, 60_000], [0, 40_000]])
        #expect(c.tiers.cells.map { $0.map(\.laterRevenue) } == [[120_000, 20_000], [150_000, 40_000]])
        #expect(c.tiers.movedUp == 1 && c.tiers.movedDown == 1 && c.tiers.unchanged == 3)
        #expect(c.abc.counts == [[1, 1, 0], [0, 0, 1], [1, 1, 0]])
        #expect(c.abc.cells[2].map { ids($0.customers) } == [["D"], ["E"], []])
        #expect(c.abc.rowSums == [2, 1, 2] && c.abc.columnSums == [2, 2, 1])
        #expect(c.segments.total == 5)
    }

    @Test func workedExampleNewQuietTiersAndMovers() {
        let c = TimeFixture.comparison()
        #expect(ids(c.newCustomers) == ["D"])
        #expect(ids(c.goneQuiet) == ["C"])
        let top = c.tierChanges[0], rest = c.tierChanges[1]
        #expect(top.earlier == .init(customers: 2, revenue: 160_000, contribution: 48_000))
        #expect(top.later == .init(customers: 2, revenue: 270_000, contribution: 81_000))
        #expect(rest.earlier == .init(customers: 3, revenue: 40_000, contribution: 12_000))
        #expect(rest.later == .init(customers: 3, revenue: 60_000, contribution: 18_000))
        let up = c.movers(limit: 10, direction: .up), down = c.movers(limit: 10, direction: .down)
        #expect(up.map(\.index) == [3, 4] && up.map(\.rankDelta) == [4, 1] && up.map(\.scoreDelta) == [100, 25])
        #expect(up[0].earlierTier == "Rest" && up[0].laterTier == "Top")
        #expect(down.map(\.index) == [1, 2, 0] && down.map(\.rankDelta) == [-2, -2, -1])
        #expect(c.movers(limit: 1, direction: .either).map(\.index) == [3])
    }

    @Test func workedExampleDecisionsAgainstOutcomes() {
        let c = TimeFixture.comparison()
        let grow = c.decisions[0], maintain = c.decisions[1], nurture = c.decisions[2]
        #expect(grow.strategy == .grow && ids(grow.customers) == ["A"])
        #expect(grow.earlierRevenue == 100_000 && grow.laterRevenue == 120_000 && grow.revenueChange == 0.2)
        #expect(grow.earlierContribution == 30_000 && grow.laterContribution == 36_000)
        #expect(maintain.count == 0)  // B decided after the earlier date
        #expect(ids(nurture.customers) == ["E"] && nurture.revenueChange == 3)
        #expect(c.decisions[3].count == 0 && c.decisions[3].revenueChange == nil)
    }

    @Test func matricesSumToTheCustomerCountOnADemoPortfolio() {
        let ws = DemoGenerator(customers: 400, transactionsPerCustomer: 6, seed: 5).generate()
        let later = ws.asOf(fallback: Day(ordinal: 20454))
        let c = PortfolioComparison(earlier: PortfolioAnalyzer.analyze(ws, asOf: later.adding(months: -6)),
                                    later: PortfolioAnalyzer.analyze(ws, asOf: later))
        for m in [c.tiers, c.abc, c.segments] {
            #expect(m.total == 400)
            #expect(m.cells.flatMap { $0 }.reduce(0) { $0 + $1.count } == 400)
            #expect(Set(m.cells.flatMap { $0 }.flatMap(\.customers)).count == 400)
        }
        let e = c.earlier.summary(), l = c.later.summary()
        #expect(c.tiers.rowSums == e.tiers.map(\.customers) && c.tiers.columnSums == l.tiers.map(\.customers))
        #expect(c.abc.rowSums == e.abc.map(\.customers) && c.abc.columnSums == l.abc.map(\.customers))
        #expect(c.tiers.cells.flatMap { $0 }.reduce(0) { $0 + $1.laterRevenue } == l.revenue)
        #expect(c.tierChanges.map(\.later.contribution).reduce(0, +) == l.contribution)
    }

    @Test func aDateComparedWithItselfIsAllDiagonalWithNoMovers() {
        let ws = DemoGenerator(customers: 200, seed: 3).generate()
        let a = PortfolioAnalyzer.analyze(ws, asOf: ws.asOf(fallback: Day(ordinal: 20454)))
        let c = PortfolioComparison(earlier: a, later: a)
        for m in [c.tiers, c.abc, c.segments] {
            #expect(m.unchanged == 200 && m.movedUp == 0 && m.movedDown == 0)
        }
        #expect(c.movers(limit: 50, direction: .either).isEmpty)
        #expect(c.newCustomers.isEmpty && c.goneQuiet.isEmpty)
        #expect(c.tierChanges.allSatisfy { $0.earlier == $0.later })
    }

    @Test func bothDatesUseTheSameWeights() {
        let ws = TimeFixture.workspace()
        let weights: [Criterion: Double] = [.frequency: 1]
        let c = PortfolioComparison(earlier: PortfolioAnalyzer.analyze(ws, asOf: TimeFixture.earlier),
                                    later: PortfolioAnalyzer.analyze(ws, asOf: TimeFixture.later), weights: weights)
        #expect(c.scores.baseline.weights == weights && c.scores.scenario.weights == weights)
    }

    @Test func oneMoversRuleForWhatIfAndDates() {
        let before: [Int32] = [1, 2, 3, 4, 5], after: [Int32] = [3, 1, 2, 5, 4]
        #expect(RankMovers.select(before: before, after: after, limit: 10) == [0, 1, 2, 4, 3])
        #expect(RankMovers.select(before: before, after: after, limit: 2, direction: .up) == [1, 2])
        #expect(RankMovers.select(before: before, after: after, limit: 10, direction: .down) == [0, 3])
        #expect(RankMovers.select(before: before, after: after, limit: 0).isEmpty)
    }
}
