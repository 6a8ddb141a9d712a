import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The lighter paths of issue 16's memory work give the figures of the full analysis, bit for
/// bit: ``PortfolioAnalysis/withLifetimeValue(_:customers:)`` against a fresh
/// ``PortfolioAnalyzer/analyze(_:asOf:clv:)`` with the same inputs, and the eight-quarter
/// ``AccountHistory`` (``QuarterStandings``) against one built from full analyses per date — on
/// the awkward workspaces and settings variants of ``AnalysisEquivalenceTests``, both tier modes.
@Suite struct MemoryPathEquivalenceTests {
    static let asOf = Day(iso: "2025-01-01") ?? Day(ordinal: 0)

    /// The equivalence cases' workspace `j`, in tier mode `mode`.
    static func workspace(_ j: Int, mode: TierSettings.Mode = .share) -> Workspace {
        let c = AnalysisEquivalenceTests.cases[j]
        var ws = AnalysisEquivalenceTests.workspace(customers: c.n, seed: c.seed, extreme: c.extreme, dateOrdered: c.dateOrdered)
        ws.settings = AnalysisEquivalenceTests.settings(c.variant, ws.settings)
        ws.settings.tiers.mode = mode
        if ws.settings.setting(for: .pAlive) != nil, let j = ws.settings.criteria.firstIndex(where: { $0.criterion == .pAlive }) {
            ws.settings.criteria[j].weight = 4  // P(alive) weighs 0 by default: make it count
        }
        return ws
    }

