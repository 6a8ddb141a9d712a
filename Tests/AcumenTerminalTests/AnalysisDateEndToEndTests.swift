import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Historical data end to end: a CDNOW-layout file that ends in the past (generated here), imported
/// and opened with no flags, opens at the day after its latest transaction with non-zero figures;
/// stepping the date back a quarter changes the header and the figures; the Changes screen drills
/// into a migration cell and comes back.
/// Skipped with a message when tmux or the binary is missing.
@Suite(.serialized) struct AnalysisDateEndToEndTests {
    /// CDNOW layout: `id yyyyMMdd quantity amount`, whitespace separated; 60 customers buying
    /// from 1997-01 to 1998-06-30 (the last day), amounts varying by customer and month.
    static func cdnow() -> String {
        var lines: [String] = []
        for c in 1...60 {
            for m in 0..<18 where (c + m) % (1 + c % 4) == 0 || m == 17 && c % 3 == 0 {
                let year = 1997 + m / 12, month = m % 12 + 1
                let day = m == 17 && c == 1 ? 30 : 1 + (c * 7 + m) % 28
                lines.append(String(format: "%05d %04d%02d%02d %d %.2f", c, year, month, day, 1 + c % 3, Double(c * 3 + m * 5) + 0.99))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func staleDataOpensAtTheFallbackDateAndAQuarterBackChangesTheFigures() throws {
        guard Tmux.path != nil, let bin = Tmux.acumenBinary else {
            print("AnalysisDateEndToEndTests skipped: tmux or the acumen binary is missing")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("acumen-date-e2e-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.cdnow().write(toFile: dir + "/cdnow.txt", atomically: true, encoding: .utf8)
        let imported = Tmux.run(bin, ["import", dir + "/ws", "--transactions", dir + "/cdnow.txt"])
        #expect(imported.status == 0, Comment(rawValue: imported.output))

        let script = "#!/bin/sh\ncd '\(dir)'\n'\(bin)' ws\necho \"rc=$?\" > done\nsleep 60\n"
        _ = FileManager.default.createFile(atPath: dir + "/run.sh", contents: Data(script.utf8), attributes: [.posixPermissions: 0o755])
        let t = Tmux.start("env LANG=C.UTF-8 LC_ALL=C.UTF-8 SWIFT_BACKTRACE=enable=no TERM=xterm-256color ACUMEN_AUTHOR=e2e '\(dir)/run.sh'",
                           width: 120, height: 40)
        defer { t.kill() }
        var screen = t.wait(for: "accounts")
        #expect(screen.contains("as of 1998-07-01 · window 1997-07-01 – 1998-06-30"), Comment(rawValue: screen))
        #expect(screen.contains("no transactions since 1998-06-30"), Comment(rawValue: screen))
        for _ in 0..<3 where !screen.contains("top 20% hold") {  // the first key can race the terminal set-up
            t.send("2")
            screen = t.wait(for: "top 20% hold", timeout: 3)
        }
        let before = try #require(screen.split(separator: "\n").first { $0.contains("top 20% hold") }.map(String.init), Comment(rawValue: screen))
        #expect(!before.contains("hold 0.0%"), Comment(rawValue: screen))
        t.send(",")
        screen = t.wait(for: "as of 1998-04-01 · window 1997-04-01 – 1998-03-31")
        #expect(screen.contains("as of 1998-04-01 · window 1997-04-01 – 1998-03-31"), Comment(rawValue: screen))
        let after = screen.split(separator: "\n").first { $0.contains("top 20% hold") }.map(String.init)
        #expect(after != nil && after != before, Comment(rawValue: screen))
        t.send("1")
        screen = t.wait(for: "accounts")
        #expect(screen.contains("as of 1998-04-01"), Comment(rawValue: screen))
        // The Changes screen compares with one quarter earlier; Enter on the first migration cell
        // lists its accounts, and Esc comes back to the comparison.
        t.send("5")
        screen = t.wait(for: "both dates use the same weights")
        #expect(screen.contains("1998-01-01 → 1998-04-01"), Comment(rawValue: screen))
        t.send("Enter")
        screen = t.wait(for: "Esc comes back")
        let listed = screen.split(separator: "\n").first { $0.contains("Esc comes back") }.map(String.init) ?? ""
        #expect(listed.contains(" → "), Comment(rawValue: screen))
        t.send("Escape")
        screen = t.wait(for: "both dates use the same weights")
        #expect(screen.contains("both dates use the same weights"), Comment(rawValue: screen))
        // Tab to the ABC migration, Enter on its first cell: exactly its accounts, also after a
        // sort; Esc comes back to the same cell.
        t.send("Tab")
        screen = t.wait(for: "· ABC A → A: ")
        let selected = screen.split(separator: "\n").first { $0.contains("· ABC A → A: ") }.map(String.init) ?? ""
        let count = selected.components(separatedBy: "· ABC A → A: ").last?.split(separator: " ").first.map(String.init) ?? "?"
        t.send("Enter")
        screen = t.wait(for: "accounts in ABC A → A")
        #expect(screen.contains("Accounts: ABC A → A"), Comment(rawValue: screen))
        #expect(screen.contains("\(count) of \(count) accounts in ABC A → A"), Comment(rawValue: screen))
        t.send("]")
        screen = t.wait(for: "sort:")
        #expect(screen.contains("\(count) of \(count) accounts in ABC A → A"), Comment(rawValue: screen))
        t.send("Escape")
        screen = t.wait(for: "both dates use the same weights")
        #expect(screen.contains("· ABC A → A: \(count) account"), Comment(rawValue: screen))
        t.send("Q")
        #expect(Tmux.waitForFile(dir + "/done") == "rc=0\n")
    }
}
