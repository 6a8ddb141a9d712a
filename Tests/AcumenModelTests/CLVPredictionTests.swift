import Testing
import Foundation
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Predictions, the hypergeometric series, the holdout report and the workspace entry point.
@Suite struct CLVPredictionTests {
    static let published = BGNBDParameters(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, unit: .weeks)

    @Test func hypergeometricMatchesClosedForm() {
        // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z.
        for z in [0.1, 0.5, 0.9, 0.99] {
            let s = CLVMath.hypergeometric2F1(1, 1, 2, z)
            #expect(s.converged)
            #expect(abs(s.value - (-log(1 - z) / z)) < 1e-10 * max(1, s.value))
        }
        #expect(!CLVMath.hypergeometric2F1(1, 1, 2, 1).converged)
        #expect(abs(CLVMath.digamma(1) - -0.5772156649015329) < 1e-12)
    }

    /// Euler-transformed expectation equals the direct form of FHL eq. 10 where the direct
    /// series converges comfortably, and E[X(t)] ≈ t·r/α for small t.
    @Test func expectedPurchasesAgreeWithDirectForm() throws {
        let p = Self.published
        for (x, tx, T, t) in [(2, 30.43, 38.86, 39.0), (0, 0.0, 38.86, 10.0), (7, 29.43, 38.86, 20.0)] {
            let xd = Double(x)
            let z = t / (p.alpha + T + t)
            let f = CLVMath.hypergeometric2F1(p.r + xd, p.b + xd, p.a + p.b + xd - 1, z)
            let direct = (p.a + p.b + xd - 1) / (p.a - 1) * (1 - pow((p.alpha + T) / (p.alpha + T + t), p.r + xd) * f.value)
                * p.probabilityAlive(x: x, tx: tx, T: T)
            let ours = try #require(p.conditionalExpectedPurchases(t: t, x: x, tx: tx, T: T))
            #expect(abs(ours - direct) < 1e-9 * max(1, direct))
        }
        let small = try #require(p.expectedPurchasesNewCustomer(t: 1e-4))
        #expect(abs(small / (1e-4 * p.r / p.alpha) - 1) < 1e-3)
        // Near a = 1 the closed form is 0/0; the averaged value stays finite and close.
        var q = p; q.a = 1
        let e1 = try #require(q.expectedPurchasesNewCustomer(t: 39))
        q.a = 1.01
        let e2 = try #require(q.expectedPurchasesNewCustomer(t: 39))
        #expect(abs(e1 - e2) < 0.01 * e2)
    }

    /// Hardie's worked example (BG/NBD in Excel note): x = 2, t_x = 30.43, T = 38.86 weeks,
    /// expected purchases in the next 39 weeks ≈ 1.226; P(alive) for x = 0 is 1.
    @Test func conditionalExpectationMatchesWorkedExample() throws {
        let e = try #require(Self.published.conditionalExpectedPurchases(t: 39, x: 2, tx: 30.43, T: 38.86))
        #expect(abs(e - 1.226) < 0.002)
        #expect(Self.published.probabilityAlive(x: 0, tx: 0, T: 30) == 1)
        let alive = Self.published.probabilityAlive(x: 5, tx: 5, T: 38)
        #expect(alive > 0 && alive < 0.5)
    }

    /// The CDNOW holdout (39 weeks): totals add up, buckets cover everyone.
    @Test func cdnowHoldoutReport() throws {
        let rows = CLVCDNOWTests.rows
        let x = rows.map(\.x), tx = rows.map { $0.tx / 7 }, T = rows.map { $0.T / 7 }
        let fit = try BGNBDFitter.fit(x: x, tx: tx, T: T, unit: .weeks)
        let start = Day(year: 1997, month: 9, day: 30) ?? Day(ordinal: 0), end = Day(year: 1998, month: 6, day: 30) ?? start
        let report = CLVHoldoutReport(parameters: fit.parameters, x: x, tx: tx, T: T, actual: rows.map(\.holdout),
                                      calibrationEnd: start, holdoutEnd: end)
        #expect(report.actualTotal == rows.reduce(0) { $0 + $1.holdout })
        #expect(report.buckets.reduce(0) { $0 + $1.customers } == 2357)
        #expect(report.skipped == 0)
        #expect(abs(report.length - 39) < 1e-9)
        #expect(abs(report.predictedTotal / Double(report.actualTotal) - 1) < 0.15)
    }
}
