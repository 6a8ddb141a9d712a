import Foundation
import AcumenAnalytics
import AcumenCore
import AcumenStore

/// Renders `acumen fit` results as a plain-text table.
enum FitTable {
    static func render(result: CLVResult, holdout: CLVHoldoutReport?, seconds: Double) -> String {
        var lines: [String] = []
        func num(_ v: Double, _ digits: Int = 4) -> String { String(format: "%.\(digits)f", v) }
        lines.append("Lifetime-value fit as of \(result.asOf.iso) (time unit: \(result.unit.rawValue); money: currency units per customer)")
        if let f = result.bgnbd {
            let p = f.parameters, d = f.diagnostics
            lines.append("BG/NBD      r \(num(p.r))  alpha \(num(p.alpha))  a \(num(p.a))  b \(num(p.b))  log-likelihood \(num(f.logLikelihood, 2))")
            lines.append("            \(d.converged ? "converged" : "NOT converged"), \(d.iterations) iterations, gradient norm \(String(format: "%.2e", d.gradientNorm)), start \(d.winningStart + 1)/\(d.starts), \(d.method); \(d.customers) customers in \(d.uniqueRecords) unique (x, t_x, T)")
        }
        if let g = result.gammaGamma {
            let p = g.parameters, d = g.diagnostics
            lines.append("Gamma-Gamma p \(num(p.p))  q \(num(p.q))  gamma \(num(p.gamma))  log-likelihood \(num(g.logLikelihood, 2))")
            lines.append("            \(d.converged ? "converged" : "NOT converged"), \(d.iterations) iterations, \(d.customers) repeat buyers, frequency–spend correlation \(num(g.frequencySpendCorrelation, 3))")
        }
        let model = result.source.filter { $0 == .model }.count, fallback = result.source.filter { $0 == .historicalFallback }.count
        let total = result.predictedCLV.reduce(0, +)
        lines.append("CLV         \(result.horizonMonths) months at \(num(result.annualDiscountRate * 100, 1)) % a year: total \(num(total, 2)); \(model) customers by model, \(fallback) historical fallback")
        lines.append("Fit time    \(num(seconds, 3)) s")
        for w in result.warnings { lines.append("warning: " + w) }
        if let h = holdout {
            lines.append("")
            lines.append("Holdout \(h.calibrationEnd.iso) … \(h.holdoutEnd.iso) (\(num(h.length, 2)) \(h.unit.rawValue)): repeat purchases actual \(h.actualTotal), predicted \(num(h.predictedTotal, 1))")
            lines.append("  x      customers   actual/cust   predicted/cust")
            for b in h.buckets {
                let label = b.isOpenEnded ? "\(b.x)+" : "\(b.x)"
                lines.append("  " + label.padding(toLength: 6, withPad: " ", startingAt: 0)
                             + String(format: "%10d %13.3f %16.3f", b.customers, b.actualMean, b.predictedMean))
            }
        }
        return lines.joined(separator: "\n")
    }
}
