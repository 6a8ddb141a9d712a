import Foundation
import Testing

/// The built `acumen` binary driven in a real terminal (tmux), as a person would use it.
/// Skipped with a message when tmux or the binary is missing.
@Suite(.serialized) struct EndToEndTests {
    static var binary: String? { Tmux.acumenBinary }

    /// A fresh folder with a demo workspace, and a script that records `stty -g` before and
    /// after running `acumen open` on it, plus the exit status.
    static func setUp(_ bin: String, extraNames: Bool = false) -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("acumen-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        Tmux.run(bin, ["demo", dir.appendingPathComponent("ws").path, "--customers", "200"])
        let script = """
        #!/bin/sh
        cd '\(dir.path)'
        stty -g > stty.before
        '\(bin)' open ws
        echo "rc=$?" > rc
        stty -g > stty.after
        sleep 60
        """
        let path = dir.appendingPathComponent("run.sh").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
        return dir
    }

    static func start(_ dir: URL) -> Tmux {
        Tmux.start("env LANG=C.UTF-8 LC_ALL=C.UTF-8 SWIFT_BACKTRACE=enable=no TERM=xterm-256color '\(dir.path)/run.sh'", width: 120, height: 40)
    }

    static func read(_ dir: URL, _ name: String) -> String? { Tmux.waitForFile(dir.appendingPathComponent(name).path) }

    /// After the app ended: the exit status file, the same `stty -g`, the alternate screen left.
    static func expectRestored(_ dir: URL, _ t: Tmux, status: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let rc = read(dir, "rc")
        #expect(rc?.contains(status) == true, "exit: \(rc ?? "none")", sourceLocation: sourceLocation)
        let before = read(dir, "stty.before"), after = read(dir, "stty.after")
        #expect(before != nil && before == after, "stty -g changed: \(before ?? "") → \(after ?? "")", sourceLocation: sourceLocation)
        #expect(!t.alternateScreenOn(), "still on the alternate screen", sourceLocation: sourceLocation)
        let modes = t.tmux(["display", "-p", "-t", t.session, "cursor=#{cursor_flag} keypad=#{keypad_flag} keypadCursor=#{keypad_cursor_flag}"])
        #expect(modes.hasPrefix("cursor=1 keypad=0 keypadCursor=0"), "cursor hidden or keypad mode left on: \(modes)", sourceLocation: sourceLocation)
    }

