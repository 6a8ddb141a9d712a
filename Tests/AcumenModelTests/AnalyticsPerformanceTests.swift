import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Timing of analysis and rescoring at 100k and 1M customers. Runs only with
/// `ACUMEN_PERF=1` in a release build: `ACUMEN_PERF=1 swift test -c release --filter AnalyticsPerformance`.
@Suite(.serialized) struct AnalyticsPerformanceTests {
    static let enabled = ProcessInfo.processInfo.environment["ACUMEN_PERF"] != nil

    func seconds(_ body: () -> Void) -> Double {
        let t0 = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }

    func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

    @Test(.enabled(if: enabled), arguments: [100_000, 1_000_000])
    func analysisAndRescoringTimes(customers: Int) {
        let ws = DemoGenerator(customers: customers, transactionsPerCustomer: 10, seed: 1).generate()
        let asOf = Day(ordinal: 20454)
        var agg: CustomerAggregates?
        let tAgg = seconds { agg = CustomerAggregates(ws.transactions, customerCount: customers, asOf: asOf,
                                                      windowStart: asOf.adding(months: -12), defaultMarginRate: 0.3) }
        let tIDs = seconds { _ = IdentifierOrder(ids: ws.customers.map(\.id)) }
        let tSort = seconds { _ = SortedColumn(raw: agg.map { $0.revenue.map { Double($0) } } ?? []) }
        print("PERF \(customers): aggregates \(Int(tAgg * 1000)) ms, id order \(Int(tIDs * 1000)) ms, one percentile sort \(Int(tSort * 1000)) ms")
        var a: PortfolioAnalysis?
        let analyse = seconds { a = PortfolioAnalyzer.analyze(ws, asOf: Day(ordinal: 20454)) }
        guard let a else { return }
        var fast: [Double] = [], full: [Double] = []
        for j in 0..<7 {
            var w = ws.settings.weights
            w[.risk] = Double(j + 1) * 3  // one slider moved
            var s: Scoring?
            fast.append(seconds { s = a.rescored(weights: w, ranking: false) })
            full.append(seconds { s = a.rescored(weights: w) })
            #expect(s?.count == customers)
        }
        let line = "PERF \(customers) customers, \(ws.transactions.count) transactions: analyze \(Int(analyse * 1000)) ms; "
            + "rescore scores+tiers median \(String(format: "%.1f", median(fast) * 1000)) ms; "
            + "full re-rank median \(String(format: "%.1f", median(full) * 1000)) ms"
        print(line)
    }
}
