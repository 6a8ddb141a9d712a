import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Files changed by another program are detected before any write (each signal on its own);
/// symlinks are written through only when allowed; temporary files are created exclusively,
/// owner-only, in the target's folder; oversized and special files are refused.
@Suite struct ReliabilityFileTests {
    let t0 = Timestamp(seconds: 1_764_234_650)

    func makeStore(_ name: String = #function, options: WorkspaceStore.Options = .init()) throws -> (String, WorkspaceStore) {
        let folder = temporaryFolder(name)
        try WorkspaceStore.create(folder, workspace: DemoGenerator(customers: 6, transactionsPerCustomer: 2, seed: 4).generate()).close()
        let store = try WorkspaceStore.open(folder, options: options)
        try store.record(.setOwner(customer: store.workspace.customers[0].id, owner: "mine"), author: "a", at: t0)
        return (folder, store)
    }

    func contents(_ folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for n in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] { out[n] = FileManager.default.contents(atPath: folder + "/" + n) }
        return out
    }

    func info(_ path: String) -> Glibc.stat {
        var st = Glibc.stat()
        _ = stat(path, &st)
        return st
    }

    func setMtime(_ path: String, _ ts: timespec) {
        var times = [ts, ts]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }

    /// Overwrites bytes in place at an offset (same inode, same size).
    func patchInPlace(_ path: String, at offset: UInt64, with text: String) throws {
        let h = try #require(FileHandle(forWritingAtPath: path))
        h.seek(toFileOffset: offset)
        h.write(Data(text.utf8))
        h.closeFile()
    }

    /// Saving must throw `changedOnDisk([file])` and write nothing.
    func expectConflict(_ folder: String, _ store: WorkspaceStore, _ file: String) {
        let before = contents(folder)
        #expect(throws: WorkspaceError.self) { try store.save() }
        #expect((try? store.filesChangedOnDisk()) == [file])
        #expect(contents(folder) == before, "a file was written despite the conflict")
        #expect(store.hasUnsavedEdits)
    }

    @Test func sizeChangeIsAConflict() throws {
        let (folder, store) = try makeStore()
        let path = folder + "/" + WorkspaceFiles.settings
        try patchInPlace(path, at: UInt64(info(path).st_size), with: "\n")
        expectConflict(folder, store, WorkspaceFiles.settings)
    }

    @Test func sameSizeSameMtimeContentChangeIsAConflict() throws {
        let (folder, store) = try makeStore()
        let path = folder + "/" + WorkspaceFiles.customers
        let st0 = info(path)
        let text = readText(path)
        let k = try #require(text.range(of: "\"name\":\"")).upperBound
        let offset = UInt64(text.utf8.distance(from: text.startIndex, to: k))
        try patchInPlace(path, at: offset, with: "Q")
        setMtime(path, st0.st_mtim)
        let st1 = info(path)
        #expect(st1.st_size == st0.st_size && st1.st_ino == st0.st_ino)
        #expect(st1.st_mtim.tv_sec == st0.st_mtim.tv_sec && st1.st_mtim.tv_nsec == st0.st_mtim.tv_nsec)
        expectConflict(folder, store, WorkspaceFiles.customers)
    }

    @Test func replacedFileWithOtherContentIsAConflict() throws {
        let (folder, store) = try makeStore()
        let path = folder + "/" + WorkspaceFiles.settings
        let ino = info(path).st_ino
        try readText(path).replacingOccurrences(of: "\"EUR\"", with: "\"USD\"").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(info(path).st_ino != ino)
        expectConflict(folder, store, WorkspaceFiles.settings)
    }

    @Test func deletedFileIsAConflict() throws {
        let (folder, store) = try makeStore()
        try FileManager.default.removeItem(atPath: folder + "/" + WorkspaceFiles.transactions)
        expectConflict(folder, store, WorkspaceFiles.transactions)
    }

    @Test func touchOrIdenticalRewriteIsNotAConflict() throws {
        let (folder, store) = try makeStore()
        let settings = folder + "/" + WorkspaceFiles.settings
        setMtime(settings, timespec(tv_sec: time(nil) + 3600, tv_nsec: 0))  // touch: new mtime, same bytes
        let customers = folder + "/" + WorkspaceFiles.customers
        try readText(customers).write(toFile: customers, atomically: true, encoding: .utf8)  // new inode, same bytes
        #expect(try store.filesChangedOnDisk().isEmpty)
        try store.save()
        #expect(readText(customers).contains("\"owner\":\"mine\""))
        store.close()
    }

    @Test func symlinkedFileIsRefusedUnlessAllowed() throws {
        let (folder, store) = try makeStore()
        store.close()
        let elsewhere = temporaryFolder("elsewhere")
        let real = elsewhere + "/customers.jsonl"
        let link = folder + "/" + WorkspaceFiles.customers
        try FileManager.default.moveItem(atPath: link, toPath: real)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let original = readText(real)

        let refusing = try WorkspaceStore.open(folder)
        try refusing.record(.setOwner(customer: refusing.workspace.customers[1].id, owner: "via link"), author: "a", at: t0)
        do {
            try refusing.save()
            Issue.record("wrote through a symlink")
        } catch {
            #expect(error.description.contains("symbolic link") && !error.description.contains("--follow-symlinks"), "\(error)")
        }
        #expect(readText(real) == original)
        #expect(refusing.hasUnsavedEdits)
        refusing.close()

        let following = try WorkspaceStore.open(folder, options: .init(followSymlinks: true))
        try following.save()
        following.close()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(readText(real).contains("via link"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere) == ["customers.jsonl"])
    }

    @Test func symlinkedJournalIsNeverWrittenThrough() throws {
        let (folder, store) = try makeStore()
        store.close()
        let target = temporaryFolder("target") + "/victim"
        try "precious\n".write(toFile: target, atomically: false, encoding: .utf8)
        let journal = folder + "/" + WorkspaceFiles.journal
        try FileManager.default.removeItem(atPath: journal)
        try FileManager.default.createSymbolicLink(atPath: journal, withDestinationPath: target)
        // Opening cuts the unreadable tail, or an edit appends: either way through O_NOFOLLOW.
        do {
            let s = try WorkspaceStore.open(folder)
            #expect(throws: WorkspaceError.self) { try s.record(.setOwner(customer: s.workspace.customers[0].id, owner: "x"), author: "a", at: t0) }
            s.close()
        } catch {
            #expect(error.description.contains("symbolic link"), "\(error)")
        }
        #expect(readText(target) == "precious\n")
    }

    @Test func temporaryFilesAreExclusiveOwnerOnlyAndBesideTheTarget() throws {
        let (folder, store) = try makeStore()
        store.close()
        let fs = FaultyFileSystem()
        let s = try WorkspaceStore.open(folder, fs: fs)
        try s.record(.setOwner(customer: s.workspace.customers[0].id, owner: "y"), author: "a", at: t0)
        s.transactionsDirty = true
        fs.inject([:])
        try s.save()
        let creates = fs.opens.filter { $0.flags & O_CREAT != 0 }
        // customers.jsonl (the other files are unchanged), its cache, and the journal reset
        #expect(creates.count == 3)
        let cacheFolder = folder + "/" + TransactionCache.folderName
        for open in creates {
            #expect(open.flags & (O_EXCL | O_NOFOLLOW) == O_EXCL | O_NOFOLLOW, "\(open.path)")
            #expect(open.mode == 0o600)
            #expect(open.path.hasPrefix(folder + "/" + AtomicFile.tempPrefix) || open.path.hasPrefix(cacheFolder + "/" + AtomicFile.tempPrefix), "\(open.path)")
        }
        s.close()
    }

    @Test func oversizedAndSpecialFilesAreRefusedWithAMessage() throws {
        let (folder, store) = try makeStore()
        store.close()
        #expect {
            try WorkspaceStore.open(folder, options: .init(maxFileSize: 1000))
        } throws: { error in
            (error as? WorkspaceError)?.problems.contains { $0.file == WorkspaceFiles.customers && $0.message.contains("over the limit of 1000") } == true
        }
        let tx = folder + "/" + WorkspaceFiles.transactions
        try FileManager.default.removeItem(atPath: tx)
        #expect(mkfifo(tx, 0o600) == 0)
        #expect {
            try WorkspaceStore.open(folder)
        } throws: { error in
            (error as? WorkspaceError)?.problems.contains { $0.file == WorkspaceFiles.transactions && $0.message.contains("not a regular file") } == true
        }
    }

    @Test func millionDeepNestingIsAnErrorWithAPosition() throws {
        let deep = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
        let objects = Array(String(repeating: #"{"a":"#, count: 200_000).utf8)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(objects) }
        var problems: [WorkspaceProblem] = []
        _ = WorkspaceCodec.decodeSettings(deep, problems: &problems)
        #expect(problems.count == 1 && problems[0].line == 1 && problems[0].file == WorkspaceFiles.settings)
        problems = []
        var extra: [String: JSONValue] = [:]
        let line2 = Array(#"{"kind":"acumen.customers","schemaVersion":1}"#.utf8) + [0x0A] + deep + [0x0A]
        _ = WorkspaceCodec.decodeCustomers(line2, headerExtra: &extra, problems: &problems)
        #expect(problems.first?.line == 2)
    }
}
