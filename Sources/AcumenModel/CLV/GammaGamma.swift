import Foundation

/// Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma model
/// of monetary value"; Colombo & Jiang 1999).
///
/// A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers;
/// spend is assumed independent of purchase frequency. Money is in currency units.
public struct GammaGammaParameters: Hashable, Sendable {
    public var p: Double
    public var q: Double
    public var gamma: Double

    public init(p: Double, q: Double, gamma: Double) { self.p = p; self.q = q; self.gamma = gamma }

    /// Expected mean spend of a customer with x repeat transactions averaging m̄ (Fader &
    /// Hardie 2013 eq. 5): E[Z | x, m̄] = p(γ + x m̄) / (p x + q − 1), a weighted average of the
    /// population mean pγ/(q−1) and m̄. For x = 0 this is the population mean; nil when it is
    /// undefined (q ≤ 1).
    public func conditionalExpectedSpend(x: Int, meanSpend: Double) -> Double? {
        let xd = Double(x)
        let denominator = p * xd + q - 1
        guard denominator > 0 else { return nil }
        let v = p * (gamma + xd * meanSpend) / denominator
        return v.isFinite ? v : nil
    }

    /// Population mean spend per transaction, pγ/(q−1); nil when q ≤ 1.
    public var populationMeanSpend: Double? { q > 1 ? p * gamma / (q - 1) : nil }

    /// Log-likelihood of one customer's mean spend m̄ over x transactions (eq. 3 with the
    /// Jacobian of the mean): ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m̄
    ///   + px ln x − (px+q) ln(γ + x m̄).
    public func logLikelihood(x: Int, meanSpend m: Double) -> Double {
        let px = p * Double(x)
        return CLVMath.logGamma(px + q) - CLVMath.logGamma(px) - CLVMath.logGamma(q) + q * log(gamma)
            + (px - 1) * log(m) + px * log(Double(x)) - (px + q) * log(gamma + Double(x) * m)
    }
}

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
            var ll = 0.0, gp = 0.0, gq = 0.0, gg = 0.0
            for i in xs.indices {
                let k = group[i], px = p * Double(xs[i])
                let lnD = log(g + xm[i])
                ll += c[k] + (px - 1) * logM[i] - (px + q) * lnD
                gp += dp[k] + Double(xs[i]) * (logM[i] - lnD)
                gq += dq[k] - lnD
                gg += q / g - (px + q) / (g + xm[i])
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
