import AcumenCore
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
