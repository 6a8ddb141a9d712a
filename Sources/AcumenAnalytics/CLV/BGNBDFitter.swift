import AcumenCore
import Foundation

/// A fitted BG/NBD model: parameters, maximised log-likelihood and diagnostics.
public struct BGNBDFit: Sendable {
    public var parameters: BGNBDParameters
    /// Total log-likelihood at the optimum (natural log, data in ``BGNBDParameters/unit``).
    public var logLikelihood: Double
    public var diagnostics: CLVFitDiagnostics
}

/// Maximum-likelihood estimation of BG/NBD (Fader, Hardie & Lee 2005).
///
/// The likelihood is maximised over θ = (ln r, ln α, ln a, ln b) by BFGS with an analytic
/// gradient from four starts (α scaled by the mean customer age so the starts suit any
/// time unit), with a Nelder–Mead fallback; see ``CLVMultiStart``.
public enum BGNBDFitter {
    /// Fits per-customer statistics (x repeat purchases, t_x recency, T age, in `unit`).
    public static func fit(x: [Int], tx: [Double], T: [Double], unit: CLVTimeUnit,
                           options: CLVOptions = CLVOptions()) throws(CLVError) -> BGNBDFit {
        try fit(BGNBDData(x: x, tx: tx, T: T), unit: unit, options: options)
    }

    /// Fits aggregated data; throws when there are too few customers or repeat buyers.
    public static func fit(_ data: BGNBDData, unit: CLVTimeUnit, options: CLVOptions = CLVOptions()) throws(CLVError) -> BGNBDFit {
        guard data.customerCount > 0 else { throw .noCustomers }
        guard data.customerCount >= options.minimumCustomers else {
            throw .tooFewCustomers(found: data.customerCount, needed: options.minimumCustomers)
        }
        guard data.repeatBuyerCount >= max(1, options.minimumRepeatBuyers) else {
            throw .tooFewRepeatBuyers(found: data.repeatBuyerCount, needed: max(1, options.minimumRepeatBuyers))
        }
        let historyDays = Int((data.longestAge * unit.days).rounded())
        guard historyDays >= options.minimumHistoryDays else {
            throw .tooLittleHistory(days: historyDays, needed: options.minimumHistoryDays)
        }
        let likelihood = BGNBDLikelihood(data: data)
        let n = Double(data.customerCount)
        let objective: CLVOptimizer.Objective = { theta in
            let (ll, g) = likelihood.evaluate(theta)
            return (-ll / n, g.map { -$0 / n })
        }
        let scale = max(data.meanAge, 1e-6)
        let starts: [[Double]] = [
            [0, log(scale), 0, 0],
            [log(0.25), log(scale / 10), log(0.8), log(2.5)],
            [log(0.5), log(scale / 2), log(0.5), log(2)],
            [log(2), log(scale * 2), log(2), log(5)],
        ]
        let (best, diagnostics) = try CLVMultiStart.minimize(objective, starts: starts, options: options,
                                                             customers: data.customerCount, uniqueRecords: data.tripleCount)
        let p = best.point.map { exp($0) }
        let parameters = BGNBDParameters(r: p[0], alpha: p[1], a: p[2], b: p[3], unit: unit)
        let ll = likelihood.evaluate(best.point).logLikelihood
        guard ll.isFinite else { throw .optimisationFailed("non-finite log-likelihood at the optimum") }
        return BGNBDFit(parameters: parameters, logLikelihood: ll, diagnostics: diagnostics)
    }
}