    @Test func browseSortFilterSearchHelpResizeAndQuit() throws {
        guard Tmux.path != nil, let bin = Self.binary else {
            print("EndToEndTests skipped: tmux or the acumen binary is missing")
            return
        }
        let dir = Self.setUp(bin)
        let t = Self.start(dir)
        defer { t.kill(); try? FileManager.default.removeItem(at: dir) }
        var screen = t.wait(for: "of 200 accounts")
        #expect(screen.contains("Acumen · ws  Accounts"))
        #expect(screen.contains("Total (200)"))
        // Sort by revenue, descending.
        t.send("l", "l", "l", "l", "l", "]")
        screen = t.wait(for: "sort: Revenue")
        #expect(screen.contains("Revenue▼"))
        // Live filter by owner, committed with Enter.
        t.send("f"); t.type("belowBreakEven"); t.send("Enter")
        screen = t.wait(for: "filter: belowBreakEven")
        #expect(screen.contains("filter: belowBreakEven"))
        #expect(!screen.contains("of 200 accounts · sort") || screen.contains("filter"))
        // Esc restores the previous (empty) filter.
        t.send("Escape")
        screen = t.wait(for: "200 of 200 accounts")
        #expect(screen.contains("200 of 200 accounts"))
        // Search and open the profile of the match.
        t.send("/"); t.type("C0042"); t.send("Enter", "Enter")
        screen = t.wait(for: "Value profile")
        #expect(screen.contains("Accounts ›"))
        #expect(screen.contains("C0042"))
        #expect(screen.contains("Value profile") && screen.contains("Revenue"))
        t.send("q")
        screen = t.wait(for: "of 200 accounts")
        // Help, filtered by typing.
        t.send("?"); t.type("search")
        screen = t.wait(for: "Keys — type to filter: search")
        #expect(screen.contains("Search names incrementally"))
        #expect(!screen.contains("Repaint the screen"))
        t.send("Escape")
        // Resize: the frame re-lays out at once.
        t.resize(width: 60, height: 20)
        screen = t.wait(for: "Acumen")
        usleep(300_000)
        screen = t.capture()
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix(" Acumen · ws  Accounts") == true)
        #expect(lines.contains { $0.contains("accounts") && $0.contains("of 200") })
        t.send("q")
        Self.expectRestored(dir, t, status: "rc=0")
    }

    /// Every catchable signal restores the terminal (termios, alternate screen, cursor, keypad
    /// mode) and the process still dies of that signal (exit status 128 + n).
    @Test(arguments: [SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGALRM]) func signalsRestoreTheTerminal(signal: Int32) throws {
        guard Tmux.path != nil, let bin = Self.binary else {
            print("EndToEndTests skipped: tmux or the acumen binary is missing")
            return
        }
        let dir = Self.setUp(bin)
        let t = Self.start(dir)
        defer { t.kill(); try? FileManager.default.removeItem(at: dir) }
        t.wait(for: "of 200 accounts")
        t.send("2")
        t.wait(for: "Portfolio")
        // The pane runs sh (run.sh), whose child is acumen.
        let shell = try #require(t.panePID())
        let app = try #require(Tmux.children(of: shell).first)
        kill(app, signal)
        Self.expectRestored(dir, t, status: "rc=\(128 + signal)")
    }

    /// A save over the file-size limit (`ulimit -f` in the shell that starts acumen, SIGXFSZ
    /// at its default) is refused with the documented message in the status line; the
    /// workbench keeps running, the files stay as they were, and it quits normally.
    @Test func fileSizeLimitOnSaveKeepsTheWorkbenchRunning() throws {
        guard Tmux.path != nil, let bin = Self.binary else {
            print("EndToEndTests skipped: tmux or the acumen binary is missing")
            return
        }
        let dir = Self.setUp(bin)
        let script = dir.appendingPathComponent("run.sh").path
        let text = try String(contentsOfFile: script, encoding: .utf8)
            .replacingOccurrences(of: "stty -g > stty.before\n", with: "stty -g > stty.before\ntrap - XFSZ\nulimit -f 40\n")
        try text.write(toFile: script, atomically: false, encoding: .utf8)
        let customers = dir.appendingPathComponent("ws/customers.jsonl").path
        let before = FileManager.default.contents(atPath: customers)
        try #require((before?.count ?? 0) > 41 * 1024, "the demo customers file must exceed the limit")
        let t = Tmux.start("env LANG=C.UTF-8 LC_ALL=C.UTF-8 SWIFT_BACKTRACE=enable=no TERM=xterm-256color '\(dir.path)/run.sh'", width: 220, height: 40)
        defer { t.kill(); try? FileManager.default.removeItem(at: dir) }
        t.wait(for: "of 200 accounts")
        var screen = ""
        for _ in 0..<3 where !screen.contains("decided 0") {
            t.send("3")
            screen = t.wait(for: "decided 0", timeout: 3)
        }
        t.send("a")
        t.wait(for: "decided 1")
        t.send("C-s")
        t.wait(for: "Review before save")
        t.send("Enter")
        screen = t.wait(for: "File too large")
        #expect(screen.contains("Not saved: cannot write ws/customers.jsonl: File too large — the file is larger than allowed"), "\(screen)")
        t.send("1")
        screen = t.wait(for: "of 200 accounts")
        #expect(screen.contains("of 200 accounts"), "the workbench stopped: \(screen)")
        #expect(FileManager.default.contents(atPath: customers) == before)
        t.send("Q")
        t.wait(for: "Quit without saving")
        t.send("y")
        Self.expectRestored(dir, t, status: "rc=0")
    }

    /// Names with ESC/CSI/OSC sequences, C1 controls and bidi overrides show neutralised in
    /// the real terminal: the colour, the window title and the text order stay untouched.
    @Test func hostileNamesAreNeutralisedOnScreen() throws {
        guard Tmux.path != nil, let bin = Self.binary else {
            print("EndToEndTests skipped: tmux or the acumen binary is missing")
            return
        }
        let dir = Self.setUp(bin)
        let file = dir.appendingPathComponent("ws/customers.jsonl").path
        var text = String(decoding: try #require(FileManager.default.contents(atPath: file)), as: UTF8.self)
        let hostile = #"AAA\u001b[31mEVIL\u001b]2;pwned\u0007\u009b2J\u202eDESREVER"#
        let first = try #require(text.range(of: #""name":""#))
        let end = try #require(text[first.upperBound...].firstIndex(of: "\""))
        text.replaceSubrange(first.upperBound..<end, with: hostile)
        _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
        let t = Self.start(dir)
        defer { t.kill(); try? FileManager.default.removeItem(at: dir) }
        t.wait(for: "of 200 accounts")
        t.send("/"); t.type("aaa"); t.send("Enter", "Enter")
        let screen = t.wait(for: "Value profile")
        #expect(screen.contains(#"AAA\x1b[31mEVIL\x1b]2;pwned\x07\x9b2J\u202eDESREVER"#), "\(screen)")
        #expect(!t.tmux(["display", "-p", "-t", t.session, "#{pane_title}"]).contains("pwned"))
        let styled = t.tmux(["capture-pane", "-p", "-e", "-t", t.session])
        #expect(!styled.contains("\u{1b}[31m"), "the name's colour code reached the terminal")
        t.send("Q")
        Self.expectRestored(dir, t, status: "rc=0")
    }
}
