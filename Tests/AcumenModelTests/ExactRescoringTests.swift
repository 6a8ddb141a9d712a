import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// A weight change updates the exact weighted sums column by column, and the what-if's ranking
/// sorts the rank keys the key already made: both must give exactly what a full rescore gives —
/// scores, tiers, effective tiers, cut-offs, order, ranks — for any sequence of weight changes,
/// with ties, unknown ratings and tier overrides.
@Suite struct ExactRescoringTests {
    /// A demo workspace with some ratings unknown and some tiers overridden.
    func analysis(_ seed: UInt64, customers: Int = 700) -> PortfolioAnalysis {
        var ws = DemoGenerator(customers: customers, transactionsPerCustomer: 5, seed: seed).generate()
        let names = ws.settings.tiers.bands.map(\.name)
        var g = SeededGenerator(seed: seed)
        for k in ws.customers.indices {
            if Int.random(in: 0..<5, using: &g) == 0 { ws.customers[k].ratings[.satisfaction] = nil }
            if Int.random(in: 0..<7, using: &g) == 0 { ws.customers[k].ratings[.risk] = nil }
            if Int.random(in: 0..<40, using: &g) == 0, let t = names.randomElement(using: &g) {
                ws.customers[k].tierOverride = Override(value: t, reason: "test", author: "t", at: Timestamp(seconds: 0))
            }
        }
        return PortfolioAnalyzer.analyze(ws, asOf: ws.asOf(fallback: Day(ordinal: 20454)))
    }

    func expectSame(_ a: Scoring, _ b: Scoring, _ note: String) {
        #expect(a.scores == b.scores, "scores \(note)")
        #expect(a.tiers == b.tiers && a.effectiveTiers == b.effectiveTiers, "tiers \(note)")
        #expect(a.cutoffs == b.cutoffs, "cut-offs \(note)")
        #expect(a.order == b.order && a.ranks == b.ranks, "ranks \(note)")
    }

    @Test(arguments: [UInt64(3), 8, 21]) func randomWeightSequencesUpdateExactly(seed: UInt64) {
        let a = analysis(seed)
        a.engine.warmExactness()
        var g = SeededGenerator(seed: seed &+ 99)
        var weights = a.settings.weights
        var previous = a.baseline
        var updates = 0
        for step in 0..<60 {
            let c = Criterion.allCases.randomElement(using: &g) ?? .monetary
            let old = weights[c] ?? 0
            switch Int.random(in: 0..<6, using: &g) {
            case 0: weights[c] = 0
            case 1: weights[c] = Double(Int.random(in: 0...100, using: &g))
            case 2: weights[c] = old + 1
            case 3: weights[.monetary] = Double(Int.random(in: 0...30, using: &g)); weights[c] = max(0, old - 1)
            default: weights[c] = max(0, old + (Bool.random(using: &g) ? 1 : -1))
            }
            let ranking = step % 3 == 0
            if a.engine.update(from: previous, to: weights) != nil { updates += 1 }
            let next = a.engine.score(weights: weights, ranking: ranking, from: previous)
            let full = a.engine.score(weights: weights, ranking: ranking, parts: 1)
            expectSame(next, full, "step \(step)")
            #expect(!next.sums.isEmpty || !a.engine.isExact([weights]), "exact sums kept, step \(step)")
            #expect(a.engine.ranked(next).ranks == a.engine.score(weights: weights, ranking: true, parts: 1).ranks, "step \(step)")
            previous = next
        }
        #expect(updates > 30)
    }

    @Test func updatesSplitOverThreadsEqualOneThread() {
        let a = analysis(5, customers: 2_003)
        a.engine.warmExactness()
        var w = a.settings.weights
        let first = a.engine.score(weights: w, ranking: false, parts: 1)
        w[.satisfaction] = (w[.satisfaction] ?? 0) + 7
        for parts in [1, 2, 3, 8] {
            #expect(a.engine.update(from: first, to: w) != nil)
            expectSame(a.engine.score(weights: w, ranking: true, parts: parts, from: first),
                       a.engine.score(weights: w, ranking: true, parts: 1), "\(parts) parts")
        }
    }

    @Test func tiesKeepTheIdentifierOrder() {
        let a = analysis(11)
        a.engine.warmExactness()
        // Two integer ratings only: a few distinct scores, hundreds of ties each.
        let w: [Criterion: Double] = [.satisfaction: 3, .stickiness: 2]
        let start = a.engine.score(weights: [.satisfaction: 3, .stickiness: 1], ranking: false)
        let updated = a.engine.score(weights: w, ranking: true, from: start)
        #expect(a.engine.update(from: start, to: w) != nil)
        expectSame(updated, a.engine.score(weights: w, ranking: true, parts: 1), "ties")
        #expect(Set(updated.scores).count < a.count / 10)
        for p in 1..<a.count {
            let x = Int(updated.order[p - 1]), y = Int(updated.order[p])
            #expect(updated.scores[x] > updated.scores[y] || updated.scores[x] == updated.scores[y] && a.customers[x].id.utf8.lexicographicallyPrecedes(a.customers[y].id.utf8))
        }
    }

