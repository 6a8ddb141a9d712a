import Testing
@testable import AcumenUI

/// The main loop against the in-memory terminal: events in, frames out, effects run.
@Suite struct AppRunnerTests {
    @Test func loopDrawsOnlyWhatChangesAndStopsOnQuit() {
        var s = Fixtures.state(width: 80, height: 24)
        let term = InMemoryTerminal(width: 80, height: 24, events: [
            .key(.char("j")), .key(.enter), .key(.char("q")), .resize(width: 40, height: 12), .key(.char("?")),
            .key(.escape), .key(.ctrl("l")), .key(.char("q")), .key(.char("j")),
        ])
        var loaded: [Int] = []
        let table = s.table
        AppRunner.run(&s, terminal: term) { effect in
            guard case .loadProfile(let row) = effect else { return [] }
            loaded.append(row)
            return [.profileLoaded(Fixtures.profile(row: row, table: table))]
        }
        #expect(s.isQuitting)
        #expect(loaded == [1])
        #expect(term.events == [.key(.char("j"))], "input after quit must stay unread")
        // The first frame draws the whole screen; moving the cursor redraws two rows, not the screen.
        #expect(term.changedCells.count >= 2)
        #expect(term.changedCells[0] > 800)
        #expect(term.changedCells[1] > 0 && term.changedCells[1] <= 80 * 3)
        #expect(term.screen.width == 40 && term.screen.height == 12)
    }

    @Test func terminalEffectsReachTheTerminal() {
        var s = Fixtures.state()
        let term = InMemoryTerminal(width: 80, height: 24, events: [.key(.char("M")), .key(.ctrl("z")), .key(.char("Q"))])
        AppRunner.run(&s, terminal: term) { _ in [] }
        #expect(term.mouseEnabled)
        #expect(term.suspensions == 1)
        #expect(s.isQuitting)
    }
}
