import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Owner, note and tags end to end, on a profile and by bulk action on marked rows: the built
/// binary in tmux shows each edit at once on the profile (header, Notes, History) and in the
/// accounts list, and every one survives save (Ctrl-S), quit and reopen.
/// Skipped with a message when tmux or the binary is missing.
@Suite(.serialized) struct ProfileEditsEndToEndTests {
    /// Starts `acumen open ws` in tmux at 200×50 (every column of the list fits).
    static func open(_ bin: String, _ dir: String) -> Tmux {
        let script = "#!/bin/sh\ncd '\(dir)'\n'\(bin)' open ws\necho \"rc=$?\" > done\nsleep 60\n"
        _ = FileManager.default.createFile(atPath: dir + "/run.sh", contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
        try? FileManager.default.removeItem(atPath: dir + "/done")
        return Tmux.start("env LANG=C.UTF-8 LC_ALL=C.UTF-8 SWIFT_BACKTRACE=enable=no TERM=xterm-256color ACUMEN_AUTHOR=e2e '\(dir)/run.sh'",
                          width: 200, height: 50)
    }

    /// The lines of a screen that contain a text.
    static func lines(_ screen: String, containing text: String) -> [String] {
        screen.split(separator: "\n").map(String.init).filter { $0.contains(text) }
    }

    /// The profile shown, scrolled to its end (Notes and History), and its first lines.
    static func profileEnd(_ t: Tmux, waitingFor text: String) -> String {
        t.send("G")
        return t.wait(for: text)
    }

    @Test func ownerNoteAndTagsShowAtOnceAndSurviveReopen() throws {
        guard Tmux.path != nil, let bin = Tmux.acumenBinary else {
            print("ProfileEditsEndToEndTests skipped: tmux or the acumen binary is missing")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("acumen-edit-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        Tmux.run(bin, ["demo", dir + "/ws", "--customers", "30"])

        let t = Self.open(bin, dir)
        defer { t.kill() }
        var screen = t.wait(for: "accounts")
        // On the first account's profile: owner, note, tags.
        for _ in 0..<3 where !screen.contains("Value profile") {  // the first key can race the terminal set-up
            t.send("Enter")
            screen = t.wait(for: "Value profile", timeout: 3)
        }
        let id = try #require(screen.components(separatedBy: " account ").last?.split(whereSeparator: \.isWhitespace).first.map(String.init),
                              Comment(rawValue: screen))
        t.send("o")
        t.wait(for: "Owner:")
        t.send("C-u")
        t.type("Zoë E2E")
        t.send("Enter")
        screen = t.wait(for: "Owner Zoë E2E")
        #expect(screen.contains("Owner Zoë E2E"), Comment(rawValue: screen))
        t.send("e")
        t.wait(for: "Note:")
        t.type("e2e visit")
        t.send("Enter")
        t.wait(for: "Saved to journal")
        t.send("t")
        t.wait(for: "Tags")
        t.send("C-u")
        t.type("vip-e2e")
        t.send("Enter")
        screen = t.wait(for: "Tags vip-e2e")
        #expect(screen.contains("Tags vip-e2e"))
        screen = Self.profileEnd(t, waitingFor: "tags:")
        #expect(screen.contains("e2e: e2e visit"), Comment(rawValue: screen))
        #expect(screen.contains("→ Zoë E2E") && screen.contains("note added") && screen.contains("→ vip-e2e"), Comment(rawValue: screen))
        // Back on the list: the row shows the owner and the tags.
        t.send("Escape")
        screen = t.wait(for: "vip-e2e")
        #expect(Self.lines(screen, containing: "Zoë E2E").contains { $0.contains("vip-e2e") }, Comment(rawValue: screen))

        // Bulk: mark the second and third rows, then owner, tags and a note on both.
        t.send("j")
        t.send("Space")
        t.send("Space")
        t.wait(for: "2 marked")
        t.send("o")
        t.wait(for: "Owner (2 accounts):")
        t.type("Bulk Owner")
        t.send("Enter")
        screen = t.wait(for: "Bulk Owner")
        #expect(Self.lines(screen, containing: "Bulk Owner").count == 2, Comment(rawValue: screen))
        t.send("t")
        t.wait(for: "Tags (2 accounts)")
        t.type("bulk-e2e")
        t.send("Enter")
        screen = t.wait(for: "bulk-e2e")
        #expect(Self.lines(screen, containing: "Bulk Owner").filter { $0.contains("bulk-e2e") }.count == 2, Comment(rawValue: screen))
        t.send("e")
        t.wait(for: "Note (2 accounts):")
        t.type("bulk visit")
        t.send("Enter")
        t.wait(for: "Saved to journal")
        // A marked row's profile shows all three at once.
        t.send("k")
        t.send("Enter")
        screen = t.wait(for: "Owner Bulk Owner")
        #expect(screen.contains("Tags bulk-e2e"), Comment(rawValue: screen))
        screen = Self.profileEnd(t, waitingFor: "bulk visit")
        #expect(screen.contains("e2e: bulk visit") && screen.contains("→ Bulk Owner") && screen.contains("→ bulk-e2e"), Comment(rawValue: screen))
        let bulkID = try #require(screen.components(separatedBy: " account ").last?.split(whereSeparator: \.isWhitespace).first.map(String.init))
        t.send("Escape")

        // Save, quit.
        t.send("C-s")
        t.wait(for: "Review before save")
        t.send("Enter")
        t.wait(for: "Saved")
        t.send("Q")
        #expect(Tmux.waitForFile(dir + "/done")?.contains("rc=0") == true)
        let text = try String(contentsOfFile: dir + "/ws/customers.jsonl", encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let line = try #require(lines.first(where: { $0.contains("\"id\":\"" + id + "\"") }))
        #expect(line.contains("Zoë E2E") && line.contains("vip-e2e") && line.contains("e2e visit"))
        let bulkLine = try #require(lines.first(where: { $0.contains("\"id\":\"" + bulkID + "\"") }))
        #expect(bulkLine.contains("Bulk Owner") && bulkLine.contains("bulk-e2e") && bulkLine.contains("bulk visit"))

        // Reopen: the list and the profiles show every edit.
        let t2 = Self.open(bin, dir)
        defer { t2.kill() }
        screen = t2.wait(for: "Bulk Owner")
        #expect(Self.lines(screen, containing: "Zoë E2E").contains { $0.contains("vip-e2e") }, Comment(rawValue: screen))
        #expect(Self.lines(screen, containing: "Bulk Owner").filter { $0.contains("bulk-e2e") }.count == 2, Comment(rawValue: screen))
        t2.send("Enter")
        screen = t2.wait(for: "Owner Zoë E2E")
        #expect(screen.contains("Tags vip-e2e"))
        screen = Self.profileEnd(t2, waitingFor: "e2e visit")
        #expect(screen.contains("→ Zoë E2E") && screen.contains("note added"), Comment(rawValue: screen))
        t2.send("Q")
        #expect(Tmux.waitForFile(dir + "/done")?.contains("rc=0") == true)
    }
}
