import AcumenCore
import Foundation

/// A fitted Gamma-Gamma model.
public struct GammaGammaFit: Sendable {
    public var parameters: GammaGammaParameters
    public var logLikelihood: Double
    public var diagnostics: CLVFitDiagnostics
    /// Pearson correlation between x and m̄ over the repeat buyers used in the fit.
    public var frequencySpendCorrelation: Double
}

/// Maximum-likelihood estimation of the Gamma-Gamma model over repeat buyers.
public enum GammaGammaFitter {
    /// Fits customers with x ≥ 1 repeat transactions and mean repeat spend m̄ > 0 (others are
    /// skipped: the model is for positive spend). Gradient with respect to (ln p, ln q, ln γ):
    ///   ∂ℓ/∂p = x[ψ(px+q) − ψ(px) + ln m̄ + ln x − ln(γ+x m̄)],
    ///   ∂ℓ/∂q = ψ(px+q) − ψ(q) + ln γ − ln(γ+x m̄),  ∂ℓ/∂γ = q/γ − (px+q)/(γ+x m̄).
    public static func fit(x: [Int], meanSpend: [Double], options: CLVOptions = CLVOptions()) throws(CLVError) -> GammaGammaFit {
        var xs = [Int](), ms = [Double]()
        for i in x.indices where i < meanSpend.count && x[i] > 0 && meanSpend[i] > 0 && meanSpend[i].isFinite {
            xs.append(x[i]); ms.append(meanSpend[i])
        }
        guard xs.count >= max(2, options.minimumRepeatBuyers) else {
            throw .tooFewRepeatBuyers(found: xs.count, needed: max(2, options.minimumRepeatBuyers))
        }
        let distinct = Array(Set(xs)).sorted()
        let position = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
        let group = xs.map { position[$0] ?? 0 }
        let logM = ms.map { log($0) }, xm = zip(xs, ms).map { Double($0) * $1 }
        let n = Double(xs.count)
        let scratch = GammaGammaTerms(x: xs, xm: xm)
        let objective: CLVOptimizer.Objective = { theta in
            let p = exp(theta[0]), q = exp(theta[1]), g = exp(theta[2])
            let lgQ = CLVMath.logGamma(q), psiQ = CLVMath.digamma(q), lnG = log(g)
            var c = [Double](), dp = [Double](), dq = [Double]()
            for x in distinct {
                let px = p * Double(x)
                c.append(CLVMath.logGamma(px + q) - CLVMath.logGamma(px) - lgQ + q * lnG + px * log(Double(x)))
                let psiPXQ = CLVMath.digamma(px + q)
                dp.append(Double(x) * (psiPXQ - CLVMath.digamma(px) + log(Double(x))))
                dq.append(psiPXQ - psiQ + lnG)
            }
            // The logarithms and quotients per customer on all cores, then the sums in one
            // pass in customer order (the same operations and order as one loop: identical sums).
            scratch.fill(p: p, q: q, g: g)
            var ll = 0.0, gp = 0.0, gq = 0.0, gg = 0.0
            for i in xs.indices {
                let k = group[i], px = p * Double(xs[i])
                let lnD = scratch.logD[i]
                ll += c[k] + (px - 1) * logM[i] - (px + q) * lnD
                gp += dp[k] + Double(xs[i]) * (logM[i] - lnD)
                gq += dq[k] - lnD
                gg += q / g - scratch.ratio[i]
            }
            return (-ll / n, [-p * gp / n, -q * gq / n, -g * gg / n])
        }
        let mean = ms.reduce(0, +) / n
        let starts: [[Double]] = [
            [0, 0, log(max(mean, 1e-9))],
            [log(5), log(3), log(max(mean * 2 / 5, 1e-9))],
            [log(2), log(2), log(max(mean / 2, 1e-9))],
            [log(20), log(10), log(max(mean * 9 / 20, 1e-9))],
        ]
        let (best, diagnostics) = try CLVMultiStart.minimize(objective, starts: starts, options: options,
                                                             customers: xs.count, uniqueRecords: xs.count)
        let e = best.point.map { exp($0) }
        let parameters = GammaGammaParameters(p: e[0], q: e[1], gamma: e[2])
        let ll = -best.value * n
        guard ll.isFinite else { throw .optimisationFailed("non-finite Gamma-Gamma log-likelihood") }
        let correlation = CLVMath.pearson(xs.map(Double.init), ms)
        return GammaGammaFit(parameters: parameters, logLikelihood: ll, diagnostics: diagnostics,
                             frequencySpendCorrelation: correlation)
    }
}

/// Per-customer terms of the Gamma-Gamma likelihood, ln(γ + x m̄) and (p x + q) / (γ + x m̄),
/// computed in fixed chunks on all cores (each value alone, so the results do not depend on
/// the number of cores).
final class GammaGammaTerms: @unchecked Sendable {
    let x: [Int], xm: [Double]
    private(set) var logD: [Double], ratio: [Double]

    init(x: [Int], xm: [Double]) {
        self.x = x; self.xm = xm
        logD = [Double](repeating: 0, count: x.count)
        ratio = logD
    }

    func fill(p: Double, q: Double, g: Double) {
        let n = x.count, chunks = n >= 16_384 ? 16 : 1
        let x = self.x, xm = self.xm
        logD.withUnsafeMutableBufferPointer { logs in
            ratio.withUnsafeMutableBufferPointer { ratios in
                // Each chunk writes only its own range of both buffers.
                nonisolated(unsafe) let l = logs
                nonisolated(unsafe) let r = ratios
                let body: @Sendable (Int) -> Void = { chunk in
                    for i in n * chunk / chunks..<n * (chunk + 1) / chunks {
                        let px = p * Double(x[i])
                        l[i] = log(g + xm[i])
                        r[i] = (px + q) / (g + xm[i])
                    }
                }
                if chunks == 1 { body(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: body) }
            }
        }
    }
}
