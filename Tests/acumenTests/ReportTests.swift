import Foundation
import Testing
@testable import acumen
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore
import AcumenUI

/// `acumen report` formatting: widths, sanitising, CSV guard and the JSON shape.
@Suite struct ReportTests {
    func demoReport(limit: Int? = nil, scenario: Scenario? = nil, mutate: (inout Workspace) -> Void = { _ in }) -> PortfolioReport {
        var ws = DemoGenerator(customers: 300, seed: 11).generate()
        mutate(&ws)
        let a = PortfolioAnalyzer.analyze(ws, asOf: ws.asOf(fallback: Day(ordinal: 20454)))
        return PortfolioReport(analysis: a, scenario: scenario, limit: limit)
    }

    @Test func displayWidthCountsWideAndCombiningCharacters() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("東京物流") == 8)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(TextLayout.fit("東京物流", width: 5) == "東京…")
        #expect(TextLayout.fit("東京物流", width: 6) == "東京… ")
        #expect(DisplayWidth.of(TextLayout.fit("東京物流株式会社", width: 7)) == 7)
        #expect(TextLayout.fit("ab", width: 4, alignment: .right) == "  ab")
    }

    @Test func controlCharactersAreNeutralised() {
        #expect(TextSanitizer.sanitize("A\u{1B}[31mB") == "A\\x1b[31mB")
        #expect(TextSanitizer.sanitize("x\ry\n") == "x\\x0dy\\x0a")
        #expect(TextSanitizer.sanitize("a\u{202E}b") == "a\\u202eb")
        #expect(TextSanitizer.sanitize("Müller 東京") == "Müller 東京")
    }

    @Test func tableFitsEightyColumnsWithCJKAndHostileNames() {
        let r = demoReport(limit: 0) { ws in
            ws.customers[0].name = "Evil\u{1B}]0;pwned\u{07}Corp"
            ws.customers[1].name = "株式会社東京中央物流サービス"
        }
        let text = ReportFormatter.table(r)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(text.contains("Evil\\x1b]0;"))
        // Every row's tier column starts at the same cell, whatever the script of the name.
        let header = lines[0]
        let tierCell = DisplayWidth.of(String(header[..<(header.range(of: "Tier")?.lowerBound ?? header.endIndex)]))
        for (line, row) in zip(lines.dropFirst(), r.rows) {
            var used = 0
            var rest = Substring(line)
            while used < tierCell, let ch = rest.first { used += DisplayWidth.of(String(ch)); rest = rest.dropFirst() }
            #expect(rest.hasPrefix(row.tier), "\(line)")
        }
    }

    @Test func csvGuardsAgainstFormulaInjection() {
        #expect(PortfolioReport.csvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(PortfolioReport.csvField("+1 555") == "'+1 555")
        #expect(PortfolioReport.csvField("@SUM(A1)") == "'@SUM(A1)")
        #expect(PortfolioReport.csvField("\tx") == "'\tx")
        #expect(PortfolioReport.csvField("-12.50") == "-12.50")
        #expect(PortfolioReport.csvField("-cmd") == "'-cmd")
        #expect(PortfolioReport.csvField("a,b") == "\"a,b\"")
        let r = demoReport(limit: 5) { $0.customers[0].name = "=cmd|' /C calc'!A0" }
        let csv = r.csv
        #expect(csv.hasPrefix(PortfolioReport.csvColumns.joined(separator: ",") + "\r\n"))
        #expect(!csv.contains(",=cmd"))
    }

    @Test func jsonShapeIsStable() throws {
        let r = demoReport(limit: 3)
        let v = try JSONParser.parse(Array(JSONWriter.pretty(r.json).utf8))
        #expect(v["kind"]?.stringValue == "acumen.report" && v["schemaVersion"]?.intValue == 1)
        #expect(v["customers"]?.arrayValue?.count == 3 && v["customerCount"]?.intValue == 300)
        let row = v["customers"]?.arrayValue?.first?.objectValue ?? [:]
        let keys = ["abc", "belowBreakEven", "computedTier", "contribution", "costToServe", "expectedPurchases", "f", "historicalCLV",
                    "id", "m", "margin", "name", "pAlive", "predictedCLV", "purchases", "r", "rank", "recencyDays", "recommendedStrategy", "revenue",
                    "score", "segment", "strategy", "strategyOverride", "tier", "tierOverride"]
        #expect(row.keys.sorted() == keys)
        let summary = v["summary"]?.objectValue ?? [:]
        for group in ["tiers", "abc"] {
            let shares = summary[group]?.arrayValue?.compactMap { $0["customerShare"]?.doubleValue } ?? []
            #expect(abs(shares.reduce(0, +) - 1) < 1e-5)
            let revenue = summary[group]?.arrayValue?.compactMap { $0["revenueShare"]?.doubleValue } ?? []
            #expect(abs(revenue.reduce(0, +) - 1) < 1e-5)
        }
    }

    @Test func scenarioRowsCarryBaselineAndMigration() {
        let sc = Scenario(name: "value only", weights: [.monetary: 1, .contribution: 1])
        let r = demoReport(scenario: sc)
        #expect(r.rows.allSatisfy { $0.baselineRank != nil })
        #expect(r.comparison?.migration.flatMap { $0 }.reduce(0, +) == 300)
        #expect(r.json["migration"]?["matrix"]?.arrayValue?.count == 4)
        let text = ReportFormatter.table(r)
        #expect(text.contains("Tier moves vs baseline"))
    }

    @Test func sortAndLimit() {
        var ws = DemoGenerator(customers: 80, seed: 4).generate()
        ws.customers[3].name = "Aaa"
        let a = PortfolioAnalyzer.analyze(ws, asOf: ws.asOf(fallback: Day(ordinal: 20454)))
        let byRevenue = PortfolioReport(analysis: a, sort: .revenue, limit: 10)
        #expect(byRevenue.rows.count == 10)
        #expect(zip(byRevenue.rows, byRevenue.rows.dropFirst()).allSatisfy { $0.revenue >= $1.revenue })
        let byRank = PortfolioReport(analysis: a)
        #expect(byRank.rows.map(\.rank) == Array(1...80))
    }
}
