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
