import Testing
@testable import AcumenAnalytics
@testable import AcumenCore

/// The two ways the workbench takes in an edit that changes figures without a full analysis
/// give the full analysis' figures bit for bit: a re-analysis keeping the transaction pass
/// (``PortfolioAnalyzer/reanalyze(_:asOf:clv:keeping:)``) after ratings, costs to serve,
/// overrides and weights changed, and the override patch
/// (``PortfolioAnalysis/updatingOverrides(of:in:)``) — on the awkward workspaces and settings
/// variants of ``AnalysisEquivalenceTests``, both tier modes.
@Suite struct AnalysisUpdateTests {
    static let asOf = MemoryPathEquivalenceTests.asOf
    static let at = Timestamp(seconds: 0)

    /// `ws` after edits of every kind that change figures, on a spread of customers.
    static func edited(_ ws: Workspace, seed: Int) -> Workspace {
        var ws = ws
        let n = ws.customers.count
        let bands = ws.settings.tiers.bands.map(\.name)
        for (i, k) in stride(from: seed % max(1, n), to: n, by: max(1, n / 9)).enumerated() {
            switch i % 5 {
            case 0: ws.customers[k].ratings[.satisfaction] = Double((i * 3) % 11)
            case 1: ws.customers[k].ratings[.risk] = nil
            case 2: ws.customers[k].costToServe = Money(minor: Int64(i) * 123_457)
            case 3: ws.customers[k].tierOverride = bands.isEmpty ? nil : Override(value: bands[i % bands.count], reason: "r", author: "a", at: at)
            default: ws.customers[k].strategyOverride = Override(value: "nurture", reason: "r", author: "a", at: at)
            }
        }
        ws.settings.weights[.satisfaction] = 17
        return ws
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7])
    func aReanalysisKeepingTheScanIsAFreshAnalysis(_ j: Int) {
        for mode in TierSettings.Mode.allCases {
            let ws = MemoryPathEquivalenceTests.workspace(j, mode: mode)
            let base = PortfolioAnalyzer.analyze(ws, asOf: Self.asOf)
            let after = Self.edited(ws, seed: j)
            let clv = MemoryPathEquivalenceTests.syntheticCLV(ws.customers.count, seed: UInt64(j) + 3)
            for fit in [nil, clv] {
                let fresh = PortfolioAnalyzer.analyze(after, asOf: Self.asOf, clv: fit)
                let kept = PortfolioAnalyzer.reanalyze(after, asOf: Self.asOf, clv: fit, keeping: base.scan)
                #expect(AnalysisEquivalenceTests.fingerprint(kept) == AnalysisEquivalenceTests.fingerprint(fresh), "case \(j) \(mode)")
                #expect(kept.engine.tierOverride == fresh.engine.tierOverride)
                // The edits change figures (the comparison is not vacuous).
                if ws.customers.count > 50 { #expect(AnalysisEquivalenceTests.fingerprint(fresh) != AnalysisEquivalenceTests.fingerprint(base)) }
            }
            // A scan of another date, window or default margin is not used: a full analysis follows.
            var other = after
            other.settings.defaultMarginRate += 0.05
            #expect(!base.scan.fits(other, asOf: Self.asOf) && !base.scan.fits(after, asOf: Self.asOf.adding(days: -30)))
            #expect(AnalysisEquivalenceTests.fingerprint(PortfolioAnalyzer.reanalyze(other, asOf: Self.asOf, keeping: base.scan))
                    == AnalysisEquivalenceTests.fingerprint(PortfolioAnalyzer.analyze(other, asOf: Self.asOf)))
        }
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7])
    func anOverridePatchIsAFreshAnalysis(_ j: Int) throws {
        for mode in TierSettings.Mode.allCases {
            let ws = MemoryPathEquivalenceTests.workspace(j, mode: mode)
            let base = PortfolioAnalyzer.analyze(ws, asOf: Self.asOf)
            let n = ws.customers.count
            let bands = ws.settings.tiers.bands.map(\.name)
            // Overrides set, changed and cleared on customers whose overrides are all valid.
            let valid = (0..<n).filter { k in !base.warnings.contains { $0.hasPrefix("customer \(ws.customers[k].id): ") } }
            let ks = Array(valid.prefix(6))
            var after = ws
            for (i, k) in ks.enumerated() {
                after.customers[k].tierOverride = i % 3 == 2 || bands.isEmpty ? nil : Override(value: bands[i % bands.count], reason: "r", author: "a", at: Self.at)
                after.customers[k].strategyOverride = i % 2 == 1 ? nil : Override(value: ["grow", "Cut cost", "maintain"][i % 3], reason: "r", author: "a", at: Self.at)
            }
            let patched = try #require(base.updatingOverrides(of: ks, in: after), "case \(j) \(mode)")
            let fresh = PortfolioAnalyzer.analyze(after, asOf: Self.asOf)
            #expect(AnalysisEquivalenceTests.fingerprint(patched) == AnalysisEquivalenceTests.fingerprint(fresh), "case \(j) \(mode)")
            #expect(patched.engine.tierOverride == fresh.engine.tierOverride)
            // What-if rescoring uses the patched overrides too.
            var weights = after.settings.weights
            weights[.monetary] = 3
            #expect(patched.rescored(weights: weights).effectiveTiers == fresh.rescored(weights: weights).effectiveTiers)
            // An override naming nothing changes the warnings: only a full analysis is right.
            if let k = ks.first {
                var bad = after
                bad.customers[k].strategyOverride = Override(value: "nothing", reason: "r", author: "a", at: Self.at)
                #expect(base.updatingOverrides(of: [k], in: bad) == nil)
            }
            // Customers whose old override named nothing (a warning names them) are not patched.
            if let k = (0..<n).first(where: { k in base.warnings.contains { $0.hasPrefix("customer \(ws.customers[k].id): ") } }) {
                var cleared = ws
                cleared.customers[k].tierOverride = nil
                cleared.customers[k].strategyOverride = nil
                #expect(base.updatingOverrides(of: [k], in: cleared) == nil)
            }
        }
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7])
    func aRatingPatchIsAFreshAnalysis(_ j: Int) throws {
        var pushes = 0, scaledCases = 0
        for mode in TierSettings.Mode.allCases {
            let ws = MemoryPathEquivalenceTests.workspace(j, mode: mode)
            let n = ws.customers.count
            let scaled = Criterion.rated.allSatisfy { CriterionMatrix.setting($0, ws.settings).normalisation == .scale }
            for clv in [nil, MemoryPathEquivalenceTests.syntheticCLV(n, seed: UInt64(j) + 5)] {
                var current = ws
                var analysis = PortfolioAnalyzer.analyze(ws, asOf: Self.asOf, clv: clv)
                // One customer at a time, as the profile rates, then three at once; values on and
                // off the thousandths grid, made unknown, at the ends of the scale.
                // The last: the lowest ranked rated best on every criterion and the best worst
                // (each crosses every tier edge, pushing a neighbour over each).
                let steps: [[(Int, Criterion, Double?)]] = [
                    [(0, .satisfaction, 10)], [(n / 2, .risk, nil)], [(n - 1, .innovation, 3.14159)],
                    [(0, .satisfaction, 0), (n / 3, .cultureFit, 7.25), (n / 4, .stickiness, nil)], [],
                ]
                for var edits in steps {
                    if edits.isEmpty, let last = analysis.baseline.order.last, let first = analysis.baseline.order.first {
                        edits = Criterion.rated.flatMap { c in
                            let best = CriterionMatrix.setting(c, current.settings).direction == .lowerIsBetter ? 0.0 : 10
                            return [(Int(last), c, best), (Int(first), c, 10 - best)]
                        }
                    }
                    for (k, c, v) in edits { current.customers[k].ratings[c] = v }
                    let fresh = PortfolioAnalyzer.analyze(current, asOf: Self.asOf, clv: clv)
                    let ks = edits.map(\.0)
                    let patched = PortfolioAnalysis.updatingRatings(analysis, of: ks, in: current)
                    guard scaled else { #expect(patched == nil && !analysis.canUpdateRatings(of: ks, in: current)); break }
                    let (got, pushed) = try #require(patched, "case \(j) \(mode)")
                    #expect(AnalysisEquivalenceTests.fingerprint(got) == AnalysisEquivalenceTests.fingerprint(fresh), "case \(j) \(mode) \(ks)")
                    // Exactly the others whose computed tier moved are named.
                    let moved = (0..<n).filter { !ks.contains($0) && analysis.baseline.tiers[$0] != fresh.baseline.tiers[$0] }
                    #expect(pushed == moved, "case \(j) \(mode)")
                    pushes += moved.count
                    scaledCases += 1
                    // The what-if starts from the patched baseline as from a fresh one.
                    var weights = current.settings.weights
                    weights[.satisfaction] = 9
                    #expect(got.engine.score(weights: weights, from: got.baseline).scores == fresh.engine.score(weights: weights, from: fresh.baseline).scores)
                    analysis = got
                }
            }
        }
        // Share mode on more than a handful of customers: some rating pushed a neighbour over an edge.
        if scaledCases > 0, MemoryPathEquivalenceTests.workspace(j).customers.count > 100 { #expect(pushes > 0, "case \(j)") }
        // More customers than a patch moves, or other settings: nil (the caller re-analyses).
        let ws = MemoryPathEquivalenceTests.workspace(0)
        let a = PortfolioAnalyzer.analyze(ws, asOf: Self.asOf)
        #expect(!a.canUpdateRatings(of: Array(0..<min(65, ws.customers.count)), in: ws) || ws.customers.count < 65)
        var other = ws
        other.settings.weights[.risk] = 1
        #expect(!a.canUpdateRatings(of: [0], in: other) && PortfolioAnalysis.updatingRatings(a, of: [0], in: other) == nil)
    }

    /// The customers whose override names nothing are known by position whatever their ids
    /// hold (`: ` included), so an override patch never hides a warning a fresh analysis gives.
    @Test func customersWithIgnoredOverridesAreKnownWhateverTheirIds() throws {
        var ws = MemoryPathEquivalenceTests.workspace(1)
        ws.customers[3].id = "a: b"
        ws.customers[3].tierOverride = Override(value: "No such tier", reason: "r", author: "a", at: Self.at)
        ws.customers[4].id = "a"
        let base = PortfolioAnalyzer.analyze(ws, asOf: Self.asOf)
        let bands = ws.settings.tiers.bands.isEmpty ? ["All"] : ws.settings.tiers.bands.map(\.name)
        let naming = (0..<ws.customers.count).filter { k in
            let c = ws.customers[k]
            return c.tierOverride.map { !bands.contains($0.value) } == true
                || c.strategyOverride.map { PortfolioAnalyzer.strategy(named: $0.value) == nil } == true
        }
        #expect(base.ignoredOverrides == Set(naming) && base.ignoredOverrides.contains(3) && !base.ignoredOverrides.contains(4))
        var after = ws
        after.customers[3].tierOverride = nil
        #expect(base.updatingOverrides(of: [3], in: after) == nil)
        // The fresh analysis lost the warning: only a full one gets that right.
        #expect(PortfolioAnalyzer.analyze(after, asOf: Self.asOf).warnings.count == base.warnings.count - 1)
    }
}
