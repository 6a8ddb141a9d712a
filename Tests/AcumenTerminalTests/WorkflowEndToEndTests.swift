import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Triage and what-if end to end: the built binary in tmux on a demo workspace kept in git.
/// Five accounts triaged with different keys, one undone, a weight changed, a scenario saved,
/// saved, quit, reopened — and `git diff` shows exactly those changes.
/// Skipped with a message when tmux, git or the binary is missing.
@Suite(.serialized) struct WorkflowEndToEndTests {
    static var binary: String? { Tmux.acumenBinary }

    static let git = ["/usr/bin/git", "/usr/local/bin/git"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Starts `acumen open ws` in tmux; `done` appears in the folder when it exits.
    static func open(_ bin: String, _ dir: String) -> Tmux {
        let script = "#!/bin/sh\ncd '\(dir)'\n'\(bin)' open ws\necho \"rc=$?\" > done\nsleep 60\n"
        _ = FileManager.default.createFile(atPath: dir + "/run.sh", contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
        try? FileManager.default.removeItem(atPath: dir + "/done")
        return Tmux.start("env LANG=C.UTF-8 LC_ALL=C.UTF-8 SWIFT_BACKTRACE=enable=no TERM=xterm-256color ACUMEN_AUTHOR=e2e '\(dir)/run.sh'",
                          width: 120, height: 40)
    }

    static func waitForFile(_ path: String) -> String? { Tmux.waitForFile(path) }

    /// The id and the recommended strategy of the account on the triage card.
    static func card(_ screen: String) -> (id: String, recommended: String)? {
        let lines = screen.split(separator: "\n").map(String.init)
        guard let head = lines.first(where: { $0.contains("  [new]") || $0.contains("  [stale]") || $0.contains("  [skipped]") }),
              let id = head.split(separator: " ").first(where: { $0.hasPrefix("C") && $0.dropFirst().allSatisfy(\.isNumber) }),
              let rec = lines.first(where: { $0.contains("Recommended: ") })?.components(separatedBy: "Recommended: ").last?
                .components(separatedBy: "  ").first?.trimmingCharacters(in: .whitespaces) else { return nil }
        return (String(id), rec)
    }

    static let keyOf = ["Grow": "w", "Maintain": "m", "Nurture": "n", "Cut cost": "c"]

    /// Customer records by id from customers.jsonl.
    static func customers(_ dir: String) -> [String: [String: Any]] {
        guard let text = try? String(contentsOfFile: dir + "/ws/customers.jsonl", encoding: .utf8) else { return [:] }
        var out: [String: [String: Any]] = [:]
        for line in text.split(separator: "\n") {
            if let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let id = o["id"] as? String { out[id] = o }
        }
        return out
    }

    @Test func triageUndoWhatIfSaveQuitReopen() throws {
        guard Tmux.path != nil, let git = Self.git, let bin = Self.binary else {
            print("WorkflowEndToEndTests skipped: tmux, git or the acumen binary is missing")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("acumen-wf-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        Tmux.run(bin, ["demo", dir + "/ws", "--customers", "40"])
        let ws = dir + "/ws"
        Tmux.run(git, ["-C", ws, "init", "-q"])
        _ = FileManager.default.createFile(atPath: ws + "/.gitignore", contents: Data(".acumen*\n".utf8))
        Tmux.run(git, ["-C", ws, "add", "-A"])
        Tmux.run(git, ["-C", ws, "-c", "user.name=e2e", "-c", "user.email=e2e@example.invalid", "commit", "-q", "-m", "demo"])
        #expect(Tmux.run(git, ["-C", ws, "status", "--porcelain"]).output.isEmpty)

        let t = Self.open(bin, dir)
        defer { t.kill() }
        t.wait(for: "accounts")
        var screen = ""
        for _ in 0..<3 where !screen.contains("Triage 1/") {  // the first key can race the terminal set-up
            t.send("3")
            screen = t.wait(for: "Triage 1/", timeout: 3)
        }
        // 1: accept.
        let a1 = try #require(Self.card(screen), Comment(rawValue: screen))
        t.send("a")
        screen = t.wait(for: "Triage 2/")
        // 2: skip.
        let a2 = try #require(Self.card(screen), Comment(rawValue: screen))
        t.send("s")
        screen = t.wait(for: "Triage 3/")
        // 3: a strategy other than the recommendation, with a reason.
        let a3 = try #require(Self.card(screen), Comment(rawValue: screen))
        let other = a3.recommended == "Cut cost" ? "Grow" : "Cut cost"
        t.send(Self.keyOf[other] ?? "c")
        t.wait(for: "reason:")
        t.type("e2e reason")
        t.send("Enter")
        screen = t.wait(for: "Triage 4/")
        // 4: a note, then accept.
        let a4 = try #require(Self.card(screen), Comment(rawValue: screen))
        t.send("e")
        t.wait(for: "Note:")
        t.type("call back in May")
        t.send("Enter")
        t.wait(for: "call back in May")
        t.send("a")
        screen = t.wait(for: "Triage 5/")
        // 5: the recommended strategy's own key; then undo it.
        let a5 = try #require(Self.card(screen), Comment(rawValue: screen))
        t.send(Self.keyOf[a5.recommended] ?? "a")
        t.wait(for: "Triage 6/")
        t.send("u")
        screen = t.wait(for: "Undid")
        #expect(screen.contains("Triage 5/"))
        // What-if: Revenue 15 → 16, saved as a scenario.
        t.send("4")
        t.wait(for: "Tier moves")
        t.send("+")
        t.wait(for: "16↑")
        t.send("S")
        t.wait(for: "Save scenario as")
        t.type("E2E scenario")
        t.send("Enter")
        t.wait(for: "scenario E2E scenario")
        // Review before save, save, quit.
        t.send("C-s")
        screen = t.wait(for: "Review before save")
        // 6 decisions and notes plus the undo on customers; the scenario on settings.
        #expect(screen.contains("customers.jsonl  7 edits") && screen.contains("settings.json  1 edit"))
        t.send("Enter")
        t.wait(for: "Saved")
        t.send("Q")
        #expect(Self.waitForFile(dir + "/done")?.contains("rc=0") == true)

        // Every decision, the note and the scenario are in the files…
        let cs = Self.customers(dir)
        func field(_ id: String, _ object: String, _ key: String) -> String? {
            (cs[id]?[object] as? [String: Any])?[key] as? String
        }
        #expect(field(a1.id, "review", "status") == "accepted")
        #expect(field(a1.id, "review", "author") == "e2e")
        #expect(field(a2.id, "review", "status") == "skipped")
        #expect(field(a3.id, "review", "status") == "decided")
        #expect(field(a3.id, "review", "reason") == "e2e reason")
        #expect(field(a3.id, "strategyOverride", "reason") == "e2e reason")
        #expect(field(a4.id, "review", "status") == "accepted")
        let notes = cs[a4.id]?["notes"] as? [[String: Any]]
        #expect(notes?.last?["text"] as? String == "call back in May")
        #expect(cs[a5.id]?["review"] == nil)
        let settings = try String(contentsOfFile: ws + "/settings.json", encoding: .utf8)
        #expect(settings.contains("E2E scenario"))
        // …and git diff shows exactly those changes: four customer lines, the scenario.
        let changed = Tmux.run(git, ["-C", ws, "diff", "--name-only"]).output.split(separator: "\n").map(String.init).sorted()
        #expect(changed == ["customers.jsonl", "settings.json"])
        let diff = Tmux.run(git, ["-C", ws, "diff", "-U0", "customers.jsonl"]).output.split(separator: "\n")
        let added = diff.filter { $0.hasPrefix("+{") && !$0.contains("\"kind\"") }.map { String($0.dropFirst()) }
        let removed = diff.filter { $0.hasPrefix("-{") && !$0.contains("\"kind\"") }.map { String($0.dropFirst()) }
        let ids = Set(added.compactMap(Self.customers(from:)))
        #expect(ids == [a1.id, a2.id, a3.id, a4.id, a5.id] && Set(removed.compactMap(Self.customers(from:))) == ids)
        // The undone decision left only its two history lines (decided, then cleared).
        let before = try #require(removed.first { Self.customers(from: $0) == a5.id }.flatMap(Self.object))
        let after = try #require(added.first { Self.customers(from: $0) == a5.id }.flatMap(Self.object))
        #expect(Set(after.keys).subtracting(["history"]) == Set(before.keys).subtracting(["history"]))
        #expect(NSDictionary(dictionary: after.filter { $0.key != "history" }).isEqual(to: before.filter { $0.key != "history" }))
        #expect((after["history"] as? [Any])?.count == ((before["history"] as? [Any])?.count ?? 0) + 2)
        let settingsDiff = Tmux.run(git, ["-C", ws, "diff", "-U0", "settings.json"]).output.split(separator: "\n")
            .filter { ($0.hasPrefix("+") || $0.hasPrefix("-")) && !$0.hasPrefix("+++") && !$0.hasPrefix("---") }
        #expect(settingsDiff.allSatisfy { !$0.hasPrefix("-") || $0.contains("scenarios") || $0.contains("journalSeq") })
        #expect(settingsDiff.contains { $0.contains("E2E scenario") })

        // Reopen: the scenario is there to try, and the undone account is still to triage.
        let t2 = Self.open(bin, dir)
        defer { t2.kill() }
        t2.wait(for: "accounts")
        for _ in 0..<3 where !t2.capture().contains("Tier moves") {
            t2.send("4")
            t2.wait(for: "Tier moves", timeout: 3)
        }
        t2.send("]")
        screen = t2.wait(for: "trying: E2E scenario")
        #expect(screen.contains("trying: E2E scenario") && screen.contains("16↑"))
        // Triage again: everyone but the three decided accounts still needs review.
        t2.send("3")
        screen = t2.wait(for: "Triage 1/")
        #expect(screen.contains("Triage 1/37"))
        t2.send("Q")
        #expect(Self.waitForFile(dir + "/done")?.contains("rc=0") == true)
    }

    /// The id of a customer JSON line.
    static func customers(from line: String) -> String? { object(line)?["id"] as? String }

    /// A JSON line as an object.
    static func object(_ line: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }
}
