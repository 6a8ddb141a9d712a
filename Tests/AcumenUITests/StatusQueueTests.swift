import Testing
@testable import AcumenUI

/// Status messages queue: each is shown for a minimum time or until the next key, then the
/// next; repeats count, progress gives way, errors go first, long ones are cut at a word.
@Suite struct StatusQueueTests {
    static let minimum = StatusQueue.minimumMilliseconds

    @Test func aSecondMessageWaitsForAKeyOrTheMinimumTime() {
        var q = StatusQueue()
        q.post("Saved")
        q.post("Exported 41 accounts")
        #expect(q.current?.text == "Saved" && q.pending.map(\.text) == ["Exported 41 accounts"])
        #expect(q.wakeIn == Self.minimum)
        q.keyPressed()
        #expect(q.current?.text == "Exported 41 accounts" && q.pending.isEmpty && q.wakeIn == nil)
        q.keyPressed()
        #expect(q.current == nil)

        var t = StatusQueue()
        t.tick(10_000)
        t.post("one"); t.post("two")
        t.tick(10_000 + Self.minimum - 1)
        #expect(t.current?.text == "one" && t.wakeIn == 1)
        t.tick(10_000 + Self.minimum)
        #expect(t.current?.text == "two")
        // A key right after the tick that brought "two" up keeps it; the next one dismisses it.
        t.keyPressed()
        #expect(t.current?.text == "two")
        t.tick(10_000 + Self.minimum + 800)
        t.keyPressed()
        #expect(t.current == nil)
    }

    @Test func repeatsCountAndProgressGivesWay() {
        var q = StatusQueue()
        for _ in 0..<3 { q.post("Nothing to undo") }
        #expect(q.current == StatusQueue.Message(text: "Nothing to undo", severity: .info, repeats: 3) && q.pending.isEmpty)
        #expect(q.line(width: 80) == "Nothing to undo (×3)")
        var p = StatusQueue()
        p.post("Analysing as of 1998-04-01…", .progress)
        p.post("Now as of 1998-04-01")
        #expect(p.current?.text == "Now as of 1998-04-01" && p.pending.isEmpty)
    }

    @Test func anErrorGoesFirstAndStaysUntilTheNextMessage() {
        var q = StatusQueue()
        q.post("Saved")
        q.post("Export failed: disk full", .error)
        #expect(q.current?.severity == .error && q.pending.map(\.text) == ["Saved"])
        q.keyPressed()
        #expect(q.current?.text == "Saved")
        q.post("Type a weight from 0 to 100", .error)
        q.keyPressed()  // "Saved", cut short by the error, comes back after it
        #expect(q.current?.text == "Saved")
        q.keyPressed()
        #expect(q.current == nil)
        var e = StatusQueue()
        e.post("Read-only: locked", .error)
        e.keyPressed(); e.keyPressed()
        #expect(e.current?.text == "Read-only: locked", "an error is not dismissed by a key")
        e.post("Saved")
        e.keyPressed()
        #expect(e.current?.text == "Saved")
    }

    @Test func aFullQueueDropsTheOldestInformationNeverAnErrorAndCountsIt() {
        var q = StatusQueue()
        q.post("first")
        q.post("bad", .error)  // goes first; "first" waits
        for k in 1...StatusQueue.capacity + 2 { q.post("m\(k)") }
        #expect(q.current?.text == "bad")
        #expect(q.pending.count == StatusQueue.capacity && q.dropped == 3)
        #expect(q.pending.first?.text == "m3" && q.pending.last?.text == "m10")  // "first", m1, m2 dropped
        #expect(q.suffix == " [+11]")
        var errors = StatusQueue()
        errors.post("e0", .error)
        for k in 1...StatusQueue.capacity + 1 { errors.post("e\(k)", .error) }
        #expect(errors.pending.count == StatusQueue.capacity && errors.pending.allSatisfy { $0.severity == .error })
    }

    @Test func aLongMessageIsCutAtAWordWithItsCountsKept() {
        var q = StatusQueue()
        q.post("Exported 1,234 accounts to key-accounts.csv (csv)")
        q.post("Exported 1,234 accounts to key-accounts.csv (csv)")
        q.post("Saved")
        #expect(q.line(width: 200) == "Exported 1,234 accounts to key-accounts.csv (csv) (×2) [+1]")
        #expect(q.line(width: 40) == "Exported 1,234 accounts to… (×2) [+1]")
        #expect(q.line(width: 33) == "Exported 1,234… (×2) [+1]")
        for w in 1...60 { #expect(DisplayWidth.of(q.line(width: w)) <= w, "width \(w)") }
        // CJK: never split inside a word, never wider than the room.
        var c = StatusQueue()
        c.post("株式会社サクラ精機 の メモ を 保存 しました")
        let line = c.line(width: 24)
        #expect(line == "株式会社サクラ精機 の…" && DisplayWidth.of(line) <= 24)
        #expect(StatusQueue.cutAtWord("Supercalifragilistic", width: 8, ellipsis: "…") == "Superca…")
    }

    @Test func theReducerQueuesAndTheStatusLineShowsIt() {
        var s = Fixtures.state()
        _ = s.update(.notice("Lifetime value fitted: scores now include predicted CLV and P(alive).", isError: false))
        _ = s.update(.notice("Recovered 3 edits from the journal", isError: false))
        var g = CellGrid(width: 80, height: 24)
        s.render(into: &g)
        let line = g.rowText(22)
        #expect(line.contains("Lifetime value fitted: scores now include predicted CLV and P(alive). [+1]")
                || line.contains("Lifetime value fitted: scores now include predicted CLV and…"), "\(line)")
        #expect(line.hasSuffix(" [+1] ") || line.contains("[+1]"))
        _ = s.update(.key(.char("j")))
        #expect(s.notice == "Recovered 3 edits from the journal")
        _ = s.update(.key(.char("j")))
        #expect(s.notice == nil)
    }

    @Test func theRuntimeWakesWhenTheNextMessageIsDue() throws {
        let h = try WorkflowHarness()
        var clock = [0, 1_000, Self.minimum + 100, Self.minimum + 200]
        h.runtime.uptime = { clock.count > 1 ? clock.removeFirst() : clock[0] }
        h.send(.notice("one", isError: false))
        h.send(.notice("two", isError: false))
        let term = PollRecordingTerminal(events: [.tick, .tick, .key(.char("Q"))])
        h.runtime.run(terminal: term)
        #expect(term.polls == [Self.minimum, Self.minimum - 1_000, nil])  // due in 1.5 s, then 0.5 s, then nothing waits
        #expect(term.screen.text.contains("two") && !term.screen.text.contains(" one "))
    }
}

/// An in-memory terminal that records how long the loop was willing to wait before each event.
final class PollRecordingTerminal: Terminal {
    let size = (width: 80, height: 24)
    var events: [TerminalEvent]
    var polls: [Int?] = []
    var pollMilliseconds: Int?
    private(set) var screen = CellGrid(width: 80, height: 24)

    init(events: [TerminalEvent]) { self.events = events }

    func draw(_ grid: CellGrid) { screen = grid }
    func flush() {}
    func nextEvent() -> TerminalEvent? {
        polls.append(pollMilliseconds)
        return events.isEmpty ? nil : events.removeFirst()
    }
    func invalidate() {}
    func suspend() {}
    func setMouse(_ enabled: Bool) {}
}
