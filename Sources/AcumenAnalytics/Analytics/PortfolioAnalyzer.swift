import AcumenCore
/// Builds a ``PortfolioAnalysis`` from a workspace as of an explicit day.
public enum PortfolioAnalyzer {
    /// Analyses every customer of `workspace` as of `asOf` (transactions on or after it are ignored).
    /// - Parameters:
    ///   - clv: predicted CLV and P(alive) from the CLV model, indexed like the customers; nil
    ///     when there is no fit (those criteria are then unknown for everybody).
    /// - Complexity: O(transactions + customers · criteria); about one radix sort per
    ///   percentile criterion.
    public static func analyze(_ workspace: Workspace, asOf: Day, clv: CLVInputs? = nil) -> PortfolioAnalysis {
        let s = workspace.settings
        let customers = workspace.customers
        let n = customers.count
        let clv = clv.flatMap { $0.predictedCLV.count == n && $0.pAlive.count == n ? $0 : nil }
        let windowStart = asOf.adding(months: -s.windowMonths)
        // Aggregating transactions and ordering ids are independent: run them side by side.
        let (agg, ids) = Parallel.pair({
            CustomerAggregates(workspace.transactions, customerCount: n, asOf: asOf, windowStart: windowStart,
                               defaultMarginRate: s.defaultMarginRate)
        }, { IdentifierOrder(ids: customers.map(\.id)) })
        var cost = [Int64](repeating: 0, count: n), contribution = cost, historical = cost
        for k in 0..<n {
            let annual = customers[k].costToServe.minor
            cost[k] = prorate(annual, Int64(s.windowMonths), 12)
            contribution[k] = agg.margin[k] &- cost[k]
            let tenure = Int64(MeasuredCriteria.tenureDays(agg, k, asOf: asOf))
            historical[k] = agg.lifetimeMargin[k] &- prorate(annual, tenure, 365)
        }
        var columns: [Criterion: [Double]] = [:]
        for c in Criterion.measured { columns[c] = MeasuredCriteria.column(c, agg, contribution: contribution, asOf: asOf, clv: clv) }
        var rated = [[Double]](repeating: [Double](repeating: .nan, count: n), count: Criterion.rated.count)
        for k in 0..<n where !customers[k].ratings.isEmpty {
            let r = customers[k].ratings
            for j in 0..<rated.count { if let v = r.value(atRatedIndex: j) { rated[j][k] = v } }
        }
        for (j, c) in Criterion.rated.enumerated() { columns[c] = rated[j] }
        rated = []
        // R and M reuse the criteria's sorted columns; F ranks lifetime purchase days (a new
        // customer's one purchase must be able to score F1, see docs/analytics.md §2).
        let lifetime = agg.lifetimePurchases.map(Double.init)
        let rfmColumns: [[Double]] = [columns[.recency] ?? [], columns[.monetary] ?? [], columns[.frequency] ?? [], lifetime]
        let sortedColumns = Parallel.map(rfmColumns.count) { SortedColumn(raw: rfmColumns[$0]) }
        var sorted: [Criterion: SortedColumn] = [.recency: sortedColumns[0], .monetary: sortedColumns[1], .frequency: sortedColumns[2]]
        let rfm = RFMAnalysis(recency: sortedColumns[0], frequency: sortedColumns[3], monetary: sortedColumns[1], settings: s.rfm)
        let abc = ABCAnalysis(values: s.abc.measure == .revenue ? agg.revenue : contribution, idOrder: ids, settings: s.abc)
        let matrix = CriterionMatrix(columns: columns, count: n, settings: s, sortedColumns: sorted)
        columns = [:]; sorted = [:]
        var warnings: [String] = []
        if rfm.unmatched > 0 {
            let cells = rfm.uncoveredCells.map { "R\($0.r)F\($0.f)" }.joined(separator: ", ")
            warnings.append("the RFM segment map does not cover \(cells); \(rfm.unmatched) customers are \"\(RFMAnalysis.unclassified)\"")
        }
        let bandNames = (s.tiers.bands.isEmpty ? ["All"] : s.tiers.bands.prefix(255).map(\.name))
        var tierOverride = [Int8](repeating: -1, count: n), strategyOverride = tierOverride
        for k in 0..<n {
            if let o = customers[k].tierOverride {
                if let t = bandNames.firstIndex(of: o.value) { tierOverride[k] = Int8(truncatingIfNeeded: t) } else {
                    warnings.append("customer \(customers[k].id): tier override \"\(o.value)\" names no tier; ignored")
                }
            }
            if let o = customers[k].strategyOverride {
                if let st = strategy(named: o.value) { strategyOverride[k] = Int8(StrategyAnalysis.index(st)) } else {
                    warnings.append("customer \(customers[k].id): strategy override \"\(o.value)\" names no strategy; ignored")
                }
            }
        }
        let engine = ScoreEngine(matrix: matrix, idOrder: ids, tierSettings: s.tiers, tierOverride: tierOverride)
        let baseline = engine.score(weights: s.weights)
        let strategy = StrategyAnalysis(matrix: matrix, belowBreakEven: { contribution[$0] < 0 }, settings: s.strategy,
                                        overrides: strategyOverride)
        return PortfolioAnalysis(asOf: asOf, windowStart: windowStart, settings: s, customers: customers,
                                 transactions: workspace.transactions, aggregates: agg, costToServe: cost,
                                 contribution: contribution, historicalCLV: historical, rfm: rfm, abc: abc, matrix: matrix,
                                 engine: engine, baseline: baseline, strategy: strategy, clv: clv, warnings: warnings)
    }

    /// A strategy by raw value (`cut-cost`) or title (`Cut cost`), case-insensitively.
    public static func strategy(named text: String) -> Strategy? {
        let t = text.lowercased()
        return Strategy.allCases.first { $0.rawValue == t || $0.title.lowercased() == t || "\($0)".lowercased() == t }
    }

    /// `amount · num / den` rounded half away from zero, exact in integers (minor units).
    public static func prorate(_ amount: Int64, _ num: Int64, _ den: Int64) -> Int64 {
        guard den > 0 else { return 0 }
        let (p, overflow) = amount.multipliedReportingOverflow(by: num)
        if overflow { return Int64((Double(amount) * Double(num) / Double(den)).rounded()) }
        let q = p / den, r = p % den
        if 2 * r.magnitude >= UInt64(den) { return q + (p < 0 ? -1 : 1) }
        return q
    }
}
