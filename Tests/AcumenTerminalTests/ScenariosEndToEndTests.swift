import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The workbench at 80×24 in tmux, as a user on an ordinary terminal: triage five accounts,
/// save two scenarios, filter the accounts list, compare the two scenarios side by side (from
/// the palette, over the filtered list), open a mover's profile, and go back with `Esc` to
/// exactly the comparison and then to exactly the filtered list.
/// Skipped with a message when tmux or the binary is missing.
@Suite(.serialized) struct ScenariosEndToEndTests {
    /// The screen without its status line (the notice there changes with every key).
    static func body(_ screen: String) -> [String] {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return Array(lines.prefix(22))
    }

    /// Waits for a text and records an issue (with the screen) when it never shows.
    @discardableResult
    static func expect(_ t: Tmux, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let screen = t.wait(for: text)
        #expect(screen.contains(text), Comment(rawValue: "waited for \(text):\n" + screen), sourceLocation: sourceLocation)
        return screen
    }

    @Test func triageCompareOpenAMoverAndComeBackToTheFilter() throws {
        guard Tmux.path != nil, let bin = Tmux.acumenBinary else {
            print("ScenariosEndToEndTests skipped: tmux or the acumen binary is missing")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("acumen-scen-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        Tmux.run(bin, ["demo", dir + "/ws", "--customers", "60"])
        let script = "#!/bin/sh\ncd '\(dir)'\n'\(bin)' open ws\necho \"rc=$?\" > done\nsleep 60\n"
        _ = FileManager.default.createFile(atPath: dir + "/run.sh", contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
        let t = Tmux.start("env LANG=C.UTF-8 LC_ALL=C.UTF-8 SWIFT_BACKTRACE=enable=no TERM=xterm-256color ACUMEN_AUTHOR=e2e '\(dir)/run.sh'",
                           width: 80, height: 24)
        defer { t.kill() }
        t.wait(for: "accounts")
        var screen = ""
        for _ in 0..<3 where !screen.contains("Triage 1/") {  // the first key can race the terminal set-up
            t.send("3")
            screen = t.wait(for: "Triage 1/", timeout: 3)
        }
        // Five accounts triaged: each accepted.
        for k in 1...5 {
            #expect(screen.contains("Triage \(k)/"), Comment(rawValue: screen))
            t.send("a")
            screen = Self.expect(t, "Triage \(k + 1)/")
        }
        #expect(screen.contains("decided 5"), Comment(rawValue: screen))

        // Two scenarios: revenue heavy, then recency heavy.
        t.send("4")
        Self.expect(t, "Tier moves")
        t.send("Enter"); Self.expect(t, "Weight of Revenue")
        t.type("100"); t.send("Enter"); Self.expect(t, "100↑")
        t.send("S"); Self.expect(t, "Save scenario as")
        t.type("Revenue"); t.send("Enter")
        Self.expect(t, #"scenario "Revenue" saved"#)
        t.send("j", "j", "j", "Enter"); Self.expect(t, "Weight of Recency")
        t.type("60"); t.send("Enter"); Self.expect(t, "60↑")
        t.send("S"); Self.expect(t, "Save scenario as")
        t.type("Recency"); t.send("Enter")
        Self.expect(t, #"scenario "Recency" saved"#)

        // A filter on the accounts list.
        t.send("1")
        Self.expect(t, "of 60 accounts")
        t.send("f"); Self.expect(t, "filter: ")
        t.type("tier:key"); t.send("Enter")
        let filtered = Self.expect(t, "filter: tier:key")
        #expect(filtered.contains("of 60 accounts · filter: tier:key"), Comment(rawValue: filtered))

        // Compare the two scenarios over it (the palette reaches the comparison from here).
        t.send(":"); usleep(200_000)
        t.type("compare-scenarios"); t.send("Enter")
        Self.expect(t, "Compare default  with  Recency")
        t.send(">")
        let compared = Self.expect(t, "Compare Revenue  with  Recency")
        #expect(compared.contains("Accounts › Scenarios"), Comment(rawValue: compared))
        #expect(compared.contains("Movers (Δrank Δscore tier)"), Comment(rawValue: compared))

        // Open the selected mover (the first), then Esc: the same comparison, same selection.
        t.send("Enter")
        let profile = Self.expect(t, "account C")
        #expect(profile.contains("Accounts › Scenarios › "), Comment(rawValue: profile))
        t.send("Escape")
        let back = Self.expect(t, "Compare Revenue  with  Recency")
        #expect(Self.body(back) == Self.body(compared), Comment(rawValue: back + "\n---\n" + compared))

        // Esc again: exactly the filtered list, its filter kept.
        t.send("Escape")
        let list = Self.expect(t, "filter: tier:key")
        #expect(list.contains("of 60 accounts · filter: tier:key"), Comment(rawValue: list))
        #expect(Self.body(list) == Self.body(filtered), Comment(rawValue: list + "\n---\n" + filtered))

        // Quit without saving: the journal keeps the edits; the app asks first.
        t.send("Q")
        Self.expect(t, "Quit without saving")
        t.send("y")
        #expect(Tmux.waitForFile(dir + "/done")?.contains("rc=0") == true)
        let journal = (try? String(contentsOfFile: dir + "/ws/journal.jsonl", encoding: .utf8)) ?? ""
        #expect(journal.components(separatedBy: "\"setReview\"").count - 1 == 5)
        #expect(journal.contains(#""name":"Recency""#) && journal.contains(#""name":"Revenue""#))
    }
}
