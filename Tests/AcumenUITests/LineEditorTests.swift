import Testing
@testable import AcumenUI

/// The one line editor: every editing key as a state transition, the selected pre-fill, the
/// history, and the prompts that use it.
@Suite struct LineEditorTests {
    /// An editor after `keys`, typed characters given as strings.
    func edited(_ text: String, selected: Bool = false, _ keys: [Key], history: [String] = []) -> LineEditor {
        var e = LineEditor(text, selected: selected)
        for k in keys { e.handle(k, history: history) }
        return e
    }

    func chars(_ s: String) -> [Key] { s.map { .char($0) } }

    @Test func typingInsertsAtTheCursor() {
        var e = edited("", chars("acme"))
        #expect(e.text == "acme" && e.cursor == 4)
        e = edited("acme", [.left, .left] + chars("XY"))
        #expect(e.text == "acXYme" && e.cursor == 4)
    }

    @Test func cursorMovesAndClamps() {
        #expect(edited("abc", [.left, .left, .left, .left]).cursor == 0)
        #expect(edited("abc", [.home, .right, .right, .right, .right]).cursor == 3)
        #expect(edited("abc", [.home]).cursor == 0)
        #expect(edited("abc", [.ctrl("a")]).cursor == 0)
        #expect(edited("abc", [.home, .end]).cursor == 3)
        #expect(edited("abc", [.home, .ctrl("e")]).cursor == 3)
        #expect(edited("abc", [.ctrl("a")] + chars(">")).text == ">abc")
    }

    @Test func backspaceAndDeleteRemoveOneCharacterEachSide() {
        #expect(edited("abc", [.backspace]).text == "ab")
        #expect(edited("abc", [.left, .backspace]).text == "ac")
        #expect(edited("abc", [.home, .backspace]).text == "abc")
        #expect(edited("abc", [.home, .delete]).text == "bc")
        #expect(edited("abc", [.home, .ctrl("d")]).text == "bc")
        #expect(edited("abc", [.delete]).text == "abc")
        // A grapheme cluster goes as one: the cursor is never inside it.
        #expect(edited("Mu\u{308}ller", [.home, .right, .delete]).text == "Mller")
    }

    @Test func ctrlUClearsToTheStartAndCtrlKToTheEnd() {
        var e = edited("tier:key owner:ann", [.ctrl("u")])
        #expect(e.text == "" && e.cursor == 0)
        e = edited("tier:key owner:ann", [.home] + Array(repeating: Key.right, count: 8) + [.ctrl("u")])
        #expect(e.text == " owner:ann" && e.cursor == 0)
        e = edited("tier:key owner:ann", [.home] + Array(repeating: Key.right, count: 8) + [.ctrl("k")])
        #expect(e.text == "tier:key" && e.cursor == 8)
    }

    @Test func ctrlWDeletesTheWordBefore() {
        #expect(edited("tier:key owner:ann", [.ctrl("w")]).text == "tier:key ")
        #expect(edited("tier:key owner:ann  ", [.ctrl("w")]).text == "tier:key ")
        #expect(edited("tier:key owner:ann", [.ctrl("w"), .ctrl("w")]).text == "")
        let e = edited("one two three", [.left, .left, .left, .left, .left, .left, .ctrl("w")])
        #expect(e.text == "one  three" && e.cursor == 4)
    }

    @Test func aPrefilledValueIsSelectedSoTypingReplacesIt() {
        #expect(LineEditor("2").isSelected)
        #expect(!LineEditor("").isSelected)
        #expect(edited("2", selected: true, chars("0")).text == "0")
        #expect(edited("15", selected: true, chars("30")).text == "30")
        #expect(edited("15", selected: true, [.backspace]).text == "")
        #expect(edited("15", selected: true, [.delete]).text == "")
        // Moving keeps the text and drops the selection.
        #expect(edited("15", selected: true, [.end] + chars("0")).text == "150")
        #expect(edited("15", selected: true, [.home] + chars("1")).text == "115")
        #expect(edited("15", selected: true, [.left] + chars("x")).text == "1x5")
    }

    @Test func historyWalksOlderAndBackToTheDraft() {
        let h = ["tier:key", "owner:ann", "below:yes"]
        var e = LineEditor("dra", selected: false)
        e.handle(.up, history: h)
        #expect(e.text == "below:yes" && e.cursor == 9)
        e.handle(.up, history: h); e.handle(.up, history: h); e.handle(.up, history: h)
        #expect(e.text == "tier:key")
        e.handle(.down, history: h)
        #expect(e.text == "owner:ann")
        e.handle(.down, history: h); e.handle(.down, history: h)
        #expect(e.text == "dra")
        e.handle(.down, history: h)
        #expect(e.text == "dra")
        // No history: Up changes nothing.
        #expect(edited("x", [.up]).text == "x")
    }

    @Test func historyKeepsEachTextOnceNewestLast() {
        var h = PromptHistory()
        h.record("a", kind: "filter"); h.record("b", kind: "filter"); h.record("a", kind: "filter"); h.record("", kind: "filter")
        h.record("note", kind: "note")
        #expect(h["filter"] == ["b", "a"] && h["note"] == ["note"] && h["search"].isEmpty)
        for k in 0..<70 { h.record("\(k)", kind: "search") }
        #expect(h["search"].count == PromptHistory.capacity && h["search"].last == "69")
    }

    @Test func otherKeysAreLeftToTheCaller() {
        var e = LineEditor("x")
        let handled = [Key.enter, .escape, .tab, .char("y")].map { e.handle($0) }
        #expect(handled == [false, false, false, true])
    }

    @Test func renderingShowsTheCursorCellAndScrollsToIt() {
        let e = edited("abcdef", [.left, .left])
        let line = e.styledLine(label: "f: ", width: 20)
        #expect(line.spans.map(\.text) == ["f: ", "abcd", "e", "f"])
        #expect(line.spans[2].role == .selection)
        let atEnd = edited("abc", []).styledLine(label: "> ", width: 20)
        #expect(atEnd.spans.map(\.text).joined() == "> abc_")
        // Too long: the window ends at the cursor and never exceeds the width.
        let long = edited(String(repeating: "x", count: 50) + "END", []).styledLine(label: "> ", width: 12)
        #expect(long.width <= 12 && long.spans.map(\.text).joined().hasSuffix("END_"))
        let selected = LineEditor("15").styledLine(label: "w: ", width: 20)
        #expect(selected.spans[1].text == "15" && selected.spans[1].role == .selection)
    }

    @Test func promptsUseTheEditorAndRememberWhatWasTyped() {
        var s = Fixtures.state()
        _ = ReducerTests.press(&s, [.char("f")])
        ReducerTests.type(&s, "tier:key")
        _ = ReducerTests.press(&s, [.enter])
        #expect(s.accounts.filter == "tier:key")
        // The next filter prompt starts with the filter selected: typing replaces it...
        _ = ReducerTests.press(&s, [.char("f")])
        ReducerTests.type(&s, "omega")
        guard case .prompt(let p) = s.overlay else { Issue.record("no prompt"); return }
        #expect(p.text == "omega")
        // ...Ctrl-U clears, Up recalls the last filter, Ctrl-W and Left edit it.
        _ = ReducerTests.press(&s, [.ctrl("u"), .up])
        guard case .prompt(let q) = s.overlay else { Issue.record("no prompt"); return }
        #expect(q.text == "tier:key")
        _ = ReducerTests.press(&s, [.escape])
        #expect(s.accounts.filter == "tier:key")
    }
}
