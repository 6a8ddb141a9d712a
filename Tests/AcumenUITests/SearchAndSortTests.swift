import AcumenCore
import Testing
@testable import AcumenUI

/// Search, filter and name order that fit people's names: case and accent folding, the
/// locale-independent name collation, the "3 of 41" count and the highlight.
@Suite struct SearchAndSortTests {
    func frame(_ s: AppState) -> CellGrid {
        var grid = CellGrid(width: s.width, height: s.height)
        render(s, into: &grid)
        return grid
    }

    @Test func foldingIgnoresCaseAndAccents() {
        #expect(TextFolding.fold("Müller") == "muller")
        #expect(TextFolding.fold("Mu\u{308}ller") == "muller")  // already decomposed
        #expect(TextFolding.fold("ÁLVAREZ") == "alvarez")
        #expect(TextFolding.fold("école") == "ecole")
        #expect(TextFolding.fold("Straße") == "strasse")
        #expect(TextFolding.fold("Søren Łódź") == "soren lodz")
        #expect(TextFolding.fold("ACME tools") == "acme tools")
        // Other scripts keep their combining signs: ガ is not カ.
        #expect(TextFolding.fold("ガ") != TextFolding.fold("カ"))
        #expect(TextFolding.fold("株式会社") == "株式会社")
    }

    @Test func matchRangeIsInCharactersOfTheOriginal() {
        #expect(TextFolding.matchRange(of: "umlaut", in: "Café Ümlaut & Söhne") == 5..<11)
        #expect(TextFolding.matchRange(of: "strasse", in: "Große Straße") == 6..<12)
        #expect(TextFolding.matchRange(of: "xyz", in: "Acme") == nil)
        #expect(TextFolding.matchRange(of: "", in: "Acme") == nil)
    }

    @Test func namesSortByFoldedKeyNotByteOrder() {
        let names = ["Zeta", "école", "Álvarez", "apex", "Beta", "Eagle", "Muller", "Müller", "Ålesund"]
        let rows = (0..<Int32(names.count)).map { $0 }
        let sorted = NameCollation.sorted(rows, names: names, descending: false).map { names[Int($0)] }
        #expect(sorted == ["Ålesund", "Álvarez", "apex", "Beta", "Eagle", "école", "Muller", "Müller", "Zeta"])
        let down = NameCollation.sorted(rows, names: names, descending: true).map { names[Int($0)] }
        #expect(down == sorted.reversed())
        #expect(NameCollation.precedes("Álvarez", "Zeta") && !NameCollation.precedes("Zeta", "Álvarez"))
    }

    @Test func sortingTheNameColumnUsesTheCollation() {
        var s = Fixtures.state()
        s.accounts.sortColumn = .name
        s.accounts.rebuild(s.table, resort: true)
        let names = s.accounts.view.map { s.table.names[Int($0)] }
        let cafe = names.firstIndex { $0.hasPrefix("Caf") } ?? -1
        let bolt = names.firstIndex { $0.hasPrefix("Bolt") } ?? -1
        let delta = names.firstIndex { $0.hasPrefix("Delta") } ?? -1
        #expect(bolt < cafe && cafe < delta)
    }

    @Test func searchAndFilterFoldAccents() {
        var s = Fixtures.state()
        _ = ReducerTests.press(&s, [.char("/")])
        ReducerTests.type(&s, "umlaut")
        #expect(ReducerTests.currentName(s) == "Café Ümlaut & Söhne")
        _ = ReducerTests.press(&s, [.enter, .char("f")])
        ReducerTests.type(&s, "SOHNE")
        #expect(s.accounts.view.count == 1)
        _ = ReducerTests.press(&s, [.ctrl("u")])
        ReducerTests.type(&s, "cafe")
        #expect(s.accounts.view.map { s.table.names[Int($0)] } == ["Café Ümlaut & Söhne"])
    }

    @Test func searchCountsMatchesAndShowsThePosition() {
        var s = Fixtures.state()
        _ = ReducerTests.press(&s, [.char("/")])
        ReducerTests.type(&s, "a")
        let hits = s.accounts.searchHits
        let expected = s.accounts.view.filter { TextFolding.fold(s.table.names[Int($0)] + " " + s.table.ids[Int($0)]).contains("a") }.count
        #expect(hits?.total == expected && hits?.ordinal == 1)
        #expect(frame(s).text.contains("1 of \(expected)"))
        _ = ReducerTests.press(&s, [.enter, .char("n")])
        #expect(s.accounts.searchHits?.ordinal == 2)
        #expect(frame(s).text.contains("/a 2 of \(expected)"))
        #expect(SearchHits(total: 41, row: 3, ordinal: 3).label(cursorRow: 3) == "3 of 41")
        #expect(SearchHits(total: 41, row: 3, ordinal: 3).label(cursorRow: 9) == "41 matches")
        #expect(SearchHits(total: 2_000, row: nil, ordinal: 0).label(cursorRow: nil) == "2,000 matches")
        #expect(SearchHits(total: 0, row: nil, ordinal: 0).label(cursorRow: nil) == "no match")
    }

    @Test func theMatchIsHighlightedInTheName() {
        var s = Fixtures.state(width: 100)
        _ = ReducerTests.press(&s, [.char("/")])
        ReducerTests.type(&s, "nordw")
        _ = ReducerTests.press(&s, [.enter, .down])  // leave the row so the highlight is not the selection
        let grid = frame(s)
        let y = (0..<grid.height).first { grid.rowText($0).contains("Nordwind") } ?? -1
        let x = (0..<grid.width).first { x in "Nordw".enumerated().allSatisfy { grid[x + $0.offset, y].text == $0.element } } ?? -1
        #expect(y >= 0 && x >= 0)
        #expect(grid[x, y].role == .accent && grid[x + 4, y].role == .accent && grid[x + 5, y].role != .accent)
    }
}
