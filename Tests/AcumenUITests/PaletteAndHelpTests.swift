import Testing
@testable import AcumenUI

/// The palette puts the command named by what was typed first; help opens on the screen's keys.
@Suite struct PaletteAndHelpTests {
    @Test func exactAndPrefixNamesComeFirst() {
        #expect(PaletteRanking.rank("save").first == .save)
        #expect(PaletteRanking.rank("save").firstIndex(of: .save)! < (PaletteRanking.rank("save").firstIndex(of: .quit) ?? .max))
        #expect(PaletteRanking.rank("quit").first == .quit)
        #expect(PaletteRanking.rank("sea").prefix(3) == [.search, .searchNext, .searchPrevious])
        #expect(PaletteRanking.rank("SAVE").first == .save)
    }

    @Test func wordPrefixesBeatSummaries() {
        let scen = PaletteRanking.rank("scen")
        let scenario: Set<Command> = [.saveScenario, .nextScenario, .previousScenario, .applyScenario]
        #expect(Set(scen.prefix(4)) == scenario)
        #expect((scen.firstIndex(of: .sortAscending) ?? .max) > 3)
        // Spaces match the dashes of names.
        #expect(PaletteRanking.rank("next scen").first == .nextScenario)
    }

    @Test func subsequenceAndSummaryMatchesComeLast() {
        #expect(PaletteRanking.rank("nxsce").first == .nextScenario)
        #expect(PaletteRanking.rank("zzzz").isEmpty)
        #expect(PaletteRanking.rank("") == KeyMap.paletteCommands)
        // A summary-only match is still listed, after name matches.
        #expect(PaletteRanking.score("repaint", name: "repaint", summary: "") == 0)
        #expect(PaletteRanking.score("xyz", name: "open", summary: "hasxyzinside") == 6)
    }

    @Test func paletteEnterRunsTheTopMatch() {
        var s = Fixtures.state()
        _ = ReducerTests.press(&s, [.char(":")])
        ReducerTests.type(&s, "quit")
        guard case .palette(let q, let sel) = s.overlay else { Issue.record("no palette"); return }
        #expect(AppState.paletteCommands(q)[sel] == .quit)
        _ = ReducerTests.press(&s, [.escape, .char(":")])
        ReducerTests.type(&s, "save")
        guard case .palette(let q2, let sel2) = s.overlay else { Issue.record("no palette"); return }
        #expect(AppState.paletteCommands(q2)[sel2] == .save)
    }

    @Test func helpOpensOnTheCurrentScreensKeys() {
        let rows = KeyBindings.defaults.helpRows("", context: .triage)
        #expect(rows.first?.context == .triage)
        #expect(rows.count == KeyMap.table.count)
        let contexts = rows.map(\.context).reduce(into: [KeyContext]()) { if $0.last != $1 { $0.append($1) } }
        #expect(contexts.prefix(3) == [.triage, .list, .global] && Set(contexts).count == contexts.count)
    }
}
