import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore

/// Reliability checks that need a second process: the workspace lock across processes (and
/// its recovery after SIGKILL), a real `EFBIG` under `RLIMIT_FSIZE`, and the umask. Limits,
/// umask and signal dispositions are per process, so they are set in the child only.
@Suite struct KillLoopProcessTests {
    func workspace(customers: Int = 20, _ name: String = #function) throws -> String {
        let folder = FileManager.default.temporaryDirectory.path + "/acumen-proc-\(getpid())-\(name.filter(\.isLetter))-\(UInt32.random(in: 0...UInt32.max))"
        try WorkspaceStore.create(folder, workspace: DemoGenerator(customers: customers, transactionsPerCustomer: 3, seed: 2).generate()).close()
        return folder
    }

    func bytes(_ path: String) -> [UInt8] { FileManager.default.contents(atPath: path).map { Array($0) } ?? [] }

    @Test func secondProcessIsReadOnlyAndAKilledHolderReleasesTheLock() throws {
        let folder = try workspace()
        let holder = try ChildProcess(acumenBinary(), ["stress-save", folder, "--hold-lock"])
        let locked = try #require(holder.waitFor("locked "))
        let pid = String(locked.dropFirst(7))
        // This process…
        let here = try WorkspaceStore.open(folder)
        #expect(here.isReadOnly)
        #expect(here.readOnlyReason?.contains("another Acumen (pid \(pid)) has this workspace open") == true)
        #expect(throws: WorkspaceError.self) { try here.save() }
        here.close()
        // …and a third process both see the lock.
        let third = try ChildProcess.run(acumenBinary(), ["stress-save", folder, "--edits", "1"])
        #expect(third.status == 2)
        #expect(third.output.contains("readonly another Acumen (pid \(pid))"))
        holder.signal(SIGKILL)
        #expect(holder.wait() == 128 + SIGKILL)
        // The lock file still names the dead holder, but the kernel released the flock.
        #expect(String(decoding: bytes(folder + "/" + WorkspaceFiles.lock), as: UTF8.self).contains(pid))
        let after = try WorkspaceStore.open(folder)
        #expect(!after.isReadOnly)
        after.close()
    }

    @Test func fileSizeLimitGivesAClearErrorAndKeepsEverything() throws {
        let folder = try workspace()
        let customersPath = folder + "/" + WorkspaceFiles.customers
        let before = bytes(customersPath)
        let limit = before.count + 1000
        let run = try ChildProcess.run(acumenBinary(), ["stress-save", folder, "--edits", "1", "--note-bytes", "4000", "--file-size-limit", "\(limit)"])
        #expect(run.status == 3, "\(run.output) \(run.error)")
        #expect(run.output.contains("ack 1"))
        #expect(run.output.contains("save-failed cannot write"))
        #expect(run.output.contains("File too large — the file is larger than allowed"))
        #expect(run.output.contains("unsaved true"))
        #expect(bytes(customersPath) == before)
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: folder)).contains { $0.hasPrefix(AtomicFile.tempPrefix) })
        // The acknowledged edit is in the journal: nothing was lost.
        let store = try WorkspaceStore.open(folder)
        #expect(store.workspace.customers.contains { $0.notes.contains { $0.text.hasPrefix("stress-1x") } })
        try store.save()
        store.close()
        // The same failure, then the limit lifted: the retry saves.
        let limit2 = bytes(customersPath).count + 1000
        let retry = try ChildProcess.run(acumenBinary(), ["stress-save", folder, "--edits", "1", "--note-bytes", "4000", "--file-size-limit", "\(limit2)", "--retry"])
        #expect(retry.status == 0, "\(retry.output) \(retry.error)")
        #expect(retry.output.contains("save-failed") && retry.output.contains("retry-saved 2"))
        #expect(String(decoding: bytes(customersPath), as: UTF8.self).contains("stress-2x"))
    }

    @Test(arguments: [("077", 0o700), ("022", 0o755), ("000", 0o777)])
    func foldersFollowTheUmaskFilesStayOwnerOnly(mask: String, folderMode: Int) throws {
        let folder = FileManager.default.temporaryDirectory.path + "/acumen-umask-\(getpid())-\(mask)-\(UInt32.random(in: 0...UInt32.max))"
        let run = try ChildProcess.run(acumenBinary(), ["stress-save", folder, "--create", "3", "--edits", "2", "--save-every", "100", "--umask", mask])
        #expect(run.status == 0, "\(run.error)")
        let fm = FileManager.default
        #expect((try fm.attributesOfItem(atPath: folder)[.posixPermissions] as? Int) == folderMode)
        for file in [WorkspaceFiles.settings, WorkspaceFiles.customers, WorkspaceFiles.transactions, WorkspaceFiles.journal, WorkspaceFiles.lock] {
            #expect((try fm.attributesOfItem(atPath: folder + "/" + file)[.posixPermissions] as? Int) == 0o600, "\(file) with umask \(mask)")
        }
    }

    @Test func checkReportsFileAndLineAndExitsOne() throws {
        let folder = try workspace(customers: 3)
        let path = folder + "/" + WorkspaceFiles.customers
        var lines = String(decoding: bytes(path), as: UTF8.self).split(separator: "\n").map(String.init)
        lines[2] = String(lines[2].prefix(30))  // truncate the second customer
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let before = bytes(path)
        let run = try ChildProcess.run(acumenBinary(), ["check", folder])
        #expect(run.status == 1)
        #expect(run.error.contains("customers.jsonl:3:"), "\(run.error)")
        #expect(run.error.contains("1 problem found"))
        #expect(bytes(path) == before)
        let ok = try ChildProcess.run(acumenBinary(), ["check", try workspace(customers: 2)])
        #expect(ok.status == 0)
    }

    /// `acumen check` on cases of the broken-workspace corpus (Tests/AcumenModelTests/Fixtures/broken).
    @Test(arguments: ["customers-duplicate-id", "customers-invalid-utf8", "settings-wrong-type", "transactions-unknown-customer", "journal-damaged-middle"])
    func checkOnTheBrokenCorpus(name: String) throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AcumenModelTests/Fixtures/broken/" + name).path
        let expected = try String(contentsOfFile: source + "/expected.txt", encoding: .utf8).split(separator: "\n").map(String.init)
        let folder = FileManager.default.temporaryDirectory.path + "/acumen-check-\(getpid())-\(name)-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.copyItem(atPath: source, toPath: folder)
        let before = bytes(folder + "/" + WorkspaceFiles.customers)
        let run = try ChildProcess.run(acumenBinary(), ["check", folder])
        #expect(run.status == 1)
        let line = run.error.split(separator: "\n").first { l in expected.allSatisfy { l.contains($0) } }
        #expect(line != nil, "\(name): \(run.error)")
        #expect(bytes(folder + "/" + WorkspaceFiles.customers) == before)
    }

    @Test func stressCommandIsHiddenFromHelp() throws {
        let help = try ChildProcess.run(acumenBinary(), ["--help"])
        #expect(!help.output.contains("stress-save"))
    }
}
