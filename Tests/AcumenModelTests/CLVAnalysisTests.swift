import Testing
import Foundation
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The workspace entry point: summary conventions, model values, discounting and JSON.
@Suite struct CLVAnalysisTests {
    static let start = Day(year: 2025, month: 1, day: 1) ?? Day(ordinal: 0)
    static let asOf = Day(year: 2026, month: 1, day: 1) ?? Day(ordinal: 0)

    /// A simulated shop: 3,000 customers, first purchase in the first half of 2025, BG/NBD
    /// purchasing in days, Gamma spend, margin 40 % of the amount.
    static func workspace(customers n: Int = 3_000, seed: UInt64 = 11) -> Workspace {
        var g = SeededGenerator(seed: seed)
        var ws = Workspace()
        for k in 0..<n {
            let i = Int32(ws.addCustomer(Customer(id: "c\(k)", name: "Customer \(k)")))
            let lambda = g.gamma(shape: 0.6, scale: 1.0 / 40), p = g.beta(0.9, 3)
            let nu = g.gamma(shape: 4, scale: 1.0 / 150)
            var t = Double(g.below(180))
            while true {
                let amount = Int64((g.gamma(shape: 5, scale: 1 / nu) * 100).rounded())
                ws.transactions.append(customer: i, day: start.adding(days: Int(t)), amount: Money(minor: amount),
                                       margin: Money(minor: amount * 4 / 10))
                t += g.exponential(mean: 1 / lambda)
                if t >= 500 || g.unit() < p { break }
            }
        }
        return ws
    }

    @Test func summaryMergesSameDayPurchases() {
        var ws = Workspace()
        _ = ws.addCustomer(Customer(id: "a", name: "A"))
        for (d, cents) in [(0, 1000), (0, 500), (7, 2000), (7, 1000), (14, 4000), (400, 9999)] {
            ws.transactions.append(customer: 0, day: Self.start.adding(days: d), amount: Money(minor: Int64(cents)), margin: nil)
        }
        let s = CLVSummary(transactions: ws.transactions, customerCount: 1, calibrationEnd: Self.start.adding(days: 21), unit: .weeks)
        #expect(s.x == [2])
        #expect(s.tx == [2])
        #expect(s.T == [3])
        #expect(s.meanRepeatSpend == [35])  // (30 + 40) / 2 currency units
        #expect(s.holdoutPurchases(transactions: ws.transactions, holdoutEnd: Self.start.adding(days: 500)) == [1])
    }

    @Test func workspaceIsValuedByTheModel() throws {
        let ws = Self.workspace()
        var settings = Settings()
        settings.clv.horizonMonths = 12
        settings.clv.annualDiscountRate = 0.1
        var options = CLVOptions(); options.unit = .days
        let r = CLVAnalysis.fit(workspace: ws, asOf: Self.asOf, settings: settings, options: options)
        #expect(r.bgnbd != nil && r.gammaGamma != nil)
        #expect(r.source.allSatisfy { $0 == .model })
        #expect(r.pAlive.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(r.predictedCLV.allSatisfy { $0.isFinite && $0 >= 0 })
        #expect(r.marginRate.allSatisfy { abs($0 - 0.4) < 0.001 })
        // Recompute one customer's CLV by hand from the fitted models.
        let s = CLVSummary(transactions: ws.transactions, customerCount: ws.customers.count, calibrationEnd: Self.asOf, unit: .days)
        let i = try #require(s.x.firstIndex { $0 >= 3 })
        let bg = try #require(r.parameters), gg = try #require(r.gammaGamma?.parameters)
        let monthly = pow(1.1, 1.0 / 12) - 1, step = 365.25 / 12
        var expected = 0.0
        for k in 1...12 {
            let hi = try #require(bg.conditionalExpectedPurchases(t: Double(k) * step, x: s.x[i], tx: s.tx[i], T: s.T[i]))
            let lo = try #require(bg.conditionalExpectedPurchases(t: Double(k - 1) * step, x: s.x[i], tx: s.tx[i], T: s.T[i]))
            expected += (hi - lo) * (gg.conditionalExpectedSpend(x: s.x[i], meanSpend: s.meanRepeatSpend[i]) ?? 0) * r.marginRate[i]
                / pow(1 + monthly, Double(k))
        }
        #expect(abs(r.predictedCLV[i] - expected) < 1e-9 * max(1, expected))
        let json = JSONWriter.compact(r.json)
        #expect(json.contains("\"bgnbd\"") && json.contains("\"logLikelihood\"") && json.contains("\"diagnostics\""))
        #expect(r.json["bgnbd"]?["parameters"]?["r"]?.doubleValue == bg.r)
    }

    @Test func holdoutValidationOnAWorkspace() throws {
        let ws = Self.workspace(customers: 1_500, seed: 5)
        let cal = Self.start.adding(days: 250), end = Self.start.adding(days: 500)
        let (fit, report) = try CLVHoldoutReport.validate(workspace: ws, calibrationEnd: cal, holdoutEnd: end)
        #expect(fit.diagnostics.converged)
        #expect(report.buckets.count == 8)
        #expect(abs(report.predictedTotal / Double(max(report.actualTotal, 1)) - 1) < 0.25)
        var bad = false
        do { _ = try CLVHoldoutReport.validate(workspace: ws, calibrationEnd: end, holdoutEnd: cal) } catch { bad = error == .invalidHoldout(calibrationEnd: end, holdoutEnd: cal) }
        #expect(bad)
    }

    /// Discounting: a zero rate gives a larger value than 50 % a year; a zero horizon gives 0.
    @Test func discountAndHorizonBehave() {
        let ws = Self.workspace(customers: 800, seed: 2)
        var s = Settings()
        s.clv.annualDiscountRate = 0
        let undiscounted = CLVAnalysis.fit(workspace: ws, asOf: Self.asOf, settings: s).predictedCLV.reduce(0, +)
        s.clv.annualDiscountRate = 0.5
        let discounted = CLVAnalysis.fit(workspace: ws, asOf: Self.asOf, settings: s).predictedCLV.reduce(0, +)
        #expect(undiscounted > discounted && discounted > 0)
        s.clv.horizonMonths = 0
        #expect(CLVAnalysis.fit(workspace: ws, asOf: Self.asOf, settings: s).predictedCLV.allSatisfy { $0 == 0 })
    }
}
