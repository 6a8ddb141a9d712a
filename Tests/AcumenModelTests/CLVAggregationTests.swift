import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
import AcumenStore

/// The radix-sorted aggregation of BG/NBD triples equals the hash-map aggregation it replaced,
/// and the parallel Gamma-Gamma terms and model values equal their one-loop forms.
@Suite struct CLVAggregationTests {
    /// The aggregation as it was: counts in a hash map, keys sorted by (x, T, t_x).
    struct Reference {
        var xs: [Int] = [], recencies: [Double] = [], ages: [Double] = []
        var xIndex: [Int32] = [], txIndex: [Int32] = [], tIndex: [Int32] = [], weight: [Double] = []

        struct Key: Hashable { var x: Int; var tx: UInt64; var t: UInt64 }

        init(x: [Int], tx: [Double], T: [Double]) {
            var counts: [Key: Int] = [:]
            for i in x.indices { counts[Key(x: x[i], tx: tx[i].bitPattern, t: T[i].bitPattern), default: 0] += 1 }
            let keys = counts.keys.sorted {
                ($0.x, Double(bitPattern: $0.t), Double(bitPattern: $0.tx)) < ($1.x, Double(bitPattern: $1.t), Double(bitPattern: $1.tx))
            }
            var xPos: [Int: Int32] = [:], txPos: [UInt64: Int32] = [:], tPos: [UInt64: Int32] = [:]
            for k in keys {
                let xi = xPos[k.x] ?? { xs.append(k.x); xPos[k.x] = Int32(xs.count - 1); return Int32(xs.count - 1) }()
                let ti = txPos[k.tx] ?? {
                    recencies.append(Double(bitPattern: k.tx)); txPos[k.tx] = Int32(recencies.count - 1); return Int32(recencies.count - 1)
                }()
                let ai = tPos[k.t] ?? { ages.append(Double(bitPattern: k.t)); tPos[k.t] = Int32(ages.count - 1); return Int32(ages.count - 1) }()
                xIndex.append(xi); txIndex.append(ti); tIndex.append(ai); weight.append(Double(counts[k] ?? 0))
            }
        }
    }

    /// Customers like a workspace's: whole days in weeks, many repeated triples.
    func sample(_ n: Int, seed: UInt64) -> (x: [Int], tx: [Double], T: [Double]) {
        var rng = ReportTestRandom(seed: seed)
        var x: [Int] = [], tx: [Double] = [], T: [Double] = []
        for _ in 0..<n {
            let age = Int(rng.next() % 700), repeats = age == 0 ? 0 : Int(rng.next() % 12)
            let last = repeats == 0 ? 0 : Int(rng.next() % UInt64(age + 1))
            x.append(repeats); tx.append(Double(last) / 7); T.append(Double(age) / 7)
        }
        return (x, tx, T)
    }

    @Test func radixAggregationEqualsTheHashMapOne() throws {
        for (n, seed) in [(0, 1), (1, 2), (50, 3), (20_000, 4), (120_000, 5), (30_000, 6), (500, 7)] as [(Int, UInt64)] {
            var (x, tx, T) = sample(n, seed: seed)
            if seed == 6 { T = T.map { $0 * 1.37 } }  // not whole days: the three-pass sort
            if seed == 7 { for k in stride(from: 0, to: n, by: 3) where x[k] == 0 { tx[k] = -0.0 } }  // −0 is its own triple
            if n > 0 { #expect((BGNBDData.packedKeys(x: x, tx: tx, T: T) != nil) == (seed < 6)) }
            let data = try BGNBDData(x: x, tx: tx, T: T)
            let ref = Reference(x: x, tx: tx, T: T)
            #expect(data.customerCount == n && data.tripleCount == ref.weight.count)
            let triples = data.weight.indices.map {
                "\(data.xs[Int(data.xIndex[$0])]) \(data.recencies[Int(data.txIndex[$0])].bitPattern) \(data.ages[Int(data.tIndex[$0])].bitPattern) \(data.weight[$0])"
            }
            let refTriples = ref.weight.indices.map {
                "\(ref.xs[Int(ref.xIndex[$0])]) \(ref.recencies[Int(ref.txIndex[$0])].bitPattern) \(ref.ages[Int(ref.tIndex[$0])].bitPattern) \(ref.weight[$0])"
            }
            if seed == 7 {
                // −0 and 0 compare equal, so the old order between such triples was unspecified.
                #expect(triples.sorted() == refTriples.sorted())
                continue
            }
            #expect(triples == refTriples)
            #expect(data.xs == ref.xs && data.recencies.map(\.bitPattern) == ref.recencies.map(\.bitPattern) && data.ages == ref.ages)
            #expect(data.xIndex == ref.xIndex && data.txIndex == ref.txIndex && data.tIndex == ref.tIndex)
            #expect(data.weight == ref.weight)
        }
    }

    @Test func gammaGammaTermsEqualTheOneLoopForm() {
        let (x, _, _) = sample(40_000, seed: 9)
        let xm = x.enumerated().map { Double($0.element) * (10 + Double($0.offset % 97) * 1.37) }
        let terms = GammaGammaTerms(x: x, xm: xm)
        let (p, q, g) = (1.2074, 1.2635, 129.7671)
        terms.fill(p: p, q: q, g: g)
        for i in x.indices {
            let px = p * Double(x[i])
            #expect(terms.logD[i].bitPattern == log(g + xm[i]).bitPattern)
            #expect(terms.ratio[i].bitPattern == ((px + q) / (g + xm[i])).bitPattern)
        }
    }

    @Test func modelValuesDoNotDependOnTheChunks() throws {
        let w = DemoGenerator(customers: 20_000, transactionsPerCustomer: 3, seed: 5).generate()
        let end = Day(year: 2025, month: 12, day: 31) ?? Day(ordinal: 0)
        let fitted = CLVAnalysis.fit(workspace: w, asOf: end)
        let summary = CLVSummary(transactions: w.transactions, customerCount: w.customers.count, calibrationEnd: end,
                                 unit: .weeks, defaultMarginRate: w.settings.defaultMarginRate,
                                 trailingFrom: end.adding(months: -w.settings.clv.horizonMonths))
        #expect(fitted.source.filter { $0 == .model }.count > 15_000)
        // Valued again in seven chunks over the values of one chunk: nothing may change.
        var again = fitted
        CLVAnalysis.fillModelValues(&again, summary: summary, cohort: summary.cohort, chunks: 7)
        #expect(again.pAlive.map(\.bitPattern) == fitted.pAlive.map(\.bitPattern))
        #expect(again.predictedCLV.map(\.bitPattern) == fitted.predictedCLV.map(\.bitPattern))
        #expect(again.expectedPurchases.map(\.bitPattern) == fitted.expectedPurchases.map(\.bitPattern))
        #expect(again.expectedSpend.map(\.bitPattern) == fitted.expectedSpend.map(\.bitPattern))
        #expect(again.source == fitted.source)
    }
}
