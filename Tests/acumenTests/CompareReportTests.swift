import Foundation
import Testing
@testable import acumen
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore
import AcumenUI

/// `acumen report --compare-as-of` output and `fit --cdnow` with the five-column sample layout.
@Suite struct CompareReportTests {
    /// A demo portfolio compared between its asOf and six months before.
    func report(limit: Int = 5) -> (CompareReport, Workspace, Day, Day) {
        let ws = DemoGenerator(customers: 250, transactionsPerCustomer: 6, seed: 21).generate()
        let later = ws.asOf(fallback: Day(ordinal: 20454)), earlier = later.adding(months: -6)
        let analysis = PortfolioAnalyzer.analyze(ws, asOf: later)
        let loaded = AnalysisOptions.Loaded(workspace: ws, asOf: later, date: AnalysisDate.resolve(ws, requested: later, today: later),
                                            scenario: nil, analysis: analysis, lifetimeValue: nil)
        return (CompareReport.build(loaded, other: earlier, lifetimeValue: false, limit: limit), ws, earlier, later)
    }

    @Test func jsonMigrationsAddUpToEachDatesReport() throws {
        let (r, ws, earlier, later) = report()
        let v = try JSONParser.parse(Array(JSONWriter.pretty(r.json).utf8))
        #expect(v["kind"]?.stringValue == "acumen.comparison" && v["customerCount"]?.intValue == 250)
        #expect(v["earlier"]?["asOf"]?.stringValue == earlier.iso && v["later"]?["asOf"]?.stringValue == later.iso)
        for (name, date, sums) in [("tiers", earlier, "rowSums"), ("tiers", later, "columnSums"), ("abc", earlier, "rowSums"), ("abc", later, "columnSums")] {
            let plain = PortfolioReport(analysis: PortfolioAnalyzer.analyze(ws, asOf: date)).summary
            let want = (name == "tiers" ? plain.tiers : plain.abc).map(\.customers)
            let got = v["migration"]?[name]?[sums]?.arrayValue?.compactMap(\.intValue)
            #expect(got == want, "\(name) \(sums) at \(date.iso)")
        }
        #expect(v["movers"]?["up"]?.arrayValue?.count == 5)
        #expect(v["decisions"]?.arrayValue?.count == Strategy.allCases.count)
    }

    @Test func tableFitsEightyColumnsAndSaysTheWeightsAreShared() {
        let (r, _, earlier, _) = report()
        let text = r.table
        #expect(text.contains("same weights at both dates"))
        #expect(text.contains("earlier: as of \(earlier.iso) · window"))
        #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
        #expect(r.markdown.contains("## Tier migration (customers)"))
    }

    @Test func csvHasOneLinePerCustomer() {
        let (r, _, _, _) = report()
        let lines = r.csv.split(separator: "\r\n")
        #expect(lines.count == 251)
        #expect(lines.first?.hasPrefix("id,name,earlierTier,laterTier") == true)
    }

    @Test func cdnowReaderAcceptsTheFiveColumnSampleLayout() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("acumen-cdnow-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let five = dir.appendingPathComponent("sample.txt").path
        try "00004 1 19970101 2 29.33\n00004 1 19970118 2 29.73\n00021 2 19970101 3 63.34\n".write(toFile: five, atomically: false, encoding: .utf8)
        let four = dir.appendingPathComponent("master.txt").path
        try " 00004  19970101  2   29.33\n 00004  19970118  2   29.73\n 00021  19970101  3   63.34\n".write(toFile: four, atomically: false, encoding: .utf8)
        let a = try CDNOWReader.read(path: five, sampleIdsPath: nil), b = try CDNOWReader.read(path: four, sampleIdsPath: nil)
        #expect(a.customers.map(\.id) == ["4", "21"] && a.transactions == b.transactions)
        #expect(a.transactions.amount == [2933, 2973, 6334] && a.transactions.quantity == [2, 2, 3])
        let bad = dir.appendingPathComponent("bad.txt").path
        try "1 2 3\n".write(toFile: bad, atomically: false, encoding: .utf8)
        #expect(throws: CDNOWReader.Failure.self) { try CDNOWReader.read(path: bad, sampleIdsPath: nil) }
    }
}
