import AcumenAnalytics
import AcumenCore
import AcumenStore
import Testing
@testable import AcumenUI

/// `x` on the accounts list exports exactly the rows listed, in the format asked for.
@Suite struct ExportViewTests {
    @Test func promptParsesFormatAndFile() {
        #expect(ExportRequest("csv key.csv", rows: [1])?.format == .csv)
        #expect(ExportRequest("markdown note for board.md", rows: [])?.path == "note for board.md")
        #expect(ExportRequest("note.md", rows: [])?.format == .markdown)
        #expect(ExportRequest("list.json", rows: [])?.format == .json)
        #expect(ExportRequest("csv", rows: []) == nil)
        #expect(ExportRequest("xlsx out.xlsx", rows: []) == nil)
        #expect(ExportRequest("", rows: []) == nil)
    }

    @Test func exportCarriesTheFilteredViewInListOrder() throws {
        var s = Fixtures.state()
        _ = s.update(.key(.char("f")))
        for ch in "a" { _ = s.update(.key(.char(ch))) }
        _ = s.update(.key(.enter))
        let listed = s.accounts.view
        _ = s.update(.key(.char("x")))
        guard case .prompt(let p) = s.overlay else { Issue.record("no export prompt"); return }
        #expect(p.kind == .export && p.text == "csv accounts.csv")
        for _ in 0..<"csv accounts.csv".count { _ = s.update(.key(.backspace)) }
        for ch in "json view.json" { _ = s.update(.key(.char(ch))) }
        let effects = s.update(.key(.enter))
        let expected = try #require(ExportRequest("json view.json", rows: listed))
        #expect(effects == [.export(expected)])
        #expect(s.overlay == nil)
    }
}

@Suite struct TotalsLabelTests {
    /// A count too wide for the name column is dropped, never cut mid-number.
    @Test func totalsLabelDropsTheCountWhenItDoesNotFit() {
        var t = AccountTable()
        t.tierNames = ["Key"]
        t.strategyNames = ["Grow"]
        for k in 0..<20 {
            t.append(id: "C\(k)", name: "N\(k)", tier: 0, score: 1, abc: 0, segment: 0, revenue: 1, contribution: 1, clv: 1,
                     strategy: 0, owner: 0, triage: .unreviewed, monthly: [])
        }
        for (width, height) in [(120, 40), (40, 12)] {
            var s = AppState(width: width, height: height)
            _ = s.update(.loaded(t))
            // As many listed rows as a large portfolio: "Total (1,234,567)" is wider than the name column.
            s.accounts.view = [Int32](repeating: 0, count: 1_234_567)
            var g = CellGrid(width: width, height: height)
            s.render(into: &g)
            let totals = g.lines.filter { $0.contains("Total") }
            #expect(totals.count == 1)
            #expect(totals.allSatisfy { $0.contains("Total (1,234,567)") || !$0.contains("Total (1,") }, "\(totals)")
        }
    }
}