    @Test func inexactWeightsFallBackToTheFullPass() {
        let a = analysis(4)
        a.engine.warmExactness()
        var w = a.settings.weights
        let start = a.engine.score(weights: w, ranking: false)
        w[.risk] = 0.1  // not a multiple of any 2⁻ᴿ: the sums may round
        #expect(!a.engine.isExact([w]) && a.engine.update(from: start, to: w) == nil)
        let next = a.engine.score(weights: w, ranking: false, from: start)
        #expect(next.sums.isEmpty)
        expectSame(next, a.engine.score(weights: w, ranking: false, parts: 1), "0.1")
        // Five columns changed at once: the full pass is as cheap.
        var many = a.settings.weights
        for c in Criterion.allCases.prefix(5) { many[c] = (many[c] ?? 0) + 1 }
        #expect(a.engine.update(from: start, to: many) == nil)
    }

    @Test func exactSumsDoNotDependOnTheOrder() {
        let a = analysis(6)
        a.engine.warmExactness()
        let w = a.settings.weights
        #expect(a.engine.isExact([w]))
        let s = a.engine.score(weights: w, ranking: false)
        let n = a.count, m = a.matrix
        for k in 0..<n {
            var reversed = 0.0
            for c in Criterion.allCases.reversed() { reversed += ScoreEngine.effective(w[c]) * Double(m.values[CriterionMatrix.row(of: c) * n + k]) }
            #expect(reversed == s.sums[k])
        }
    }

    @Test func fractionBitsOfValuesAndWeights() {
        let values: [Float] = [0, 0.5, 3, 100, 0.75]
        #expect(values.withUnsafeBufferPointer { ScoreEngine.ColumnFacts.facts($0) } == (2, 100))
        let tiny: [Float] = [Float.leastNonzeroMagnitude, 1]
        #expect(tiny.withUnsafeBufferPointer { ScoreEngine.ColumnFacts.facts($0) }.bits == 149)
        let bad: [Float] = [1, .nan]
        #expect(bad.withUnsafeBufferPointer { ScoreEngine.ColumnFacts.facts($0) }.bits == .max)
        #expect(ScoreEngine.fractionBits(3) == 0 && ScoreEngine.fractionBits(0.25) == 2 && ScoreEngine.fractionBits(1024) == 0)
        #expect(ScoreEngine.fractionBits(0.1) > 50 && ScoreEngine.fractionBits(.infinity) == .max)
    }

    @Test func aCancelledRankingStopsAndAnUncancelledOneEqualsTheFullRank() {
        let a = analysis(9)
        var w = a.settings.weights
        w[.tenure] = 40
        let unranked = a.engine.score(weights: w, ranking: false)
        #expect(a.engine.ranked(unranked, isCancelled: { true }) == nil)
        let ranked = a.engine.ranked(unranked, isCancelled: { false })
        #expect(ranked?.keys.isEmpty == true)
        #expect(ranked.map { $0.order == a.rescored(weights: w).order && $0.ranks == a.rescored(weights: w).ranks } == true)
    }

    @Test func keptMoversArePrefixesOfTheFullList() {
        let a = analysis(2)
        var whatIf = WhatIf(analysis: a)
        whatIf.setWeight(.tenure, 60, ranking: false)
        whatIf.setWeight(.frequency, 0, ranking: false)
        #expect(!whatIf.isRanked)
        let ranked = whatIf.ranking()
        #expect(ranked.map { whatIf.ranked($0) } == true)
        let reference = ScoringComparison(baseline: whatIf.baseline, scenario: a.rescored(weights: whatIf.weights))
        #expect(whatIf.comparison.migration == reference.migration)
        #expect(whatIf.comparison.movedUp == reference.movedUp && whatIf.comparison.movedDown == reference.movedDown)
        for limit in [0, 1, 10, 50, WhatIf.keptMovers, WhatIf.keptMovers + 1, a.count] {
            #expect(whatIf.movers(limit: limit) == reference.movers(limit: limit), "limit \(limit)")
        }
    }

    /// `+` then `-` returns to the baseline's weights: the baseline's figures stay, and it keeps
    /// the exact sums the update computed, so the next key from it is an update too.
    @Test func backAtTheBaselineTheSumsAreKept() {
        let a = analysis(12)
        a.engine.warmExactness()
        var w = WhatIf(analysis: a)
        let t = w.weight(.tenure)
        w.setWeight(.tenure, t + 1, ranking: false)
        #expect(!w.scoring.sums.isEmpty)
        w.setWeight(.tenure, t, ranking: false)
        #expect(!w.isChanged && w.isRanked && !w.baseline.sums.isEmpty)
        expectSame(w.baseline, a.baseline, "baseline")
        expectSame(w.scoring, a.baseline, "scenario")
        #expect(w.baseline.sums == a.engine.score(weights: a.settings.weights, ranking: false).sums)
        var next = a.settings.weights
        next[.tenure] = t + 2
        #expect(a.engine.update(from: w.scoring, to: next) != nil)
    }
}
