import Foundation
import Testing
@testable import acumen
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore
import AcumenUI

/// The streamed table: pieces of whole lines that join to the whole table, sanitised alike.
@Suite struct ReportStreamingTests {
    @Test func tablePiecesAreWholeLinesAndJoinToTheTable() {
        var ws = DemoGenerator(customers: 500, seed: 3).generate()
        ws.customers[4].name = "evil\u{1B}[31m name\r\nnext 東京"
        let a = PortfolioAnalyzer.analyze(ws, asOf: ws.asOf(fallback: Day(ordinal: 20454)))
        let report = PortfolioReport(analysis: a, limit: 0)
        var pieces: [String] = []
        ReportFormatter.writeTable(report, linesPerPiece: 64) { pieces.append($0) }
        #expect(pieces.count > 5)
        #expect(pieces.allSatisfy { $0.hasSuffix("\n") })
        #expect(pieces.joined() == ReportFormatter.table(report))
        #expect(pieces.map(TextSanitizer.sanitizeLines).joined() == TextSanitizer.sanitizeLines(ReportFormatter.table(report)))
    }
}
