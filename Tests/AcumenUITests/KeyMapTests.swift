import Foundation
import Testing
@testable import AcumenUI

@Suite struct KeyMapTests {
    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            var seen: [Key: Command] = [:]
            for b in KeyMap.table where b.context == context {
                for k in b.keys {
                    #expect(seen[k] == nil, "\(k.name) bound to \(seen[k]?.rawValue ?? "") and \(b.command.rawValue) in \(context)")
                    seen[k] = b.command
                }
            }
        }
    }

    @Test func everyCommandHasABinding() {
        for c in Command.allCases { #expect(KeyMap.binding(for: c) != nil, "\(c.rawValue) has no row in the key map") }
    }

    @Test func lookupFallsBackFromScreenToListToGlobal() {
        #expect(KeyMap.command(for: .char("j"), in: .accounts) == .moveDown)
        #expect(KeyMap.command(for: .escape, in: .accounts) == .restoreFilter)
        #expect(KeyMap.command(for: .escape, in: .profile) == .back)
        #expect(KeyMap.command(for: .char("?"), in: .portfolio) == .help)
        #expect(KeyMap.command(for: .char("["), in: .portfolio) == nil)
    }

    /// docs/keys.md is generated from the table; regenerate with `acumen keys --markdown`.
    @Test func docsMatchTheTable() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/keys.md")
        let text = try #require(FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) })
        #expect(text == KeyMap.markdown(), "docs/keys.md is out of date: run `acumen keys --markdown > docs/keys.md`")
    }

    /// The help overlay shows every binding of the table, filtered by what is typed.
    @Test func helpOverlayListsEveryBinding() {
        var s = Fixtures.state(width: 120, height: 240)
        _ = s.update(.key(.char("?")))
        var g = CellGrid(width: 120, height: 240)
        s.render(into: &g)
        let text = g.text
        for b in KeyMap.table {
            #expect(text.contains(b.summary), "help lacks: \(b.summary)")
            #expect(text.contains(TextLayout.fit(b.keyNames, width: 16)), "help lacks keys \(b.keyNames)")
        }
        for ch in "sort" { _ = s.update(.key(.char(ch))) }
        s.render(into: &g)
        #expect(g.text.contains("Sort by the current column, ascending"))
        #expect(!g.text.contains("Move down"))
    }

    @Test func paletteRunsACommandByName() {
        var s = Fixtures.state()
        _ = s.update(.key(.char(":")))
        for ch in "screen-port" { _ = s.update(.key(.char(ch))) }
        _ = s.update(.key(.enter))
        #expect(s.screen == .portfolio)
        #expect(s.overlay == nil)
        #expect(AppState.paletteCommands("") == KeyMap.paletteCommands)
    }
}
