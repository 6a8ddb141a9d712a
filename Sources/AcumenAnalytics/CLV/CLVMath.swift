import AcumenCore
import Foundation

/// Special functions for the lifetime-value models, written for numerical stability.
///
/// - `logGamma` is the C library's `lgamma_r` (reentrant, safe on several threads).
/// - `digamma` uses the recurrence ψ(x) = ψ(x+1) − 1/x up to x ≥ 10, then the asymptotic
///   series (Abramowitz & Stegun 6.3.18); absolute error below 1e-12 for x > 0.
/// - `hypergeometric2F1` sums the Gauss series with an explicit convergence check.
public enum CLVMath {
    /// ln Γ(x) for x > 0.
    @inline(__always)
    public static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }

    /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        logGamma(a) + logGamma(b) - logGamma(a + b)
    }

    /// The digamma function ψ(x) = d ln Γ(x) / dx for x > 0.
    public static func digamma(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == .infinity ? .infinity : .nan }
        var v = x, acc = 0.0
        while v < 10 { acc -= 1 / v; v += 1 }
        let f = 1 / (v * v)
        let series = f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))))
        return acc + log(v) - 0.5 / v - series
    }

    /// ln(e^u + e^v) without overflow (log-sum-exp of two terms).
    @inline(__always)
    public static func logSumExp(_ u: Double, _ v: Double) -> Double {
        let m = max(u, v)
        guard m > -.infinity else { return -.infinity }
        return m + log1p(exp(min(u, v) - m))
    }

    /// Result of a hypergeometric series evaluation.
    public struct SeriesResult: Sendable {
        public var value: Double
        public var terms: Int
        public var converged: Bool
    }

    /// The Gauss hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1 by its power series
    /// Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ, stopping when a term falls below `tolerance` × |sum| for two
    /// successive terms. `converged` is false when `maxTerms` is reached, the sum is not
    /// finite, or c + n hits zero (a pole).
    public static func hypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double,
                                         tolerance: Double = 1e-15, maxTerms: Int = 200_000) -> SeriesResult {
        guard z >= 0, z < 1, a.isFinite, b.isFinite, c.isFinite else {
            return SeriesResult(value: .nan, terms: 0, converged: false)
        }
        if z == 0 { return SeriesResult(value: 1, terms: 1, converged: true) }
        var term = 1.0, sum = 1.0, small = 0
        for n in 0..<maxTerms {
            let dn = Double(n)
            let denominator = (c + dn) * (dn + 1)
            if abs(c + dn) < 1e-300 { return SeriesResult(value: .nan, terms: n, converged: false) }
            term *= (a + dn) * (b + dn) / denominator * z
            sum += term
            guard sum.isFinite else { return SeriesResult(value: sum, terms: n + 1, converged: false) }
            if term == 0 { return SeriesResult(value: sum, terms: n + 1, converged: true) }
            if abs(term) <= tolerance * abs(sum) {
                small += 1
                // Terms can grow before they shrink; require the ratio to be shrinking too.
                if small >= 2, abs((a + dn + 1) * (b + dn + 1) / ((c + dn + 1) * (dn + 2)) * z) < 1 {
                    return SeriesResult(value: sum, terms: n + 1, converged: true)
                }
            } else {
                small = 0
            }
        }
        return SeriesResult(value: sum, terms: maxTerms, converged: false)
    }

    /// Pearson correlation of two equally long samples; 0 when either has no variance.
    public static func pearson(_ u: [Double], _ v: [Double]) -> Double {
        let n = min(u.count, v.count)
        guard n > 1 else { return 0 }
        var mu = 0.0, mv = 0.0
        for i in 0..<n { mu += u[i]; mv += v[i] }
        mu /= Double(n); mv /= Double(n)
        var suv = 0.0, suu = 0.0, svv = 0.0
        for i in 0..<n {
            let du = u[i] - mu, dv = v[i] - mv
            suv += du * dv; suu += du * du; svv += dv * dv
        }
        guard suu > 0, svv > 0 else { return 0 }
        return suv / (suu * svv).squareRoot()
    }
}