    /// Lifetime-value inputs with unknowns, ties and extremes (not a fit: any values must work).
    static func syntheticCLV(_ n: Int, seed: UInt64) -> CLVInputs {
        var rng = seed | 1
        func next(_ m: Int) -> Int {
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
            return Int(rng % UInt64(m))
        }
        var clv = [Double](repeating: .nan, count: n), alive = clv
        for k in 0..<n {
            switch next(6) {
            case 0: break
            case 1: clv[k] = 250; alive[k] = 0.5
            case 2: clv[k] = -Double(next(10_000)) / 7
            default: clv[k] = Double(next(1_000_000)) / 3; alive[k] = Double(next(1001)) / 1000
            }
        }
        return CLVInputs(predictedCLV: clv, pAlive: alive)
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7])
    func adoptingAFitIsAFreshAnalysisWithIt(_ j: Int) {
        for mode in TierSettings.Mode.allCases {
            let ws = Self.workspace(j, mode: mode)
            let n = ws.customers.count
            let fitted = CLVInputs(PortfolioAnalyzer.fitLifetimeValue(ws, asOf: Self.asOf))
            let base = PortfolioAnalyzer.analyze(ws, asOf: Self.asOf)
            for clv in [fitted, Self.syntheticCLV(n, seed: UInt64(j) + 7)] {
                let fresh = PortfolioAnalyzer.analyze(ws, asOf: Self.asOf, clv: clv)
                let updated = base.withLifetimeValue(clv, customers: ws.customers)
                #expect(AnalysisEquivalenceTests.fingerprint(updated) == AnalysisEquivalenceTests.fingerprint(fresh), "case \(j) \(mode)")
                #expect(updated.clv == fresh.clv)
                // The fit changes figures (the comparison is not vacuous).
                if n > 100 { #expect(AnalysisEquivalenceTests.fingerprint(fresh) != AnalysisEquivalenceTests.fingerprint(base)) }
                // And back: a fit replaced by another, or dropped.
                let other = Self.syntheticCLV(n, seed: UInt64(j) + 99)
                #expect(AnalysisEquivalenceTests.fingerprint(updated.withLifetimeValue(other))
                        == AnalysisEquivalenceTests.fingerprint(PortfolioAnalyzer.analyze(ws, asOf: Self.asOf, clv: other)))
                let dropped = updated.withLifetimeValue(nil)
                #expect(AnalysisEquivalenceTests.fingerprint(dropped) == AnalysisEquivalenceTests.fingerprint(base) && dropped.clv == nil)
            }
            // Inputs not indexed like the customers count as no fit, as in `analyze`.
            let short = CLVInputs(predictedCLV: [1], pAlive: [0.5])
            #expect(AnalysisEquivalenceTests.fingerprint(base.withLifetimeValue(n == 1 ? nil : short))
                    == AnalysisEquivalenceTests.fingerprint(base))
        }
    }

    /// The history's columns equal those of full analyses at every date.
    static func expectSameHistory(_ got: AccountHistory, _ want: AccountHistory, _ label: String) {
        #expect(got.dates == want.dates, "\(label)")
        #expect(got.tierNames == want.tierNames, "\(label)")
        #expect(got.tiers == want.tiers, "\(label)")
        #expect(got.scores.map { $0.map(\.bitPattern) } == want.scores.map { $0.map(\.bitPattern) }, "\(label)")
        #expect(got.strategies == want.strategies, "\(label)")
        #expect(got.revenue == want.revenue, "\(label)")
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7])
    func historyIsTheFullAnalysesAtEveryDate(_ j: Int) {
        for mode in TierSettings.Mode.allCases {
            let ws = Self.workspace(j, mode: mode)
            Self.expectSameHistory(AccountHistory(ws, asOf: Self.asOf), AccountHistory.fromFullAnalyses(ws, asOf: Self.asOf), "case \(j) \(mode)")
        }
    }

    @Test func revenueKeptNarrowWhenItFitsAndExactEitherWay() {
        let small: [Int64] = [0, -5, Int64(Int32.max), Int64(Int32.min), 1_234_567]
        let big = small + [Int64(Int32.max) + 1]
        let narrow = AccountHistory.Amounts(small), wide = AccountHistory.Amounts(big)
        if case .narrow = narrow {} else { Issue.record("expected the narrow storage") }
        if case .wide = wide {} else { Issue.record("expected the wide storage") }
        #expect(small.indices.map { narrow[$0] } == small && big.indices.map { wide[$0] } == big)
        // The history's revenue is the analysis' at that date, also with money near the Int64 limits.
        let ws = Self.workspace(3)
        let h = AccountHistory(ws, asOf: Self.asOf, quarters: 2)
        for (i, d) in h.dates.enumerated() {
            let a = PortfolioAnalyzer.analyze(ws, asOf: d)
            #expect(a.revenue.indices.map { h.revenue[i][$0] } == a.revenue)
        }
    }

    @Test func historyWithAFitPerDateIsTheFullAnalyses() {
        let ws = Self.workspace(4)
        let n = ws.customers.count
        let clv: @Sendable (Day) -> CLVInputs? = { d in d.ordinal % 2 == 0 ? Self.syntheticCLV(n, seed: UInt64(d.ordinal)) : nil }
        Self.expectSameHistory(AccountHistory(ws, asOf: Self.asOf, quarters: 4, clv: clv),
                               AccountHistory.fromFullAnalyses(ws, asOf: Self.asOf, quarters: 4, clv: clv), "with fits")
        Self.expectSameHistory(AccountHistory(ws, asOf: Self.asOf, quarters: 0), AccountHistory.fromFullAnalyses(ws, asOf: Self.asOf, quarters: 0), "none")
    }

    @Test func theHistoryHandsBackBetweenEveryTwoDatesAndItsFiguresStay() {
        let ws = Self.workspace(2)
        final class Count: @unchecked Sendable { var calls = 0 }
        let count = Count()
        let trimmed = AccountHistory(ws, asOf: Self.asOf, quarters: 3, betweenDates: { count.calls += 1 })
        #expect(count.calls == trimmed.dates.count && trimmed.dates.count == 3)
        Self.expectSameHistory(trimmed, AccountHistory(ws, asOf: Self.asOf, quarters: 3), "with betweenDates")
    }
}

/// The reference history of the equality tests above.
extension AccountHistory {
    /// The history built from full analyses, one per date (the reference ``init(_:asOf:quarters:clv:betweenDates:)``
    /// is tested against).
    static func fromFullAnalyses(_ workspace: Workspace, asOf: Day, quarters: Int = 8, clv: (@Sendable (Day) -> CLVInputs?)? = nil) -> AccountHistory {
        let dates = Self.quarterEnds(onOrBefore: asOf, count: quarters)
        var t: [[UInt8]] = [], s: [[Float]] = [], g: [[UInt8]] = [], r: [Amounts] = []
        var names: [String] = []
        for d in dates {
            let a = PortfolioAnalyzer.analyze(workspace, asOf: d, clv: clv?(d))
            names = a.tierNames
            t.append(zip(a.baseline.effectiveTiers, a.aggregates.lifetimePurchases).map { tier, bought in bought > 0 ? tier : Self.noStanding })
            s.append(a.baseline.scores.map { Float($0) })
            g.append((0..<a.count).map { StrategyAnalysis.index(a.strategy.effective($0)) })
            r.append(Amounts(a.revenue))
        }
        return AccountHistory(dates: dates, tierNames: names, tiers: t, scores: s, strategies: g, revenue: r)
    }
}
