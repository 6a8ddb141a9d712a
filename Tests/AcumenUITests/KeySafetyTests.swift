import Testing
@testable import AcumenUI

/// A key means one thing: the collision rules over the whole key map, and the user's
/// remapping file checked by the same rules.
@Suite struct KeySafetyTests {
    @Test func noBindingCollidesWithASharedKey() {
        let problems = KeyCollisions.problems(in: KeyMap.table)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func everyScreenKeyIsCheckedAgainstEveryGlobalAndMovingKey() {
        // Walk the table by hand too, so the rule itself is under test.
        let shared = KeyMap.table.filter { $0.context == .global || $0.context == .list }
        for b in KeyMap.table where b.context != .global && b.context != .list && !b.context.isOverlay {
            for k in b.keys {
                let hit = shared.first { $0.keys.contains(k) }
                let allowed = KeyCollisions.refinements.contains { $0.context == b.context && $0.key == k && $0.command == b.command }
                #expect(hit == nil || allowed, "\(k.name): \(b.command.rawValue) in \(b.context.title) vs \(hit?.command.rawValue ?? "")")
            }
        }
        #expect(KeyMap.command(for: .char("g"), in: .triage) == .top)
        #expect(KeyMap.command(for: .char("w"), in: .triage) == .decideGrow)
    }

    @Test func theOldTriageGrowKeyWouldBeACollision() {
        var table = KeyMap.table
        let at = table.firstIndex { $0.command == .decideGrow }
        if let at { table[at].keys = [.char("g")] }
        #expect(KeyCollisions.problems(in: table) == ["g is decide-grow in Triage but top in every list"])
        var twice = KeyMap.table
        twice.append(KeyBinding([.char("a")], .skip, .triage, "x"))
        #expect(KeyCollisions.problems(in: twice).contains("a is bound to both accept and skip in Triage"))
    }

    @Test func keyNamesReadBack() {
        for b in KeyMap.table { for k in b.keys { #expect(Key(name: k.name) == k, "\(k.name)") } }
        #expect(Key(name: "ctrl-w") == .ctrl("w") && Key(name: "space") == .char(" ") && Key(name: "F12") == .function(12))
        #expect(Key(name: "Ctrl-M") == nil && Key(name: "Hyper-X") == nil && Key(name: "") == nil)
    }

    func remap(_ json: String) -> Result<KeyBindings, KeyRemap.Failure> { KeyRemap.apply(Array(json.utf8), file: "keys.json") }

    @Test func aSoundFileRemapsEveryContextOfTheCommand() throws {
        let b = try remap(#"{"decide-grow": "r", "set-owner": ["W", "Ctrl-O"]}"#).get()
        #expect(b.command(for: .char("r"), in: .triage) == .decideGrow)
        #expect(b.command(for: .char("w"), in: .triage) == nil)
        #expect(b.command(for: .char("W"), in: .accounts) == .setOwner && b.command(for: .ctrl("o"), in: .profile) == .setOwner)
        #expect(b.command(for: .char("o"), in: .accounts) == nil)
        // Help, palette and footer are drawn from the map in effect.
        var s = Fixtures.state()
        s.keys = b
        s.stack = [.accounts]
        _ = s.update(.key(.char("?")))
        var g = CellGrid(width: 120, height: 100)
        var big = s
        big.width = 120; big.height = 100
        render(big, into: &g)
        #expect(g.text.contains("W / Ctrl-O"))
        #expect(b.hints(for: .triage).contains { $0.key == "r" && $0.label == "grow" })
        #expect(b.markdown().contains("| `r` | decide-grow |"))
    }

    @Test func aBadFileSaysWhyAndKeepsTheDefaults() {
        #expect(throws: KeyRemap.Failure.self) { try remap(#"{"frobnicate": "x"}"#).get() }
        if case .failure(let f) = remap(#"{"frobnicate": "x"}"#) { #expect(f.message.contains("unknown command \"frobnicate\"")) }
        if case .failure(let f) = remap(#"{"quit": "Hyper-Q"}"#) { #expect(f.message.contains("unknown key \"Hyper-Q\"")) }
        if case .failure(let f) = remap(#"{"decide-grow": "j"}"#) { #expect(f.message == "keys.json: j is decide-grow in Triage but move-down in every list") }
        if case .failure(let f) = remap(#"{"accept": "?"}"#) { #expect(f.message.contains("? is accept in Triage but help everywhere")) }
        if case .failure(let f) = remap("{\n \"quit\": 3\n}") { #expect(f.message.contains("expected a key name")) }
        if case .failure(let f) = remap("{\n \"quit\": \n") { #expect(f.message.hasPrefix("keys.json:")) }
        let (b, problem) = KeyRemap.load(environment: ["HOME": "/home/ann"]) { $0 == "/home/ann/.config/acumen/keys.json" ? Array(#"{"accept": "j"}"#.utf8) : nil }
        #expect(b == .defaults && problem?.hasSuffix("; using the default keys") == true)
    }

    @Test func theFileIsFoundUnderXDGConfigHomeElseHome() {
        #expect(KeyRemap.path(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/ann"]) == "/cfg/acumen/keys.json")
        #expect(KeyRemap.path(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/ann"]) == "/home/ann/.config/acumen/keys.json")
        let (b, problem) = KeyRemap.load(environment: ["HOME": "/nowhere"]) { _ in nil }
        #expect(b == .defaults && problem == nil)
    }
}
