import Testing
import Foundation
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Degenerate inputs give a typed error or a finite, flagged result — never NaN or a hang.
@Suite struct CLVDegenerateTests {
    /// The error a fit throws, or nil.
    func failure(_ body: () throws(CLVError) -> BGNBDFit) -> CLVError? {
        do { _ = try body(); return nil } catch { return error }
    }

    @Test func oneCustomerIsTooFew() {
        #expect(failure { () throws(CLVError) in try BGNBDFitter.fit(x: [3], tx: [10], T: [20], unit: .weeks) }
            == .tooFewCustomers(found: 1, needed: 10))
    }

    @Test func noCustomersIsAnError() {
        #expect(failure { () throws(CLVError) in try BGNBDFitter.fit(x: [], tx: [], T: [], unit: .days) } == .noCustomers)
    }

    @Test func allOneTimeBuyersIsAnError() {
        let n = 500
        let error = failure { () throws(CLVError) in
            try BGNBDFitter.fit(x: [Int](repeating: 0, count: n), tx: [Double](repeating: 0, count: n),
                                T: (0..<n).map { Double(10 + $0 % 30) }, unit: .weeks)
        }
        #expect(error == .tooFewRepeatBuyers(found: 0, needed: 5))
        #expect(error?.description.contains("one-time buyers") == true)
    }

    @Test func invalidInputIsAnError() {
        for (x, tx, T) in [([1, 2], [Double.nan, 1], [3.0, 4]), ([1], [5.0], [4.0]), ([-1], [0.0], [4.0])] {
            guard case .invalidInput = failure({ () throws(CLVError) in try BGNBDFitter.fit(x: x, tx: tx, T: T, unit: .weeks) }) else {
                Issue.record("expected invalidInput for x=\(x) t_x=\(tx) T=\(T)"); continue
            }
        }
    }

    /// Identical customers: the likelihood has no interior maximum; the fit must end finite,
    /// flagged at a bound or converged, within the iteration limits.
    @Test func identicalCustomersGiveAFiniteFlaggedFit() throws {
        let n = 200
        let fit = try BGNBDFitter.fit(x: [Int](repeating: 3, count: n), tx: [Double](repeating: 20, count: n),
                                      T: [Double](repeating: 30, count: n), unit: .weeks)
        #expect(fit.logLikelihood.isFinite)
        #expect(fit.parameters.values.allSatisfy { $0.isFinite && $0 > 0 })
        #expect(fit.diagnostics.converged || fit.diagnostics.atBound || fit.diagnostics.method.contains("nelder"))
        let alive = fit.parameters.probabilityAlive(x: 3, tx: 20, T: 30)
        #expect(alive >= 0 && alive <= 1)
    }

    /// Huge values (a customer with 10⁵ repeat days over 10⁷ days) stay finite.
    @Test func hugeValuesStayFinite() throws {
        var d = CLVSimulationTests.simulateBGNBD(n: 300, r: 0.5, alpha: 8, a: 0.8, b: 2.5, seed: 3)
        d.x.append(100_000); d.tx.append(9e6); d.T.append(1e7)
        let fit = try BGNBDFitter.fit(x: d.x, tx: d.tx, T: d.T, unit: .days)
        #expect(fit.logLikelihood.isFinite)
        #expect(fit.parameters.values.allSatisfy { $0.isFinite })
        let e = fit.parameters.conditionalExpectedPurchases(t: 52, x: 100_000, tx: 9e6, T: 1e7)
        #expect(e.map { $0.isFinite && $0 >= 0 } ?? true)
    }

    /// A workspace without transactions: every customer has no history, no NaN anywhere.
    @Test func emptyWorkspaceGivesNoHistory() {
        let ws = Workspace(customers: [Customer(id: "a", name: "A"), Customer(id: "b", name: "B")])
        let r = CLVAnalysis.fit(workspace: ws, asOf: Day(year: 2026, month: 1, day: 1) ?? Day(ordinal: 0))
        #expect(r.source == [.noHistory, .noHistory])
        #expect(r.predictedCLV == [0, 0])
        #expect(!r.warnings.isEmpty)
        #expect(r.bgnbd == nil)
    }

    /// All one-time buyers: historical fallback, marked, with the reason in the warnings.
    @Test func oneTimeBuyersFallBackToHistory() {
        var ws = Workspace()
        let start = Day(year: 2025, month: 1, day: 1) ?? Day(ordinal: 0)
        for k in 0..<50 {
            let i = ws.addCustomer(Customer(id: "c\(k)", name: "C\(k)"))
            ws.transactions.append(customer: Int32(i), day: start.adding(days: k * 5), amount: Money(minor: 10_000),
                                   margin: Money(minor: 2_500))
        }
        let asOf = Day(year: 2026, month: 1, day: 1) ?? start
        let r = CLVAnalysis.fit(workspace: ws, asOf: asOf)
        #expect(r.source.allSatisfy { $0 == .historicalFallback })
        #expect(r.warnings.contains { $0.contains("one-time buyers") })
        #expect(r.predictedCLV.allSatisfy { $0.isFinite })
        // Margin over the trailing 12 months (2025-01-01 … 2026-01-01, exclusive start).
        #expect(r.predictedCLV[0] == 0 && r.predictedCLV[1] == 25)
    }
}
