import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Properties that must hold on any workspace (seeded demo workspaces).
@Suite struct AnalyticsPropertyTests {
    static let seeds: [UInt64] = [1, 7, 42]

    func analysis(_ seed: UInt64, customers: Int = 400) -> (Workspace, PortfolioAnalysis) {
        let ws = DemoGenerator(customers: customers, transactionsPerCustomer: 6, seed: seed).generate()
        return (ws, PortfolioAnalyzer.analyze(ws, asOf: ws.asOf(fallback: Day(ordinal: 20454))))
    }

    @Test(arguments: seeds) func scoresInRangeAndOneSegmentAndTierEach(seed: UInt64) {
        let (_, a) = analysis(seed)
        let s = a.baseline
        #expect(s.scores.allSatisfy { $0 >= 0 && $0 <= 100 })
        #expect(s.tiers.allSatisfy { Int($0) < a.tierNames.count })
        #expect(s.cutoffs.map(\.customers).reduce(0, +) == a.count)
        #expect(a.rfm.segment.allSatisfy { Int($0) < a.rfm.segmentNames.count })
        #expect(a.summary().segments.map(\.customers).reduce(0, +) == a.count)
        #expect(Set(s.order).count == a.count && s.ranks.sorted() == (1...Int32(a.count)).map { $0 })
        for k in 0..<a.count { #expect((1...5).contains(a.rfm.r[k]) && (1...5).contains(a.rfm.f[k]) && (1...5).contains(a.rfm.m[k])) }
    }

    @Test(arguments: seeds) func scalingAllWeightsChangesNoRank(seed: UInt64) {
        let (ws, a) = analysis(seed)
        let w = ws.settings.weights
        for factor in [0.5, 3.0, 1000.0] {
            let scaled = a.rescored(weights: w.mapValues { $0 * factor })
            #expect(scaled.ranks == a.baseline.ranks, "factor \(factor)")
            #expect(scaled.tiers == a.baseline.tiers)
        }
    }

    @Test(arguments: seeds) func abcCumulativeSharesAreMonotone(seed: UInt64) {
        let (_, a) = analysis(seed)
        #expect(zip(a.abc.cumulative, a.abc.cumulative.dropFirst()).allSatisfy { $0 <= $1 })
        let classesInOrder = a.abc.order.map { a.abc.classes[Int($0)] }
        #expect(zip(classesInOrder, classesInOrder.dropFirst()).allSatisfy { $0 <= $1 })
        let curve = a.abc.paretoCurve()
        #expect(zip(curve, curve.dropFirst()).allSatisfy { $0.valueShare <= $1.valueShare && $0.customerShare < $1.customerShare })
        let shares = a.summary()
        #expect(abs(shares.tiers.map(\.revenueShare).reduce(0, +) - 1) < 1e-9)
        #expect(abs(shares.abc.map(\.customerShare).reduce(0, +) - 1) < 1e-9)
    }

    /// Everything that is reported, keyed by customer id.
    func fingerprint(_ a: PortfolioAnalysis) -> [String: String] {
        var out: [String: String] = [:]
        let s = a.baseline
        for k in 0..<a.count {
            out[a.customers[k].id] = "\(s.scores[k]) \(s.ranks[k]) \(s.tiers[k]) \(a.abc.classes[k]) \(a.rfm.code(k)) \(a.rfm.segmentName(k)) "
                + "\(a.revenue[k]) \(a.margin[k]) \(a.contribution[k]) \(a.historicalCLV[k]) \(a.strategy.effective(k)) "
                + "\(a.profile(for: k, months: 12).monthlyRevenue)"
        }
        return out
    }

    @Test(arguments: seeds) func permutingInputOrderChangesNoOutput(seed: UInt64) {
        let (ws, a) = analysis(seed, customers: 200)
        var rng = SeededGenerator(seed: seed &+ 99)
        let perm = Array(0..<ws.customers.count).shuffled(using: &rng)
        var shuffled = Workspace(settings: ws.settings, customers: perm.map { ws.customers[$0] })
        var newIndex = [Int32](repeating: 0, count: perm.count)
        for (to, from) in perm.enumerated() { newIndex[from] = Int32(to) }
        let rows = Array(0..<ws.transactions.count).shuffled(using: &rng)
        let t = ws.transactions
        for r in rows {
            shuffled.transactions.append(customer: newIndex[Int(t.customer[r])], day: Day(ordinal: t.day[r]), amount: Money(minor: t.amount[r]),
                                         margin: t.margin[r] == TransactionTable.unknownMargin ? nil : Money(minor: t.margin[r]))
        }
        let b = PortfolioAnalyzer.analyze(shuffled, asOf: a.asOf)
        #expect(fingerprint(a) == fingerprint(b))
    }

    /// The scoring pass split over several threads (as from 200,000 customers) gives exactly the
    /// one-thread result: scores, tiers, cut-offs, order and ranks.
    @Test(arguments: seeds) func scoringSplitOverThreadsEqualsOneThread(seed: UInt64) {
        let (ws, a) = analysis(seed, customers: 2_003)
        var w = ws.settings.weights
        w[.monetary] = 7
        for ranking in [true, false] {
            let one = a.engine.score(weights: w, ranking: ranking, parts: 1)
            for parts in [2, 3, 8] {
                let many = a.engine.score(weights: w, ranking: ranking, parts: parts)
                #expect(many.scores == one.scores && many.tiers == one.tiers && many.effectiveTiers == one.effectiveTiers, "\(parts) parts")
                #expect(many.cutoffs == one.cutoffs && many.order == one.order && many.ranks == one.ranks, "\(parts) parts")
            }
        }
    }

    @Test func fastAndFullRescoringAgree() {
        let (ws, a) = analysis(5)
        var w = ws.settings.weights
        w[.risk] = 40; w[.monetary] = 1
        let fast = a.rescored(weights: w, ranking: false)
        let full = a.rescored(weights: w)
        #expect(!fast.isRanked && full.isRanked)
        #expect(fast.scores == full.scores && fast.tiers == full.tiers && fast.cutoffs == full.cutoffs)
        // Share-mode tiers follow the rank exactly.
        let counts = ScoreEngine.cumulativeCounts(n: a.count, bands: a.settings.tiers.bands)
        for k in 0..<a.count {
            let rank = Int(full.ranks[k])
            #expect(Int(full.tiers[k]) == counts.firstIndex { rank <= $0 })
        }
    }

    @Test func scoreModeTiersUseBands() {
        var ws = DemoGenerator(customers: 150, seed: 3).generate()
        ws.settings.tiers.mode = .score
        let a = PortfolioAnalyzer.analyze(ws, asOf: ws.asOf(fallback: Day(ordinal: 20454)))
        let bands = ws.settings.tiers.bands
        for k in 0..<a.count {
            let expected = bands.firstIndex { a.baseline.scores[k] >= $0.minScore } ?? bands.count - 1
            #expect(Int(a.baseline.tiers[k]) == expected)
        }
    }

    @Test func gapsInTheSegmentMapFallBackToUnclassified() {
        var ws = DemoGenerator(customers: 120, seed: 2).generate()
        ws.settings.rfm.segments.removeAll { $0.segment == "Hibernating" }
        let a = PortfolioAnalyzer.analyze(ws, asOf: ws.asOf(fallback: Day(ordinal: 20454)))
        #expect(a.rfm.segmentNames.last == RFMAnalysis.unclassified && a.rfm.unmatched > 0)
        #expect(a.warnings.contains { $0.contains("does not cover") })
        #expect(a.summary().segments.map(\.customers).reduce(0, +) == a.count)
    }
}
