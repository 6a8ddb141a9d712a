import Foundation
import Testing

/// What the workbench says when it opens, seen in a real terminal at 80×24: where the demo
/// workspace lives (printed before the full screen, it would be gone), and that edits left in
/// the journal by a crash were recovered. Skipped with a message when tmux or the binary is missing.
@Suite(.serialized) struct OpeningNoticeEndToEndTests {
    /// Runs `command` (a shell line) in `dir` in tmux at 80×24.
    static func run(_ command: String, in dir: String) -> Tmux {
        let script = "#!/bin/sh\ncd '\(dir)'\n\(command)\nsleep 60\n"
        _ = FileManager.default.createFile(atPath: dir + "/run.sh", contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
        return Tmux.start("env LANG=C.UTF-8 LC_ALL=C.UTF-8 SWIFT_BACKTRACE=enable=no TERM=xterm-256color ACUMEN_AUTHOR=e2e '\(dir)/run.sh'",
                          width: 80, height: 24)
    }

    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("acumen-notice-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/empty", withIntermediateDirectories: true)
        return dir
    }

    @Test func theDemosLocationIsOnTheScreen() throws {
        guard Tmux.path != nil, let bin = Tmux.acumenBinary else {
            print("OpeningNoticeEndToEndTests skipped: tmux or the acumen binary is missing")
            return
        }
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // No argument in a folder that is no workspace: the demo under $XDG_DATA_HOME.
        // The path is said with ~ for the home folder, so it fits beside the advice.
        let t = Self.run("cd empty && HOME='\(dir)' XDG_DATA_HOME='\(dir)/xdg' '\(bin)'", in: dir)
        defer { t.kill() }
        let screen = t.wait(for: "Demo workspace in")
        #expect(screen.contains("Demo workspace in ~/xdg/acumen/demo (edits are kept)"), "\(screen)")
        #expect(FileManager.default.fileExists(atPath: dir + "/xdg/acumen/demo/settings.json"))
    }

    @Test func editsRecoveredFromTheJournalAreAnnounced() throws {
        guard Tmux.path != nil, let bin = Tmux.acumenBinary else {
            print("OpeningNoticeEndToEndTests skipped: tmux or the acumen binary is missing")
            return
        }
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        Tmux.run(bin, ["demo", dir + "/ws", "--customers", "30"])
        // An owner change is journaled at once; the session then ends without a save.
        let first = Self.run("'\(bin)' open ws", in: dir)
        var screen = first.wait(for: "of 30 accounts")
        first.send("o"); first.type("Ann Example"); first.send("Enter")
        screen = first.wait(for: "Saved to journal")
        #expect(screen.contains("Saved to journal"), "\(screen)")
        first.kill()  // the terminal goes away (SIGHUP): nothing is saved, the journal stays
        let journal = try String(contentsOfFile: dir + "/ws/journal.jsonl", encoding: .utf8)
        #expect(journal.contains("Ann Example"))

        let second = Self.run("'\(bin)' open ws", in: dir)
        defer { second.kill() }
        screen = second.wait(for: "Recovered journal edits")
        #expect(screen.contains("Recovered journal edits (customers.jsonl 1): Ctrl-S saves them, u undoes"), "\(screen)")
        #expect(screen.contains("[modified]"))
    }
}
