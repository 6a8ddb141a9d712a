import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore

/// No escape sequence from a data file reaches the terminal through the CLI (issue 17, item 5):
/// names, ids, the currency, scenario and tier names, CSV headers and values carrying an OSC
/// title change (`ESC ] 0 ; … BEL`) and a screen clear (`ESC [ 2 J`) come out of every
/// terminal-format command escaped as text, on standard output and standard error. CSV and
/// JSON keep the exact data.
@Suite struct HostileOutputTests {
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}X"

    /// The bytes of `text` that must never reach a terminal: C0 controls other than the line
    /// feed, DEL, and C1 controls (U+0080–U+009F, encoded C2 80–C2 9F).
    static func controls(_ text: String) -> [String] {
        var found: [String] = []
        let b = Array(text.utf8)
        for (i, x) in b.enumerated() {
            if (x < 0x20 && x != 0x0A) || x == 0x7F { found.append(String(format: "0x%02x at %d", x, i)) }
            if x == 0xC2, i + 1 < b.count, (0x80...0x9F).contains(b[i + 1]) { found.append(String(format: "C1 0x%02x at %d", b[i + 1], i)) }
        }
        return found
    }

    /// A folder with `ws` (hostile currency, scenario, tier, customer name) and `broken` (a
    /// transaction for a hostile unknown customer id, a rating of a hostile unknown criterion).
    static func setUp() throws -> String {
        let dir = FileManager.default.temporaryDirectory.path + "/acumen-hostile-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var ws = DemoGenerator(customers: 30, transactionsPerCustomer: 3, seed: 9).generate()
        ws.settings.currency = hostile
        ws.settings.scenarios = [Scenario(name: "S" + hostile, weights: [.monetary: 40])]
        ws.settings.tiers.bands[0].name = "K" + hostile
        ws.customers[0].name = "N" + hostile
        try WorkspaceStore.create(dir + "/ws", workspace: ws).close()
        try WorkspaceStore.create(dir + "/broken", workspace: ws).close()
        let tx = dir + "/broken/" + WorkspaceFiles.transactions
        let line = #"{"amount":1.00,"customer":"C\u001b]0;pwned\u0007X","date":"2025-06-01","quantity":1}"# + "\n"
        let handle = try #require(FileHandle(forWritingAtPath: tx))
        handle.seekToEndOfFile(); handle.write(Data(line.utf8)); handle.closeFile()
        let cu = dir + "/broken/" + WorkspaceFiles.customers
        var text = String(decoding: try #require(FileManager.default.contents(atPath: cu)), as: UTF8.self)
        text = text.replacingOccurrences(of: #""ratings":{"#, with: #""ratings":{"r\u001b[2J\u009b":3,"#, options: [], range: text.range(of: #""ratings":{"#))
        try Data(text.utf8).write(to: URL(fileURLWithPath: cu))
        let csv = "customer,date,amount,note" + hostile + "\n" + "C" + hostile + ",2025-06-01,12.50,x\n" + "C2,2025-06-02,3.00,y\n"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: dir + "/good.csv"))
        let bad = "customer,date,amount\nC1,2025-06-01,12" + hostile + "\nC" + hostile + ",2025-13-01,1\n"
        try Data(bad.utf8).write(to: URL(fileURLWithPath: dir + "/bad.csv"))
        return dir
    }

    @Test func terminalFormatsCarryNoControlCharacters() throws {
        let dir = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let runs: [[String]] = [
            ["check", "ws"], ["check", "broken"],
            ["report", "ws", "--no-lifetime-value"], ["report", "ws", "--no-lifetime-value", "--scenario", "S" + Self.hostile],
            ["report", "ws", "--no-lifetime-value", "--format", "markdown"],
            ["report", "ws", "--no-lifetime-value", "--scenario", "nope" + Self.hostile],
            ["report", "broken"],
            ["export", "ws", "--no-lifetime-value", "--format", "markdown", "-o", "-"],
            ["export", "broken", "--format", "csv", "-o", "-"],
            ["import", "new", "--transactions", "good.csv", "--dry-run"],
            ["import", "ws", "--transactions", "good.csv", "--dry-run"],
            ["import", "new", "--transactions", "bad.csv"],
            ["import", "new", "--transactions", "good.csv", "--map", "customer=x" + Self.hostile],
        ]
        var quoted = 0
        var unquoted: [String] = []
        for args in runs {
            let names: Set<String> = ["ws", "broken", "new", "good.csv", "bad.csv"]
            let r = try ChildProcess.run(acumenBinary(), args.map { names.contains($0) ? dir + "/" + $0 : $0 })
            let all = r.output + r.error
            #expect(Self.controls(r.output).isEmpty, "\(args.joined(separator: " ")): stdout has \(Self.controls(r.output).prefix(3))")
            #expect(Self.controls(r.error).isEmpty, "\(args.joined(separator: " ")): stderr has \(Self.controls(r.error).prefix(3))")
            if all.contains("\\x1b]0;pwned\\x07") || all.contains("\\x1b[2J") || all.contains("\\x9b") { quoted += 1 } else {
                unquoted.append(args.first.map { $0 + " " + args.dropFirst().joined(separator: " ").prefix(60) } ?? "")
            }
        }
        // The hostile strings are shown (escaped), not dropped.
        #expect(quoted >= 8, "only \(quoted) commands quoted the hostile text; not: \(unquoted)")
    }

    @Test func dataFormatsKeepTheExactData() throws {
        let dir = try Self.setUp()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let csv = try ChildProcess.run(acumenBinary(), ["export", dir + "/ws", "--no-lifetime-value", "--format", "csv", "-o", "-"])
        #expect(csv.status == 0)
        #expect(csv.output.contains("N" + Self.hostile), "CSV must keep the name as it is")
        let json = try ChildProcess.run(acumenBinary(), ["report", dir + "/ws", "--no-lifetime-value", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.output.contains(#"N\u001b]0;pwned\u0007"#), "JSON keeps the name, escaped as JSON")
        let md = dir + "/out.md"
        let file = try ChildProcess.run(acumenBinary(), ["export", dir + "/ws", "--no-lifetime-value", "--format", "markdown", "-o", md])
        #expect(file.status == 0, "\(file.error)")
        let text = String(decoding: try #require(FileManager.default.contents(atPath: md)), as: UTF8.self)
        #expect(Self.controls(text).isEmpty, "a Markdown file keeps no control character: \(Self.controls(text).prefix(3))")
        #expect(text.contains("\\x1b]0;pwned\\x07"))
    }
}
