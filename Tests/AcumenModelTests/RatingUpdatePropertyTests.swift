import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
import AcumenStore

/// Ratings taken in without a full analysis (``PortfolioAnalysis/updatingRatings(_:of:in:)``)
/// give a fresh analysis bit for bit, batch after batch of random ratings, on tier settings
/// that make the place-based tier update work hard: many thin bands (edges a few places apart),
/// empty bands (edges on the same place, or at place 0), and score bands out of order; and
/// batches that carry several customers over the same edges at once.
@Suite struct RatingUpdatePropertyTests {
    static let asOf = Day(iso: "2025-01-01") ?? Day(ordinal: 0)

    /// The tier settings tried: the default shares, thin and empty shares, score bands out of order.
    static func tierVariants() -> [TierSettings] {
        var thin = TierSettings()
        thin.bands = [("Zero", 0.0), ("A", 0.01), ("B", 0.01), ("C", 0.3), ("Empty", 0.0), ("D", 0.2), ("E", 0.1), ("Rest", 1.0)]
            .map { TierSettings.Band(name: $0.0, share: $0.1, minScore: 0) }
        var score = TierSettings()
        score.mode = .score
        score.bands = [("Mid", 50.0), ("High", 80.0), ("Floor", 0.0), ("Top", 95.0)].map { TierSettings.Band(name: $0.0, share: 0.25, minScore: $0.1) }
        return [TierSettings(), thin, score]
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomRatingBatchesAreAFreshAnalysis(seed: UInt64) throws {
        var rng = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ m: Int) -> Int {
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
            return Int(rng % UInt64(max(1, m)))
        }
        for tiers in Self.tierVariants() {
            var ws = DemoGenerator(customers: 400 + Int(seed) * 37, transactionsPerCustomer: 4, seed: seed).generate()
            ws.settings.tiers = tiers
            let n = ws.customers.count
            var analysis = PortfolioAnalyzer.analyze(ws, asOf: Self.asOf)
            var pushes = 0
            for step in 0..<12 {
                // One to twelve customers, a few of them rated twice, some ratings made unknown.
                // Every fourth step: the five lowest ranked rated best on every criterion, so
                // they cross the edges together and push five neighbours over each.
                var ks = (0..<(1 + next(12))).map { _ in step % 3 == 0 ? Int(analysis.baseline.order[next(min(n, 8)) + n - min(n, 8)]) : next(n) }
                if step % 4 == 3 { ks = analysis.baseline.order.suffix(5).map(Int.init) }
                for k in ks {
                    if step % 4 == 3 {
                        for c in Criterion.rated { ws.customers[k].ratings[c] = c.defaultDirection == .lowerIsBetter ? 0 : 10 }
                        continue
                    }
                    let c = Criterion.rated[next(Criterion.rated.count)]
                    ws.customers[k].ratings[c] = next(7) == 0 ? nil : Double(next(10_001)) / 1000
                }
                let fresh = PortfolioAnalyzer.analyze(ws, asOf: Self.asOf)
                let before = analysis.baseline.tiers
                let (got, pushed) = try #require(PortfolioAnalysis.updatingRatings(analysis, of: ks, in: ws), "seed \(seed) step \(step)")
                #expect(AnalysisEquivalenceTests.fingerprint(got) == AnalysisEquivalenceTests.fingerprint(fresh), "seed \(seed) \(tiers.mode) step \(step)")
                let moved = (0..<n).filter { !ks.contains($0) && before[$0] != fresh.baseline.tiers[$0] }
                #expect(pushed == moved, "seed \(seed) \(tiers.mode) step \(step)")
                pushes += moved.count
                analysis = got
            }
            if tiers.mode == .share { #expect(pushes > 0, "seed \(seed): no rating pushed a neighbour over an edge") }
        }
    }
}
