import AcumenCore
/// Builds a ``PortfolioAnalysis`` from a workspace as of an explicit day.
public enum PortfolioAnalyzer {
    /// Analyses every customer of `workspace` as of `asOf` (transactions on or after it are ignored).
    /// - Parameters:
    ///   - clv: predicted CLV and P(alive) from the CLV model, indexed like the customers; nil
    ///     when there is no fit (those criteria are then unknown for everybody).
    /// - Complexity: O(transactions + customers · criteria); integer criteria are ranked by
    ///   counting, the others by one radix sort each; independent steps run on all cores.
    public static func analyze(_ workspace: Workspace, asOf: Day, clv: CLVInputs? = nil) -> PortfolioAnalysis {
        let s = workspace.settings
        let customers = workspace.customers
        let n = customers.count
        let clv = clv.flatMap { $0.predictedCLV.count == n && $0.pAlive.count == n ? $0 : nil }
        let windowStart = asOf.adding(months: -s.windowMonths)
        let parts = n >= ScoreEngine.parallelFrom ? Parallel.cores : 1
        // The transaction pass (on all cores when the table is in customer order), the id order
        // and the pass over the customers (in ranges) are independent: one parallel batch.
        var inputs = CustomerInputs(count: n)
        let customerParts = 2 * parts
        let (agg, early) = inputs.filling(customers, settings: s, parts: customerParts) { fill in
            CustomerAggregates.computing(workspace.transactions, customerCount: n, asOf: asOf, windowStart: windowStart,
                                         defaultMarginRate: s.defaultMarginRate, others: 1 + customerParts) { j -> Early in
                j == 0 ? .ids(IdentifierOrder(customers: customers)) : .customers(fill(j - 1))
            }
        }
        guard case .ids(let ids) = early[0] else { preconditionFailure("pieces in order") }
        inputs.finish(early.dropFirst().map { piece in
            if case .customers(let part) = piece { return part }
            preconditionFailure("pieces in order")
        })
        return analyze(workspace, asOf: asOf, clv: clv, scan: Scan(asOf: asOf, windowStart: windowStart, settings: s, aggregates: agg, ids: ids,
                                                                  transactions: workspace.transactions.count), inputs: inputs)
    }

