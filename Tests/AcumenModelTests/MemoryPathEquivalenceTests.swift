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

    @Test func historyWithAFitPerDateIsTheFullAnalyses() {
        let ws = Self.workspace(4)
        let n = ws.customers.count
        let clv: @Sendable (Day) -> CLVInputs? = { d in d.ordinal % 2 == 0 ? Self.syntheticCLV(n, seed: UInt64(d.ordinal)) : nil }
        Self.expectSameHistory(AccountHistory(ws, asOf: Self.asOf, quarters: 4, clv: clv),
                               AccountHistory.fromFullAnalyses(ws, asOf: Self.asOf, quarters: 4, clv: clv), "with fits")
        Self.expectSameHistory(AccountHistory(ws, asOf: Self.asOf, quarters: 0), AccountHistory.fromFullAnalyses(ws, asOf: Self.asOf, quarters: 0), "none")
    }
}
