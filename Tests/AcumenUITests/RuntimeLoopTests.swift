import Testing
@testable import AcumenUI

/// The runtime's main loop against the in-memory terminal: events in, frames out, effects run.
@Suite struct RuntimeLoopTests {
    @Test func loopDrawsOnlyWhatChangesAndStopsOnQuit() throws {
        let h = try WorkflowHarness()
        let term = InMemoryTerminal(width: 80, height: 24, events: [
            .key(.char("j")), .key(.enter), .key(.char("q")), .resize(width: 40, height: 12), .key(.char("?")),
            .key(.escape), .key(.ctrl("l")), .key(.char("q")), .key(.char("j")),
        ])
        let second = Int(h.state.accounts.view[1])
        h.runtime.run(terminal: term)
        #expect(h.state.isQuitting)
        #expect(h.state.profile?.row == nil, "back from the profile drops its facts")
        #expect(term.events == [.key(.char("j"))], "input after quit must stay unread")
        // The first frame draws the whole screen; moving the cursor redraws two rows, not the screen.
        #expect(term.changedCells.count >= 2)
        #expect(term.changedCells[0] > 800)
        #expect(term.changedCells[1] > 0 && term.changedCells[1] <= 80 * 3)
        #expect(term.screen.width == 40 && term.screen.height == 12)
        _ = second
    }

    @Test func theProfileOpenedByEnterIsTheRowUnderTheCursor() throws {
        let h = try WorkflowHarness()
        let second = Int(h.state.accounts.view[1])
        h.press(.char("j"), .enter)
        #expect(h.state.screen == .profile(second) && h.state.profile?.row == second)
    }

    @Test func terminalEffectsReachTheTerminal() throws {
        let h = try WorkflowHarness()
        let term = InMemoryTerminal(width: 80, height: 24, events: [.key(.char("M")), .key(.ctrl("z")), .key(.char("Q"))])
        h.runtime.run(terminal: term)
        #expect(term.mouseEnabled)
        #expect(term.suspensions == 1)
        #expect(h.state.isQuitting)
    }
}
