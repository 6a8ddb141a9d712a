import Foundation
import Testing
@testable import acumen
import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI

/// `x` in the workbench never replaces an existing file without asking once.
@Suite struct ExportOverwriteTests {
    @Test func anExistingFileIsOnlyReplacedAfterAYes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("acumen-export-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("key.csv").path
        let ws = DemoGenerator(customers: 12, seed: 3).generate()
        let analysis = PortfolioAnalyzer.analyze(ws, asOf: ws.asOf(fallback: Day(ordinal: 20454)))
        let request = try #require(ExportRequest("csv " + path, rows: [0, 1, 2]))

        // A new file is written at once.
        let first = exportView(request, analysis: analysis, workspace: ws)
        guard case .notice(let text, false) = first.first else { Issue.record("\(first)"); return }
        #expect(text.hasPrefix("Exported 3 accounts to"))

        // Now it exists: the workbench asks, and the file is untouched until the answer.
        try Data("mine".utf8).write(to: URL(fileURLWithPath: path))
        let second = exportView(request, analysis: analysis, workspace: ws)
        guard case .workflow(.confirm(let c)) = second.first else { Issue.record("no question: \(second)"); return }
        #expect(c.question == "\(path) exists: overwrite it with 3 accounts?")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "mine")
        guard case .export(let again) = c.onYes.first else { Issue.record("\(c.onYes)"); return }
        #expect(again.overwrite)
        let third = exportView(again, analysis: analysis, workspace: ws)
        guard case .notice(_, false) = third.first else { Issue.record("\(third)"); return }
        #expect(try String(contentsOfFile: path, encoding: .utf8) != "mine")
    }
}
