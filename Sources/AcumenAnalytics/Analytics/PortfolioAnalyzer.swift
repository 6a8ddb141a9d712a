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
        // The transaction pass (on all cores when the table is in customer order), the id order
        // and the pass over the customers are independent: one parallel batch.
        let (agg, early) = CustomerAggregates.computing(workspace.transactions, customerCount: n, asOf: asOf, windowStart: windowStart,
                                                       defaultMarginRate: s.defaultMarginRate, others: 2) { j -> Early in
            j == 0 ? .ids(IdentifierOrder(ids: customers.map(\.id))) : .customers(CustomerInputs(customers, settings: s))
        }
        guard case .ids(let ids) = early[0], case .customers(var inputs) = early[1] else { preconditionFailure("pieces in order") }
        let cost = inputs.windowCost
        var contribution = [Int64](repeating: 0, count: n), historical = contribution
        for k in 0..<n {
            contribution[k] = agg.margin[k] &- cost[k]
            let tenure = Int64(MeasuredCriteria.tenureDays(agg, k, asOf: asOf))
            historical[k] = agg.lifetimeMargin[k] &- prorate(inputs.annualCost[k], tenure, 365)
        }
        let measured = Criterion.measured
        let measuredColumns = Parallel.map(measured.count) {
            MeasuredCriteria.column(measured[$0], agg, contribution: contribution, asOf: asOf, clv: clv)
        }
        var columns: [Criterion: [Double]] = [:]
        for (j, c) in measured.enumerated() { columns[c] = measuredColumns[j] }
        for (j, c) in Criterion.rated.enumerated() { columns[c] = inputs.rated[j] }
        inputs.rated = []
        // Ranks of every percentile criterion and of R, M and F (F ranks lifetime purchase days: a
        // new customer's one purchase must be able to score F1, see docs/analytics.md §2), and ABC.
        let ranked = Criterion.allCases.filter { c in
            c == .recency || c == .monetary || CriterionMatrix.setting(c, s).normalisation == .percentile
        }
        let lifetime = agg.lifetimePurchases.map(Double.init)
        let cols = columns
        let abcValues = s.abc.measure == .revenue ? agg.revenue : contribution
        let rankPieces = Parallel.map(ranked.count + 2) { j -> Ranked in
            if j == ranked.count { return .abc(ABCAnalysis(values: abcValues, idOrder: ids, settings: s.abc)) }
            if j == ranked.count + 1 { return .ranks(ColumnRanks(raw: lifetime)) }
            switch ranked[j] {
            case .monetary: return .ranks(ColumnRanks(minor: agg.revenue))
            case .contribution: return .ranks(ColumnRanks(minor: contribution))
            case let c: return .ranks(ColumnRanks(raw: cols[c] ?? [Double](repeating: .nan, count: n)))
            }
        }
        var ranks: [Criterion: ColumnRanks] = [:]
        for (j, c) in ranked.enumerated() { if case .ranks(let r) = rankPieces[j] { ranks[c] = r } }
        guard case .abc(let abc) = rankPieces[ranked.count], case .ranks(let lifetimeRanks) = rankPieces[ranked.count + 1],
              let recencyRanks = ranks[.recency], let monetaryRanks = ranks[.monetary] else { preconditionFailure("pieces in order") }
        let rfm = RFMAnalysis(recency: recencyRanks, frequency: lifetimeRanks, monetary: monetaryRanks, settings: s.rfm)
        let matrix = CriterionMatrix(columns: columns, count: n, settings: s, ranks: ranks)
        columns = [:]; ranks = [:]
        var warnings: [String] = []
        if rfm.unmatched > 0 {
            let cells = rfm.uncoveredCells.map { "R\($0.r)F\($0.f)" }.joined(separator: ", ")
            warnings.append("the RFM segment map does not cover \(cells); \(rfm.unmatched) customers are \"\(RFMAnalysis.unclassified)\"")
        }
        warnings += inputs.warnings
        let engine = ScoreEngine(matrix: matrix, idOrder: ids, tierSettings: s.tiers, tierOverride: inputs.tierOverride)
        let baseline = engine.score(weights: s.weights)
        let strategy = StrategyAnalysis(matrix: matrix, belowBreakEven: { contribution[$0] < 0 }, settings: s.strategy,
                                        overrides: inputs.strategyOverride)
        return PortfolioAnalysis(asOf: asOf, windowStart: windowStart, settings: s, customers: customers,
                                 transactions: workspace.transactions, aggregates: agg, costToServe: cost,
                                 contribution: contribution, historicalCLV: historical, rfm: rfm, abc: abc, matrix: matrix,
                                 engine: engine, baseline: baseline, strategy: strategy, clv: clv, warnings: warnings)
    }

    /// A result of the first parallel batch beside the transaction pass.
    private enum Early {
        case ids(IdentifierOrder)
        case customers(CustomerInputs)
    }

    /// A result of the ranking batch.
    private enum Ranked {
        case ranks(ColumnRanks)
        case abc(ABCAnalysis)
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
