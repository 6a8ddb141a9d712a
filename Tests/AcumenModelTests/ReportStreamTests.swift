import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The streamed report and export writers give exactly the bytes of the tree-building ones.
@Suite struct ReportStreamTests {
    let asOf = Day(year: 2026, month: 1, day: 1) ?? Day(ordinal: 0)

    /// A demo workspace with names that need escaping, quoting and formula guards.
    func workspace() -> Workspace {
        var w = DemoGenerator(customers: 400, transactionsPerCustomer: 6, seed: 11).generate()
        let hostile = ["=HYPERLINK(\"x\")", "a,b", "say \"hi\"", "line\r\nbreak", "-5", "+1", "@cmd", "\ttab", "e\u{301},x",
                       "Zoë 東京", "ctrl\u{1B}[31m", ",\u{301}", "\u{7F}del", ""]
        for (k, name) in hostile.enumerated() { w.customers[k * 7].name = name }
        w.customers[3].costToServe = Money(minor: 99_999_999)
        w.settings.scenarios.append(Scenario(name: "Value", weights: [.monetary: 3, .frequency: 1]))
        return w
    }

    /// Everything a sink received plus the tail, with a small chunk so rows span chunks.
    func collect(_ write: (inout ByteOutput) throws -> Void) throws -> (bytes: [UInt8], chunks: Int) {
        final class Box: @unchecked Sendable { var bytes: [UInt8] = []; var chunks = 0 }
        let box = Box()
        var out = ByteOutput(chunkSize: 4096) { box.bytes += $0; box.chunks += 1 }
        try write(&out)
        try out.flush()
        return (box.bytes, box.chunks)
    }

    @Test func streamedJSONAndCSVEqualTheTreeWriters() throws {
        let w = workspace()
        let (analysis, clv) = PortfolioAnalyzer.analyzeWithLifetimeValue(w, asOf: asOf)
        for scenario in [nil, w.settings.scenarios.last] {
            for sort in [PortfolioReport.SortField.rank, .name, .clv] {
                let report = PortfolioReport(analysis: analysis, scenario: scenario, sort: sort)
                let extra: [String: JSONValue] = clv.map { ["lifetimeValue": $0.json] } ?? [:]
                var tree = report.json
                if case .object(var o) = tree { o.merge(extra) { $1 }; tree = .object(o) }
                let json = try collect { try report.writeJSON(extra: extra, to: &$0) }
                #expect(json.chunks > 10)
                #expect(String(decoding: json.bytes, as: UTF8.self) == JSONWriter.pretty(tree))
                let csv = try collect { try report.writeCSV(to: &$0) }
                #expect(String(decoding: csv.bytes, as: UTF8.self) == report.csv)
            }
        }
    }

    @Test func anEmptyOrLimitedReportStreamsTheSameBytes() throws {
        let analysis = PortfolioAnalyzer.analyze(workspace(), asOf: asOf)
        for limit in [1, 3] {
            let report = PortfolioReport(analysis: analysis, limit: limit)
            let json = try collect { try report.writeJSON(to: &$0) }.bytes
            #expect(String(decoding: json, as: UTF8.self) == JSONWriter.pretty(report.json))
        }
        let empty = PortfolioReport(analysis: PortfolioAnalyzer.analyze(Workspace(), asOf: asOf))
        #expect(String(decoding: try collect { try empty.writeJSON(to: &$0) }.bytes, as: UTF8.self) == JSONWriter.pretty(empty.json))
        #expect(String(decoding: try collect { try empty.writeCSV(to: &$0) }.bytes, as: UTF8.self) == empty.csv)
    }

    @Test func streamedExportsEqualTheRenderedOnes() throws {
        var w = workspace()
        w.customers[5].notes.append(Note(text: "=cmd, \"quoted\"\nline", author: "ann", at: Timestamp(seconds: 1_764_234_650)))
        let (analysis, _) = PortfolioAnalyzer.analyzeWithLifetimeValue(w, asOf: asOf)
        for (filter, scenario) in [("", nil), ("tier=Key or belowBreakEven", w.settings.scenarios.last), ("id=nobody", nil)] {
            let parsed = try AccountFilter.parse(filter)
            let accounts = ExportedAccount.accounts(analysis, scenario: scenario, filter: parsed)
            let context = ExportContext(asOf: asOf, scenario: scenario?.name, filter: parsed, currency: w.settings.currency, tierOrder: analysis.tierNames)
            for format in ExportFormat.allCases {
                let streamed = try collect { try AccountExporter.write(format, accounts, workspace: w, context: context, to: &$0) }
                #expect(streamed.bytes == AccountExporter.render(format, accounts, workspace: w, context: context), "\(format) \(filter)")
            }
        }
    }

    @Test func numbersAreFormattedAsTheirStringForms() {
        var out = ByteOutput { _ in }
        let ints = [0, 7, -7, 10, 99, 100, 123_456_789, Int.max, Int.min]
        let minors: [Int64] = [0, 5, -5, 100, -199, 12_345, Int64.max, Int64.min + 1]
        let doubles = [0, -0.0, 0.1, 1.5, -2.25, 1e-5, 123456.789, 1e15, 1e16, 3.0e300, .nan, .infinity, 57.1234]
        for v in ints { out.appendInt(v); out.append(" ") }
        for m in minors { out.appendMoney(minor: m); out.append(" ") }
        for d in doubles { out.appendJSONNumber(d); out.append(" "); out.appendDouble(d); out.append(" ") }
        let expected = ints.map { String($0) + " " }.joined() + minors.map { Money(minor: $0).decimalText + " " }.joined()
            + doubles.map { JSONWriter.compact(.double($0)) + " " + String($0) + " " }.joined()
        #expect(String(decoding: out.bytes, as: UTF8.self) == expected)
    }
}
