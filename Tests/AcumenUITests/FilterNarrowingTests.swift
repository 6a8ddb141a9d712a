import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// Typing a filter narrows the previous result instead of rescanning every row; the result must
/// be exactly what the full filter gives, whatever is typed or deleted.
@Suite struct FilterNarrowingTests {
    @Test func typedFilterEqualsTheFilterAppliedAtOnce() throws {
        for query in ["株", "a", "al ze", "zeta x", "tier:key", "!a", "mixed", "a or tier:key"] {
            var typed = Fixtures.state()
            _ = typed.update(.key(.char("f")))
            for ch in query { _ = typed.update(.key(.char(ch))) }
            // Delete and retype the last letter: widening must rescan.
            _ = typed.update(.key(.backspace))
            if let last = query.last { _ = typed.update(.key(.char(last))) }
            let expected = try typed.table.parseFilter(query).get().rows(typed.accounts.order, in: typed.table)
            #expect(typed.accounts.view == expected, "\(query)")
            #expect(typed.accounts.filterError == nil, "\(query)")
        }
    }

    @Test func anUnknownValueIsShownInThePromptAndClearsWhenFixed() {
        var s = Fixtures.state()
        _ = s.update(.key(.char("f")))
        for ch in "tier=Keyy" { _ = s.update(.key(.char(ch))) }
        #expect(s.accounts.filterError?.column == 6)
        var grid = CellGrid(width: 100, height: s.height)
        s.width = 100
        s.render(into: &grid)
        let line = grid.lines[s.height - 2]
        #expect(line.contains("column 6: unknown tier 'Keyy'"), "\(line)")
        // Enter keeps the prompt open on an error.
        _ = s.update(.key(.enter))
        guard case .prompt = s.overlay else { Issue.record("prompt closed on an error"); return }
        _ = s.update(.key(.backspace))
        #expect(s.accounts.filterError == nil)
        _ = s.update(.key(.enter))
        #expect(s.overlay == nil && s.accounts.filter == "tier=Key")
    }
}