    /// The analysis from a scan of the transactions and the customers' own inputs: everything
    /// after the transaction pass (contribution, criteria, ranks, RFM, ABC, the matrix, the
    /// baseline scoring and the strategy grid).
    static func analyze(_ workspace: Workspace, asOf: Day, clv: CLVInputs?, scan: Scan, inputs: CustomerInputs) -> PortfolioAnalysis {
        let s = workspace.settings
        let n = workspace.customers.count
        let windowStart = scan.windowStart, agg = scan.aggregates, ids = scan.ids
        let parts = n >= ScoreEngine.parallelFrom ? Parallel.cores : 1
        let (contribution, historical) = Self.contributionAndHistorical(agg, inputs, asOf: asOf, parts: parts)
        // A criterion without a column (the lifetime value's without a fit) is unknown for everybody;
        // money ranked by percentile needs none (ranked from its integers, known for everybody).
        let measured = Criterion.measured.filter { c in
            (clv != nil || (c != .predictedCLV && c != .pAlive))
                && !((c == .monetary || c == .contribution) && CriterionMatrix.setting(c, s).normalisation == .percentile)
        }
        let measuredColumns = Parallel.map(measured.count) {
            MeasuredCriteria.column(measured[$0], agg, contribution: contribution, asOf: asOf, clv: clv)
        }
        var columns: [Criterion: [Double]] = [:]
        for (j, c) in measured.enumerated() { columns[c] = measuredColumns[j] }
        let ratedColumn = { (c: Criterion) -> [Double]? in c.ratedIndex.map { inputs.ratedColumn($0) } }
        // Ranks of every percentile criterion and of R, M and F (F ranks lifetime purchase days: a
        // new customer's one purchase must be able to score F1, see docs/analytics.md §2), and ABC.
        let (ranks, abc, lifetimeRanks) = Self.rankBatch(agg, contribution: contribution, columns: columns, column: ratedColumn,
                                                         settings: s, ids: ids)
        guard let recencyRanks = ranks[.recency], let monetaryRanks = ranks[.monetary] else { preconditionFailure("pieces in order") }
        let rfm = RFMAnalysis(recency: recencyRanks, frequency: lifetimeRanks, monetary: monetaryRanks, settings: s.rfm)
        let matrix = CriterionMatrix(columns: columns, count: n, settings: s, ranks: ranks, rated: inputs)
        columns = [:]
        var warnings: [String] = []
        if rfm.unmatched > 0 {
            let cells = rfm.uncoveredCells.map { "R\($0.r)F\($0.f)" }.joined(separator: ", ")
            warnings.append("the RFM segment map does not cover \(cells); \(rfm.unmatched) customers are \"\(RFMAnalysis.unclassified)\"")
        }
        warnings += inputs.warnings
        let cost = inputs.windowCost
        let engine = ScoreEngine(matrix: matrix, idOrder: ids, tierSettings: s.tiers, tierOverride: inputs.tierOverride)
        let unranked = engine.score(weights: s.weights, ranking: false)
        // The baseline's ranking (one core) and the strategy grid are independent: side by side.
        let (baseline, strategy) = Parallel.pair({ engine.ranked(unranked) }, {
            StrategyAnalysis(matrix: matrix, belowBreakEven: { contribution[$0] < 0 }, settings: s.strategy,
                             overrides: inputs.strategyOverride)
        })
        return PortfolioAnalysis(asOf: asOf, windowStart: windowStart, settings: s, customers: workspace.customers,
                                 transactions: workspace.transactions, aggregates: agg, costToServe: cost,
                                 contribution: contribution, historicalCLV: historical, rfm: rfm, abc: abc, matrix: matrix,
                                 engine: engine, baseline: baseline, strategy: strategy, clv: clv, warnings: warnings,
                                 ignoredOverrides: inputs.ignoredOverrides)
    }

    /// Contribution (`margin − window cost`) and historical CLV (`lifetime margin − annual cost ·
    /// tenure days / 365`) per customer, in minor units, in `parts` ranges side by side.
    static func contributionAndHistorical(_ agg: CustomerAggregates, _ inputs: CustomerInputs, asOf: Day,
                                          parts: Int) -> (contribution: [Int64], historical: [Int64]) {
        let n = agg.revenue.count
        var contribution = OrderedAggregation.unfilled(Int64.self, n), historical = OrderedAggregation.unfilled(Int64.self, n)
        contribution.withUnsafeMutableBufferPointer { cb in
            historical.withUnsafeMutableBufferPointer { hb in
                let out = Pair(contribution: cb, historical: hb)
                _ = Parallel.map(parts) { part -> Bool in
                    for k in (n * part / parts)..<(n * (part + 1) / parts) {
                        out.contribution[k] = agg.margin[k] &- inputs.windowCost[k]
                        let tenure = Int64(MeasuredCriteria.tenureDays(agg, k, asOf: asOf))
                        out.historical[k] = agg.lifetimeMargin[k] &- prorate(inputs.annualCost[k], tenure, 365)
                    }
                    return true
                }
            }
        }
        return (contribution, historical)
    }

    /// Where ``contributionAndHistorical(_:_:asOf:parts:)`` writes (disjoint ranges per part).
    private struct Pair: @unchecked Sendable {
        let contribution: UnsafeMutableBufferPointer<Int64>
        let historical: UnsafeMutableBufferPointer<Int64>
    }

    /// A result of the first parallel batch beside the transaction pass.
    private enum Early {
        case ids(IdentifierOrder)
        case customers(CustomerInputs.Part)
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
