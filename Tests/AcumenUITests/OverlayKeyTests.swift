import Testing
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// Overlays are key-map contexts like screens: their keys come from the one table (so help,
/// `acumen keys`, docs/keys.md and keys.json see them), an open overlay looks up only its own
/// context, and typing into a prompt stays text.
@Suite struct OverlayKeyTests {
    static func press(_ s: inout AppState, _ keys: [Key]) -> [Effect] { ReducerTests.press(&s, keys) }

    static func remapped(_ json: String) throws -> KeyBindings { try KeyRemap.apply(Array(json.utf8), file: "keys.json").get() }

    @Test func everyOverlayHasAContextWithBindingsAndNoFallback() {
        let overlays: [Overlay] = [.help(query: "", top: 0), .palette(query: "", selected: 0),
                                   .prompt(Prompt(kind: .filter, text: "", previousFilter: "", previousRow: nil)),
                                   .columns(selected: 0), .confirmQuit, .workflow(.input(TextInput(.scenarioName, label: "x"))),
                                   .workflow(.confirm(Confirmation("q?", onYes: []))), .workflow(.saveReview([])),
                                   .workflow(.conflict([])), .workflow(.diff(files: [], lines: [], top: 0))]
        for o in overlays {
            #expect(o.context.isOverlay)
            #expect(KeyMap.table.contains { $0.context == o.context }, "\(o.context) has no rows in the key map")
        }
        // Open, an overlay is the context; j is not "move down" in a prompt, ? is not help.
        #expect(KeyMap.command(for: .char("j"), in: .prompt) == nil)
        #expect(KeyMap.command(for: .char("?"), in: .help) == nil)
        #expect(KeyMap.command(for: .ctrl("u"), in: .prompt) == .deleteToStart)
        #expect(KeyMap.command(for: .ctrl("u"), in: .accounts) == .halfPageUp)
        var s = Fixtures.state()
        _ = Self.press(&s, [.char("f")])
        #expect(s.context == .prompt)
        _ = Self.press(&s, [.escape])
        #expect(s.context == .accounts)
    }

    @Test func typingIntoAPromptStaysTextEvenForScreenKeys() {
        var s = Fixtures.state()
        _ = Self.press(&s, [.char("f")])
        ReducerTests.type(&s, "q?:1jg")
        guard case .prompt(let p) = s.overlay else { Issue.record("prompt closed"); return }
        #expect(p.text == "q?:1jg")
        #expect(s.screen == .accounts && !s.isQuitting)
    }

    @Test func aTypingContextCannotBindAPrintableKey() {
        if case .failure(let f) = KeyRemap.apply(Array(#"{"close": "q"}"#.utf8), file: "keys.json") {
            #expect(f.message.contains("q is close in Help (this list), where typing is text"))
            #expect(f.message.contains("q is close in Prompts (the line editor), where typing is text"))
        } else { Issue.record("a printable close key was accepted") }
        var table = KeyMap.table
        table.append(KeyBinding([.char("x")], .confirm, .palette, "x"))
        #expect(KeyCollisions.problems(in: table) == ["x is confirm in Command palette, where typing is text"])
    }

    @Test func remappedOverlayKeysAreTheOnesThatWork() throws {
        // The line editor: Ctrl-X deletes to the start instead of Ctrl-U.
        var s = Fixtures.state()
        s.keys = try Self.remapped(#"{"delete-to-start": "Ctrl-X", "close": ["Esc", "Ctrl-G"]}"#)
        _ = Self.press(&s, [.char("f")])
        ReducerTests.type(&s, "tier:key")
        _ = Self.press(&s, [.ctrl("u")])
        guard case .prompt(let p) = s.overlay else { Issue.record("prompt closed"); return }
        #expect(p.text == "tier:key")
        _ = Self.press(&s, [.ctrl("x")])
        guard case .prompt(let p2) = s.overlay else { Issue.record("prompt closed"); return }
        #expect(p2.text == "")
        _ = Self.press(&s, [.ctrl("g")])
        #expect(s.overlay == nil)
        // Help closes with the remapped key too, and lists it.
        _ = Self.press(&s, [.char("?")])
        var big = s
        big.height = 200
        var g = CellGrid(width: 80, height: 200)
        render(big, into: &g)
        #expect(g.text.contains("Esc / Ctrl-G"))
        #expect(g.text.contains("Ctrl-X"))
        _ = Self.press(&s, [.ctrl("g")])
        #expect(s.overlay == nil)
    }

    @Test func theConflictQuestionListsAndTakesTheMappedKeys() throws {
        let h = try WorkflowHarness()
        h.runtime.useKeys(try Self.remapped(#"{"keep-mine": "m"}"#))
        h.send(.workflow(.conflict([WorkspaceFiles.settings])))
        #expect(h.frame.contains("m  Keep mine"))
        #expect(h.frame.contains("m keep mine"))  // the footer hint
        h.press(.char("k"))
        #expect(h.state.overlay == .workflow(.conflict([WorkspaceFiles.settings])))
        h.press(.char("d"))
        guard case .workflow(.diff) = h.state.overlay else { Issue.record("no diff"); return }
        h.press(.char("q"))
        #expect(h.state.overlay == .workflow(.conflict([WorkspaceFiles.settings])))
        h.press(.escape)
        #expect(h.state.overlay == nil)
        #expect(h.state.notice == "Not saved: the edits stay in the journal")
    }

    @Test func questionsTakeAnyOtherKeyAsNo() {
        var s = Fixtures.state()
        s.hasUnsavedEdits = true
        _ = Self.press(&s, [.char("Q")])
        #expect(s.overlay == .confirmQuit)
        _ = Self.press(&s, [.enter])  // Enter is not "yes" to losing edits
        #expect(s.overlay == nil && !s.isQuitting)
        _ = Self.press(&s, [.char("Q")])
        #expect(Self.press(&s, [.char("y")]) == [.quit] && s.isQuitting)
        var c = Fixtures.state()
        c.overlay = .workflow(.confirm(Confirmation("Apply?", onYes: [.repaint])))
        #expect(Self.press(&c, [.enter]) == [.repaint])
        c.overlay = .workflow(.confirm(Confirmation("Apply?", onYes: [.repaint])))
        #expect(Self.press(&c, [.char("z")]).isEmpty && c.overlay == nil)
    }

    @Test func thePaletteOffersNoOverlayOnlyCommand() {
        #expect(!KeyMap.paletteCommands.contains(.close) && !KeyMap.paletteCommands.contains(.deleteWord))
        #expect(KeyMap.paletteCommands.contains(.moveDown) && KeyMap.paletteCommands.contains(.save))
        #expect(!PaletteRanking.rank("close").contains(.close))
    }

    @Test func docsAndKeysListTheOverlays() {
        let md = KeyMap.markdown()
        for c in KeyContext.allCases where c.isOverlay { #expect(md.contains("## " + c.title), "docs lack \(c.title)") }
        #expect(md.contains("| `Ctrl-U` | delete-to-start |"))
        #expect(md.contains("| `k` | keep-mine |"))
    }
}
