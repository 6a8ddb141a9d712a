import Testing
import Foundation
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Recovers known parameters from simulated customers. Tolerances are relative and stated
/// per test; the seeds are fixed, so the outcomes are deterministic.
@Suite struct CLVSimulationTests {
    /// Simulates BG/NBD customers (FHL 2005 assumptions): λ ~ Gamma(r, α), p ~ Beta(a, b);
    /// Poisson purchases while alive, dropout with probability p after each repeat purchase.
    static func simulateBGNBD(n: Int, r: Double, alpha: Double, a: Double, b: Double, seed: UInt64)
        -> (x: [Int], tx: [Double], T: [Double]) {
        var g = SeededGenerator(seed: seed)
        var xs = [Int](), txs = [Double](), ts = [Double]()
        for _ in 0..<n {
            let lambda = g.gamma(shape: r, scale: 1 / alpha), p = g.beta(a, b)
            let T = 20 + 32 * g.unit()
            var t = 0.0, x = 0, tx = 0.0
            while x < 100_000 {
                t += g.exponential(mean: 1 / max(lambda, 1e-12))
                if t > T { break }
                x += 1; tx = t
                if g.unit() < p { break }
            }
            xs.append(x); txs.append(tx); ts.append(T)
        }
        return (xs, txs, ts)
    }

    /// 20,000 customers, true (r, α, a, b) = (0.5, 8, 0.8, 2.5): each estimate within 15 %.
    @Test func bgnbdRecoversSimulatedParameters() throws {
        let d = Self.simulateBGNBD(n: 20_000, r: 0.5, alpha: 8, a: 0.8, b: 2.5, seed: 42)
        let fit = try BGNBDFitter.fit(x: d.x, tx: d.tx, T: d.T, unit: .weeks)
        let p = fit.parameters
        #expect(fit.diagnostics.converged)
        #expect(abs(p.r / 0.5 - 1) < 0.15, "r = \(p.r)")
        #expect(abs(p.alpha / 8 - 1) < 0.15, "alpha = \(p.alpha)")
        #expect(abs(p.a / 0.8 - 1) < 0.15, "a = \(p.a)")
        #expect(abs(p.b / 2.5 - 1) < 0.15, "b = \(p.b)")
    }

    /// 20,000 repeat buyers with 1–10 transactions, true (p, q, γ) = (6, 4, 15): within 15 %
    /// (p and γ are strongly correlated; at 5,000 buyers single samples miss by up to 40 %).
    @Test func gammaGammaRecoversSimulatedParameters() throws {
        var g = SeededGenerator(seed: 8)
        var xs = [Int](), ms = [Double]()
        for _ in 0..<20_000 {
            let nu = g.gamma(shape: 4, scale: 1.0 / 15)
            let x = 1 + g.below(10)
            var total = 0.0
            for _ in 0..<x { total += g.gamma(shape: 6, scale: 1 / nu) }
            xs.append(x); ms.append(total / Double(x))
        }
        let fit = try GammaGammaFitter.fit(x: xs, meanSpend: ms)
        let p = fit.parameters
        #expect(fit.diagnostics.converged)
        #expect(abs(p.p / 6 - 1) < 0.15, "p = \(p.p)")
        #expect(abs(p.q / 4 - 1) < 0.15, "q = \(p.q)")
        #expect(abs(p.gamma / 15 - 1) < 0.15, "gamma = \(p.gamma)")
        #expect(abs(fit.frequencySpendCorrelation) < 0.1)
    }

    /// Days ↔ weeks: α scales by exactly 7, r, a, b are unchanged (relative 1e-4), and the
    /// log-likelihood shifts by the Jacobian −Σx ln 7.
    @Test func switchingUnitsScalesAlphaBySeven() throws {
        let rows = CLVCDNOWTests.rows
        let weeks = try BGNBDFitter.fit(x: rows.map(\.x), tx: rows.map { $0.tx / 7 }, T: rows.map { $0.T / 7 }, unit: .weeks)
        let days = try BGNBDFitter.fit(x: rows.map(\.x), tx: rows.map(\.tx), T: rows.map(\.T), unit: .days)
        #expect(abs(days.parameters.alpha / (7 * weeks.parameters.alpha) - 1) < 1e-4)
        #expect(abs(days.parameters.r / weeks.parameters.r - 1) < 1e-4)
        #expect(abs(days.parameters.a / weeks.parameters.a - 1) < 1e-4)
        #expect(abs(days.parameters.b / weeks.parameters.b - 1) < 1e-4)
        let shift = Double(rows.reduce(0) { $0 + $1.x }) * log(7.0)
        #expect(abs(days.logLikelihood - (weeks.logLikelihood - shift)) < 1e-3)
        let converted = weeks.parameters.converted(to: .days)
        #expect(abs(converted.alpha / days.parameters.alpha - 1) < 1e-4)
    }
}
