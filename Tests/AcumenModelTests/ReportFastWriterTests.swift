import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
import AcumenStore

/// The report's row writer that formats straight from the analysis' arrays (in parallel
/// chunks) gives exactly the bytes of the per-row writers, and its fixed-point numbers equal
/// Swift's shortest forms.
@Suite struct ReportFastWriterTests {
    let asOf = Day(year: 2026, month: 1, day: 1) ?? Day(ordinal: 0)

    /// `rounded(x, places)` through the general writers: JSON as ``ByteOutput/appendJSONNumber(_:)``,
    /// CSV as the CSV field of `String(v)`.
    func reference(_ x: Double, _ places: Int, json: Bool) -> String {
        var out = ByteOutput { _ in }
        if json { out.appendJSONNumber(rounded(x, places)) } else { PortfolioReport.appendCSVField(rounded(x, places).description, to: &out) }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    func fast(_ x: Double, _ places: Int, json: Bool) -> String {
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBufferPointer { b -> Int in
            guard let base = b.baseAddress else { return 0 }
            var w = ByteCursor(cursor: base)
            w.fixed(x, places: places, json: json)
            return w.cursor - base
        }
        return String(decoding: buffer.prefix(count), as: UTF8.self)
    }

    @Test func fixedPointNumbersEqualTheShortestForms() {
        var rng = ReportTestRandom(seed: 42)
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 0.00005, -0.00005, 0.0001, 0.00015, 0.001, 0.005, 0.015, 99.99995,
                                100, 57.1234, -57.1234, 1e-7, 123456.789, 999_999_999.99, 1e9, 1e12, 1e15, 1e16, 3e300,
                                .nan, .infinity, -.infinity, .ulpOfOne, 0.1 + 0.2, 2.675, 1.005, 8.345]
        for _ in 0..<200_000 {
            let magnitude = pow(10, Double(rng.next() % 14) - 5)
            let v = (Double(rng.next() % 2_000_001) / 1_000_000 - 1) * magnitude
            values.append(v)
            values.append((v * 10000).rounded() / 10000)
            values.append((v * 100).rounded() / 100 + 0.005)
        }
        for v in values {
            for places in [2, 4] {
                for json in [true, false] {
                    #expect(fast(v, places, json: json) == reference(v, places, json: json), "\(v) \(places) \(json)")
                }
            }
        }
    }

    /// A demo with hostile names, overrides, customers without purchases, a scenario and the fit.
    func workspace() -> Workspace {
        var w = DemoGenerator(customers: 600, transactionsPerCustomer: 5, seed: 23).generate()
        let hostile = ["=HYPERLINK(\"x\")", "a,b", "say \"hi\"", "line\r\nbreak", "-5", "+1", "@cmd", "\ttab", "Zoë 東京",
                       "ctrl\u{1B}[31m", "\u{7F}del", "", "back\\slash", "-"]
        for (k, name) in hostile.enumerated() { w.customers[k * 5].name = name; w.customers[k * 5 + 1].id = "id," + name }
        let t0 = Timestamp(seconds: 0)
        for k in stride(from: 3, to: 600, by: 37) {
            w.customers[k].tierOverride = Override(value: w.settings.tiers.bands.first?.name ?? "Key", reason: "r", author: "ann", at: t0)
        }
        for k in stride(from: 4, to: 600, by: 41) { w.customers[k].strategyOverride = Override(value: "cut-cost", reason: "r", author: "ann", at: t0) }
        w.customers.append(Customer(id: "NEW-1", name: "No purchases"))
        w.settings.scenarios.append(Scenario(name: "Value", weights: [.monetary: 3, .frequency: 1]))
        return w
    }

    @Test func rowWriterEqualsTheRowByRowWriters() throws {
        let w = workspace()
        let (withFit, _) = PortfolioAnalyzer.analyzeWithLifetimeValue(w, asOf: asOf)
        for analysis in [withFit, PortfolioAnalyzer.analyze(w, asOf: asOf)] {
            for scenario in [nil, w.settings.scenarios.last] {
                for sort in [PortfolioReport.SortField.rank, .name, .recency] {
                    let report = PortfolioReport(analysis: analysis, scenario: scenario, sort: sort)
                    var json = ByteOutput { _ in }, csv = ByteOutput { _ in }
                    for (k, row) in report.rows.enumerated() {
                        json.append("    {\n")
                        row.writeJSONMembers(to: &json)
                        json.append(k + 1 < report.rows.count ? "    },\n" : "    }\n")
                        row.writeCSV(to: &csv)
                    }
                    let writer = ReportRowWriter(report)
                    let n = report.order.count
                    // Any split into chunks gives the same bytes.
                    for cut in [0, 1, n / 3, n] {
                        #expect(writer.json(0..<cut) + writer.json(cut..<n) == json.bytes)
                        #expect(writer.csv(0..<cut) + writer.csv(cut..<n) == csv.bytes)
                    }
                }
            }
        }
    }

    @Test func reportRowsAreBuiltOnAccess() {
        let analysis = PortfolioAnalyzer.analyze(workspace(), asOf: asOf)
        let report = PortfolioReport(analysis: analysis, sort: .revenue, limit: 25)
        #expect(report.rows.count == 25 && report.order.count == 25)
        #expect(report.rows.map(\.index) == report.order)
        #expect(report.rows[3] == report.row(report.order[3]))
        let all = PortfolioReport(analysis: analysis)
        #expect(all.order == analysis.baseline.order.map { Int($0) })
    }
}

/// A small deterministic generator (SplitMix64) for test values.
struct ReportTestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
