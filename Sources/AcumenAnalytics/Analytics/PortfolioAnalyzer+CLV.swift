import AcumenCore
/// The full analysis including predicted lifetime value: fit BG/NBD × Gamma-Gamma, then score.
extension PortfolioAnalyzer {
    /// Analyses a workspace with the lifetime-value fit of ``CLVAnalysis`` feeding the
    /// `predictedCLV` and `pAlive` criteria.
    ///
    /// The fit uses the same history as the rest of the analysis: transactions strictly before
    /// `asOf` (calibration end = the day before `asOf`). When the model cannot be fitted, predicted
    /// CLV falls back to historical value (marked in ``CLVResult/source``) and P(alive) is unknown.
    /// - Returns: the analysis and the fit (nil when `settings.clv.enabled` is false).
    public static func analyzeWithLifetimeValue(_ workspace: Workspace, asOf: Day) -> (analysis: PortfolioAnalysis, clv: CLVResult?) {
        guard workspace.settings.clv.enabled else { return (analyze(workspace, asOf: asOf), nil) }
        let fit = fitLifetimeValue(workspace, asOf: asOf)
        return (analyze(workspace, asOf: asOf, clv: CLVInputs(fit)), fit)
    }

    /// The lifetime-value fit on the history this analysis sees: transactions strictly before
    /// `asOf` (calibration end = the day before). The one place that knows that rule.
    public static func fitLifetimeValue(_ workspace: Workspace, asOf: Day) -> CLVResult {
        CLVAnalysis.fit(workspace: workspace, asOf: asOf.adding(days: -1))
    }
}

extension CLVInputs {
    /// The criteria inputs from a CLV fit: customers without history are unknown on both, and
    /// P(alive) and the expected purchases are unknown where the model was not used.
    public init(_ fit: CLVResult) {
        let n = fit.source.count
        var clv = [Double](repeating: .nan, count: n)
        var alive = [Double](repeating: .nan, count: n)
        var purchases = [Double](repeating: .nan, count: n)
        for k in 0..<n {
            switch fit.source[k] {
            case .model:
                clv[k] = fit.predictedCLV[k]
                alive[k] = fit.pAlive[k]
                if k < fit.expectedPurchases.count { purchases[k] = fit.expectedPurchases[k] }
            case .historicalFallback:
                clv[k] = fit.predictedCLV[k]
            case .noHistory:
                break
            }
        }
        self.init(predictedCLV: clv, pAlive: alive)
        expectedPurchases = purchases
    }
}

/// Adopting a lifetime-value fit without a second full analysis.
///
/// Only the `predictedCLV` and `pAlive` criteria read the fit (``MeasuredCriteria``); the
/// aggregates, contribution, historical CLV, RFM, ABC and the other matrix rows do not. So the
/// analysis with a fit is this one with those two rows normalised anew (their ranks, their
/// known-mask bits), then the baseline scoring and the strategy grid recomputed on the new
/// matrix: the same figures as ``PortfolioAnalyzer/analyze(_:asOf:clv:)`` with the fit (tests
/// compare), at the memory of one matrix, one scoring and one strategy grid instead of a whole
/// analysis (about 240 MB less at 1M customers).
extension PortfolioAnalysis {
    /// This analysis with `clv` as its lifetime-value inputs (nil: no fit), as if it had been
    /// built with them; inputs not indexed like the customers count as no fit (as in `analyze`).
    /// - Parameters:
    ///   - customers: the customer list to carry (the workspace's as it stands: names and other
    ///     fields that no analysed figure reads may have changed since); nil keeps this one.
    ///     It must hold the same customers with the same analysed fields.
    /// - Complexity: O(n · criteria) for the matrix copy, plus two rows, one scoring and the
    ///   strategy grid.
    public func withLifetimeValue(_ clv: CLVInputs?, customers: CustomerList? = nil) -> PortfolioAnalysis {
        let n = count
        let clv = clv.flatMap { $0.predictedCLV.count == n && $0.pAlive.count == n ? $0 : nil }
        var columns: [Criterion: [Double]] = [:]
        for c in [Criterion.predictedCLV, .pAlive] {
            columns[c] = MeasuredCriteria.column(c, aggregates, contribution: contribution, asOf: asOf, clv: clv)
        }
        let matrix = matrix.replacing(columns, settings: settings, revenue: aggregates.revenue, contribution: contribution)
        columns = [:]
        let engine = ScoreEngine(matrix: matrix, idOrder: engine.idOrder, tierSettings: engine.tierSettings,
                                 tierOverride: engine.tierOverride)
        let baseline = engine.score(weights: settings.weights)
        let contribution = contribution
        let strategy = StrategyAnalysis(matrix: matrix, belowBreakEven: { contribution[$0] < 0 }, settings: settings.strategy,
                                        overrides: strategy.override)
        return PortfolioAnalysis(asOf: asOf, windowStart: windowStart, settings: settings, customers: customers ?? self.customers,
                                 transactions: transactions, aggregates: aggregates, costToServe: costToServe,
                                 contribution: contribution, historicalCLV: historicalCLV, rfm: rfm, abc: abc, matrix: matrix,
                                 engine: engine, baseline: baseline, strategy: strategy, clv: clv, warnings: warnings,
                                 ignoredOverrides: ignoredOverrides)
    }
}
