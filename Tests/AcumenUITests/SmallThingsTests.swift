import Testing
@testable import AcumenUI

/// The small things a careful user notices: plurals, separators, one reason once, notices.
@Suite struct SmallThingsTests {
    @Test func countsAgreeAndAreGrouped() {
        #expect(Format.count(1, "day") == "1 day")
        #expect(Format.count(2, "day") == "2 days")
        #expect(Format.count(30_000, "account") == "30,000 accounts")
        #expect(Format.daysAgo(0) == "today" && Format.daysAgo(1) == "1 day ago" && Format.daysAgo(12) == "12 days ago")
    }

    @Test func costToServeSaysWhichPeriod() {
        #expect(Format.costToServe(window: 62_100, annual: 62_100) == Format.money(62_100) + " a year")
        #expect(Format.costToServe(window: 31_050, annual: 62_100) == Format.money(31_050) + " in the window (" + Format.money(62_100) + " a year)")
    }

    @Test func markedCountHasSeparators() {
        var s = Fixtures.state(count: 2_000)
        _ = ReducerTests.press(&s, [.char("a")])
        var grid = CellGrid(width: s.width, height: s.height)
        render(s, into: &grid)
        #expect(grid.text.contains("2,000 marked"))
    }

    @Test func openingNoticeSaysDemoAndRecoveredEdits() {
        let n = OpeningNotice(demoFolder: "/home/ann/.local/share/acumen/demo", recovered: ["settings.json": 1, "customers.json": 3, "x": 0])
        #expect(n.recoveredText == "Recovered journal edits (customers.json 3, settings.json 1): Ctrl-S saves them, u undoes")
        #expect(n.text?.contains("Demo workspace in /home/ann/.local/share/acumen/demo (edits are kept)") == true)
        let home = OpeningNotice(demoFolder: "/home/ann/.local/share/acumen/demo", home: "/home/ann")
        #expect(home.text == "Demo workspace in ~/.local/share/acumen/demo (edits are kept)")
        #expect(OpeningNotice.abbreviated("/home/annex/demo", home: "/home/ann") == "/home/annex/demo")
        #expect(OpeningNotice.abbreviated("/srv/demo", home: "/") == "/srv/demo")
        #expect(OpeningNotice().text == nil)
        #expect(n.messages.count == 2 && n.messages[0].hasPrefix("Recovered journal edits") && n.messages[1].hasPrefix("Demo workspace in"))
        #expect(OpeningNotice(others: ["Read-only: locked"]).text == "Read-only: locked")
    }
}

/// The one-time question before an action that is hard to take back.
@Suite struct ConfirmationTests {
    @Test func yesRunsTheEffectsAndAnythingElseCancels() {
        var s = Fixtures.state()
        let request = ExportRequest("csv key.csv", rows: [1, 2])
        let c = Confirmation("key.csv exists: overwrite it with 2 accounts?", onYes: request.map { [.export($0)] } ?? [])
        _ = s.update(.workflow(.confirm(c)))
        var g = CellGrid(width: s.width, height: s.height)
        render(s, into: &g)
        #expect(g.text.contains("key.csv exists: overwrite it with 2 accounts?"))
        #expect(s.update(.key(.char("y"))) == c.onYes && s.overlay == nil)
        _ = s.update(.workflow(.confirm(c)))
        #expect(s.update(.key(.char("x"))).isEmpty && s.overlay == nil && s.notice == "Cancelled: nothing changed")
        _ = s.update(.workflow(.confirm(c)))
        #expect(s.update(.key(.enter)) == c.onYes)
    }
}

/// Triage counts carry thousands separators like every other count.
@Suite struct TriageCountTests {
    @Test func triageProgressIsGrouped() throws {
        let h = try WorkflowHarness(customers: 1_200)
        h.press(.char("3"))
        #expect(h.frame.contains("1/1,200 "), "\(h.frame)")
        #expect(h.frame.contains(" 1 of 1,200 · decided 0"))
    }

    /// Matrix cells group their counts like every other count, and fall back to the compact form
    /// (never a cut number) when the grouped one does not fit with a blank before it.
    @Test func matrixCellsGroupCountsAndNeverCutThem() {
        #expect(Format.cell(2357, width: 7) == "  2,357")
        #expect(Format.cell(28196, width: 7) == " 28,196")
        #expect(Format.cell(282103, width: 7) == "   282k")
        #expect(Format.cell(1_000_000, width: 7) == "  1.00M")
        #expect(Format.cell(0, width: 7) == "      0")
    }
}
