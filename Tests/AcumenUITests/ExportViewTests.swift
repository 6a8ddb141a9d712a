import AcumenModel
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
