import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore

/// File-size limits never kill silently (issue 17, item 7): under `ulimit -f` (RLIMIT_FSIZE,
/// set by a shell in the child only) with SIGXFSZ left at its default, `acumen` ignores
/// SIGXFSZ itself, so an import fails with `EFBIG` and the documented message, exits 1 (not
/// 153, death by SIGXFSZ), leaves no temporary file and changes nothing; read-only commands and
/// a writable open whose transaction cache cannot be written still work.
@Suite struct FileSizeLimitTests {
    /// Runs acumen with RLIMIT_FSIZE set to `kilobytes` KiB by `sh` (`ulimit -f` counts
    /// 512-byte blocks in dash, 1024-byte blocks in bash: both limits lie below every file
    /// the tests need to fail on).
    static func limited(_ kilobytes: Int, _ args: [String]) throws -> (status: Int32, output: String, error: String) {
        try ChildProcess.run("/bin/sh", ["-c", "trap - XFSZ; ulimit -f \(kilobytes) && exec \"$0\" \"$@\"", acumenBinary()] + args)
    }

    static func leftovers(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasPrefix(AtomicFile.tempPrefix) || $0 == WorkspacePublish.markerName
        }
    }

    @Test func importOverTheLimitFailsClearlyAndChangesNothing() throws {
        let base = FileManager.default.temporaryDirectory.path + "/acumen-fsize-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        var csv = "customer,date,amount\n"
        for k in 0..<3000 { csv += "N\(k),2025-0\(k % 9 + 1)-1\(k % 10),\(k % 97 + 1).25\n" }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: base + "/t.csv"))
        // Into a new folder: nothing is left that looks like a workspace.
        let fresh = try Self.limited(16, ["import", base + "/new", "--transactions", base + "/t.csv"])
        #expect(fresh.status == 1, "exit \(fresh.status) (153 = killed by SIGXFSZ): \(fresh.error)")
        #expect(fresh.error.contains("File too large — the file is larger than allowed"), "\(fresh.error)")
        #expect(Self.leftovers(base + "/new").isEmpty, "\(Self.leftovers(base + "/new"))")
        #expect(!FileManager.default.fileExists(atPath: base + "/new/" + WorkspaceFiles.customers))
        // Into an existing small workspace: its files stay byte-identical.
        let ws = base + "/ws"
        try WorkspaceStore.create(ws, workspace: DemoGenerator(customers: 10, transactionsPerCustomer: 2, seed: 4).generate()).close()
        let names = [WorkspaceFiles.settings, WorkspaceFiles.customers, WorkspaceFiles.transactions]
        let before = names.map { FileManager.default.contents(atPath: ws + "/" + $0) }
        let merged = try Self.limited(16, ["import", ws, "--transactions", base + "/t.csv"])
        #expect(merged.status == 1, "exit \(merged.status): \(merged.error)")
        #expect(merged.error.contains("File too large"), "\(merged.error)")
        #expect(names.map { FileManager.default.contents(atPath: ws + "/" + $0) } == before)
        #expect(Self.leftovers(ws).isEmpty, "\(Self.leftovers(ws))")
        // Read-only commands are unaffected.
        let check = try Self.limited(16, ["check", ws])
        #expect(check.status == 0, "\(check.error)")
        // Without the limit the same import succeeds.
        let ok = try ChildProcess.run(acumenBinary(), ["import", ws, "--transactions", base + "/t.csv"])
        #expect(ok.status == 0, "\(ok.error)")
    }
}
