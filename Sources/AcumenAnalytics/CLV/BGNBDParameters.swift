import AcumenCore
import Foundation

/// Fitted BG/NBD parameters and the model's per-customer predictions.
///
/// Model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while
/// alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each
/// purchase they drop out with probability p ~ Beta(a, b). Times (t_x, T, t) are in
/// ``unit``; α is in the same unit, r, a and b are unit-free.
public struct BGNBDParameters: Hashable, Sendable {
    public var r: Double
    public var alpha: Double
    public var a: Double
    public var b: Double
    /// The time unit of α and of every time argument.
    public var unit: CLVTimeUnit

    public init(r: Double, alpha: Double, a: Double, b: Double, unit: CLVTimeUnit) {
        self.r = r; self.alpha = alpha; self.a = a; self.b = b; self.unit = unit
    }

    /// The same model in another time unit: α scales with the unit, r, a, b do not.
    public func converted(to other: CLVTimeUnit) -> BGNBDParameters {
        BGNBDParameters(r: r, alpha: alpha * other.days.reciprocal * unit.days, a: a, b: b, unit: other)
    }

    /// Log-likelihood of one customer with x repeat purchases, last at t_x, observed for T
    /// (FHL 2005 eq. 6, in log-sum-exp form):
    /// ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
    ///   + ln[ (α+T)^−(r+x) + 1{x>0} a/(b+x−1) (α+t_x)^−(r+x) ].
    public func logLikelihood(x: Int, tx: Double, T: Double) -> Double {
        let xd = Double(x)
        let a1 = CLVMath.logGamma(r + xd) - CLVMath.logGamma(r) + r * log(alpha)
        let a2 = CLVMath.logBeta(a, b + xd) - CLVMath.logBeta(a, b)
        let u3 = -(r + xd) * log(alpha + T)
        guard x > 0 else { return a1 + a2 + u3 }
        let u4 = log(a) - log(b + xd - 1) - (r + xd) * log(alpha + tx)
        return a1 + a2 + CLVMath.logSumExp(u3, u4)
    }

    /// P(alive | x, t_x, T) = 1 / (1 + 1{x>0} a/(b+x−1) ((α+T)/(α+t_x))^(r+x))  (FHL 2005 eq. 13).
    public func probabilityAlive(x: Int, tx: Double, T: Double) -> Double {
        guard x > 0 else { return 1 }
        let xd = Double(x)
        let logOdds = log(a) - log(b + xd - 1) + (r + xd) * (log(alpha + T) - log(alpha + tx))
        return 1 / (1 + exp(logOdds))
    }

    /// Expected purchases in (T, T + t] for a customer with history (x, t_x, T) (FHL 2005 eq. 10),
    /// evaluated through Euler's transformation so the series converges fast:
    /// E = (a+b+x−1)/(a−1) · [1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z)] · P(alive),
    /// with z = t/(α+T+t). Returns nil when the series does not converge.
    public func conditionalExpectedPurchases(t: Double, x: Int, tx: Double, T: Double) -> Double? {
        guard t > 0 else { return 0 }
        guard let unconditional = expectedCount(t: t, x: Double(x), T: T) else { return nil }
        return unconditional * probabilityAlive(x: x, tx: tx, T: T)
    }

    /// Expected purchases of a new customer in (0, t]: E[X(t)] (FHL 2005 eq. 9):
    /// (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))]. Nil if the series fails.
    public func expectedPurchasesNewCustomer(t: Double) -> Double? {
        guard t > 0 else { return 0 }
        return expectedCount(t: t, x: 0, T: 0)
    }

    /// The bracketed factor shared by eq. 9 and eq. 10, made robust near a = 1 (where the
    /// closed form is 0/0) by averaging the values at a = 1 ± 2e-4.
    func expectedCount(t: Double, x: Double, T: Double) -> Double? {
        if abs(a - 1) < 1e-4 {
            var lo = self, hi = self
            lo.a = 1 - 2e-4; hi.a = 1 + 2e-4
            guard let l = lo.expectedCount(t: t, x: x, T: T), let h = hi.expectedCount(t: t, x: x, T: T) else { return nil }
            return (l + h) / 2
        }
        let z = t / (alpha + T + t)
        guard z.isFinite, z >= 0, z < 1 else { return nil }
        let series = CLVMath.hypergeometric2F1(a + b - 1 - r, a - 1, a + b + x - 1, z)
        guard series.converged else { return nil }
        // (1 − z)^(a−1) computed as exp((a−1) ln(1−z)) with log1p for accuracy at small z.
        let factor = exp((a - 1) * log1p(-z))
        let value = (a + b + x - 1) / (a - 1) * (1 - factor * series.value)
        guard value.isFinite else { return nil }
        return max(0, value)
    }

    /// Parameters in a fixed order (r, α, a, b).
    public var values: [Double] { [r, alpha, a, b] }
}

extension Double {
    /// 1 / self.
    var reciprocal: Double { 1 / self }
}
