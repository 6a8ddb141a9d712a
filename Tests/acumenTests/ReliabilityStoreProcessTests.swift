import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
@testable import AcumenStore

/// Issue 17 at the store level, through the built `acumen` binary: `check` exits non-zero on
/// a complete but damaged last journal record and says when it dropped a torn one, and a
/// customers file of blank lines loads within a small multiple of its size (peak RSS of the
/// child process, measured by `/usr/bin/time`).
@Suite struct ReliabilityStoreProcessTests {
    func workspace(_ name: String = #function) throws -> String {
        let folder = FileManager.default.temporaryDirectory.path + "/acumen-store-proc-\(getpid())-\(name.filter(\.isLetter))-\(UInt32.random(in: 0...UInt32.max))"
        try WorkspaceStore.create(folder, workspace: DemoGenerator(customers: 5, transactionsPerCustomer: 2, seed: 3).generate()).close()
        return folder
    }

    func append(_ text: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile(); handle.write(Data(text.utf8)); handle.closeFile()
    }

    func record(_ seq: Int, owner: String) -> String {
        String(decoding: Journal.line(Journal.Record(seq: seq, at: Timestamp(seconds: 1_764_000_000), author: "a",
                                                     edit: .setOwner(customer: "C0001", owner: owner))), as: UTF8.self)
    }

    @Test func checkFailsOnADamagedLastRecordAndReportsADroppedTornOne() throws {
        let folder = try workspace()
        let journal = folder + "/" + WorkspaceFiles.journal
        try append(record(1, owner: "x").replacingOccurrences(of: "\"x\"", with: "\"y\""), to: journal)
        let damaged = try ChildProcess.run(acumenBinary(), ["check", folder])
        #expect(damaged.status == 1, "\(damaged.error)")
        #expect(damaged.error.contains("journal.jsonl:2:") && damaged.error.contains("checksum"), "\(damaged.error)")
        try (Journal.header + record(1, owner: "x") + String(record(2, owner: "t").dropLast(5))).write(toFile: journal, atomically: false, encoding: .utf8)
        let torn = try ChildProcess.run(acumenBinary(), ["check", folder])
        #expect(torn.status == 0, "\(torn.error)")
        #expect(torn.error.contains("journal.jsonl:3:") && torn.error.contains("torn record"), "\(torn.error)")
        try? FileManager.default.removeItem(atPath: folder)
    }

    @Test func eightMegabytesOfBlankLinesLoadWithinASmallMultipleOfTheirSize() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { return }  // no GNU time: nothing to measure with
        let folder = try workspace()
        let blank = [UInt8](repeating: 0x0A, count: 8 << 20)
        let customers = folder + "/" + WorkspaceFiles.customers
        let handle = try #require(FileHandle(forWritingAtPath: customers))
        handle.seekToEndOfFile(); handle.write(Data(blank)); handle.closeFile()
        let run = try ChildProcess.run("/usr/bin/time", ["-f", "maxrss-kb %M", acumenBinary(), "check", folder], timeout: 120)
        #expect(run.status == 0, "\(run.error)")
        let kb = run.error.split(separator: "\n").last { $0.hasPrefix("maxrss-kb ") }.flatMap { Int($0.dropFirst(10)) }
        let peak = try #require(kb, "\(run.error)")
        // Before the fix: ~257 bytes a line, 2 GB here. Now the file is read once and scanned.
        #expect(peak < 160 * 1024, "peak RSS \(peak) KB for an 8 MB file of blank lines")
        try? FileManager.default.removeItem(atPath: folder)
    }
}
