import Foundation
import Testing

/// The command line's sentences group counts like the workbench (`1,200 customers`), while its
/// tables, CSV and JSON keep plain numbers for scripts.
@Suite struct CLICountTests {
    @Test func sentencesGroupThousands() throws {
        let dir = FileManager.default.temporaryDirectory.path + "/acumen-counts-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let demo = try ChildProcess.run(acumenBinary(), ["demo", dir + "/ws", "--customers", "1200", "--seed", "3"])
        #expect(demo.status == 0)
        #expect(demo.output.contains(": 1,200 customers, ") && demo.output.contains(" transactions (seed 3)."), "\(demo.output)")
        let check = try ChildProcess.run(acumenBinary(), ["check", dir + "/ws"])
        #expect(check.output.contains("OK — 1,200 customers, ") && check.output.contains(", 0 scenarios."), "\(check.output)")
        let report = try ChildProcess.run(acumenBinary(), ["report", dir + "/ws", "--limit", "5"])
        #expect(report.output.contains("… 5 of 1,200 customers shown"), "\(report.output)")
        #expect(report.output.contains(": 1,200 customers"), "\(report.output)")
        let json = try ChildProcess.run(acumenBinary(), ["report", dir + "/ws", "--format", "json", "--limit", "1"])
        #expect(json.output.contains("\"customerCount\": 1200"), "JSON keeps plain numbers")
    }
}
