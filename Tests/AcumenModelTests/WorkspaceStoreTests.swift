import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// A fresh temporary folder for one test.
func temporaryFolder(_ name: String = #function) -> String {
    let base = FileManager.default.temporaryDirectory.path + "/acumen-tests-\(getpid())"
    let folder = base + "/" + name.filter { $0.isLetter || $0.isNumber } + "-\(UInt32.random(in: 0...UInt32.max))"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
}

func readText(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

@Suite struct WorkspaceStoreTests {
    let t0 = Timestamp(seconds: 1_764_234_650)

    @Test func loadSaveLoadIsIdenticalAndKeepsUnknownFields() throws {
        let folder = temporaryFolder()
        var w = DemoGenerator(customers: 40, seed: 3).generate()
        w.customers[0].extra["futureField"] = .object(["x": .int(1)])
        w.settings.extra["futureSetting"] = .string("keep me")
        let store = try WorkspaceStore.create(folder, workspace: w)
        store.close()
        func files() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != ".acumen-cache" }.sorted().map { readText(folder + "/" + $0) }
        }
        let before = try files()
        let reopened = try WorkspaceStore.open(folder)
        #expect(reopened.workspace == w)
        reopened.transactionsDirty = true
        try reopened.save()
        reopened.close()
        let after = try files()
        #expect(before == after)
        #expect(readText(folder + "/customers.jsonl").contains(#""futureField":{"x":1}"#))
    }

    @Test func filesAreCreatedOwnerOnly() throws {
        let folder = temporaryFolder()
        let store = try WorkspaceStore.create(folder, workspace: DemoGenerator(customers: 3, seed: 1).generate())
        store.close()
        for file in [WorkspaceFiles.settings, WorkspaceFiles.customers, WorkspaceFiles.transactions, WorkspaceFiles.journal] {
            let attrs = try FileManager.default.attributesOfItem(atPath: folder + "/" + file)
            #expect((attrs[.posixPermissions] as? Int) == 0o600, "\(file)")
        }
    }

    @Test func journalReplayRestoresAcknowledgedEditsAfterACrash() throws {
        let folder = temporaryFolder()
        let store = try WorkspaceStore.create(folder, workspace: DemoGenerator(customers: 10, seed: 2).generate())
        let id = store.workspace.customers[3].id
        try store.record(.setOwner(customer: id, owner: "Zoë"), author: "ann", at: t0)
        try store.record(.setRating(customer: id, criterion: .risk, value: nil), author: "ann", at: t0)
        try store.record(.addNote(customer: id, note: Note(text: "call back", author: "ann", at: t0)), author: "ann", at: t0)
        // Simulate a crash: no save, lock dropped as the kernel would; then a torn half record.
        store.close()
        let journal = folder + "/" + WorkspaceFiles.journal
        let handle = try #require(FileHandle(forWritingAtPath: journal))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"at":"2025-11-27T09:10:50Z","author":"ann","crc":"0000"#.utf8))
        handle.closeFile()
        let reopened = try WorkspaceStore.open(folder)
        let c = try #require(reopened.workspace.customer(id: id))
        #expect(c.owner == "Zoë")
        #expect(c.ratings[.risk] == nil)
        #expect(c.notes.map(\.text) == ["call back"])
        #expect(c.history.count == 3)
        #expect(reopened.warnings.count == 1)
        #expect(reopened.warnings.first?.severity == .warning)
        try reopened.save()
        #expect(readText(journal) == Journal.header)
        reopened.close()
        let third = try WorkspaceStore.open(folder)
        #expect(third.workspace.customer(id: id)?.owner == "Zoë")
    }

    @Test func damagedRecordInTheMiddleIsAnError() {
        var text = Journal.header
        let r1 = Journal.Record(seq: 1, at: t0, author: "a", edit: .setOwner(customer: "C1", owner: "x"))
        let r2 = Journal.Record(seq: 2, at: t0, author: "a", edit: .setOwner(customer: "C1", owner: "y"))
        var line1 = String(decoding: Journal.line(r1), as: UTF8.self)
        line1 = line1.replacingOccurrences(of: "\"x\"", with: "\"z\"")
        text += line1 + String(decoding: Journal.line(r2), as: UTF8.self)
        let (records, problems) = Journal.parse(Array(text.utf8))
        #expect(records.map(\.seq) == [2])
        #expect(problems.count == 1)
        #expect(problems.first?.severity == .error)
        #expect(problems.first?.line == 2)
        #expect(problems.first?.message.contains("checksum") == true)
    }

    @Test func undoEditRestoresTheCustomer() throws {
        var w = DemoGenerator(customers: 5, seed: 9).generate()
        let original = w.customers[1]
        let inverse = try w.apply(.setTags(customer: original.id, tags: ["vip"]), author: "a", at: t0)
        #expect(w.customers[1].tags == ["vip"])
        try w.apply(inverse, author: "a", at: t0)
        #expect(w.customers[1].tags == original.tags)
        #expect(w.customers[1].history.count == original.history.count + 2)
    }

    @Test func saveRefusesToOverwriteAFileChangedOnDisk() throws {
        let folder = temporaryFolder()
        let store = try WorkspaceStore.create(folder, workspace: DemoGenerator(customers: 5, seed: 4).generate())
        let settingsPath = folder + "/" + WorkspaceFiles.settings
        let theirs = readText(settingsPath).replacingOccurrences(of: "\"EUR\"", with: "\"USD\"")
        try theirs.write(toFile: settingsPath, atomically: false, encoding: .utf8)
        try store.record(.setWeights([.monetary: 1]), author: "a", at: t0)
        #expect(throws: WorkspaceError.self) { try store.save() }
        #expect(readText(settingsPath) == theirs)
        try store.save(overwriting: [WorkspaceFiles.settings])
        #expect(readText(settingsPath).contains("\"EUR\""))
        store.close()
    }

    @Test func secondOpenIsReadOnly() throws {
        let folder = temporaryFolder()
        let first = try WorkspaceStore.create(folder, workspace: DemoGenerator(customers: 2, seed: 1).generate())
        let second = try WorkspaceStore.open(folder)
        #expect(second.isReadOnly)
        #expect(throws: WorkspaceError.self) { try second.record(.setOwner(customer: "C0001", owner: "x"), author: "a", at: t0) }
        first.close()
        let third = try WorkspaceStore.open(folder)
        #expect(!third.isReadOnly)
        third.close()
    }
}

@Suite struct DemoDeterminismTests {
    /// `acumen demo a --seed 7` and `acumen demo b --seed 7` must give identical folders.
    @Test func sameSeedGivesIdenticalFolders() throws {
        var listings: [[String: Data]] = []
        for _ in 0..<2 {
            let folder = temporaryFolder()
            try WorkspaceStore.create(folder, workspace: DemoGenerator(customers: 60, seed: 7).generate()).close()
            var files: [String: Data] = [:]
            let walker = FileManager.default.enumerator(atPath: folder)
            while let name = walker?.nextObject() as? String {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDir), !isDir.boolValue {
                    files[name] = FileManager.default.contents(atPath: folder + "/" + name)
                }
            }
            listings.append(files)
        }
        #expect(listings[0] == listings[1])
        #expect(Set(listings[0].keys) == [".acumen.lock", "customers.jsonl", "journal.jsonl", "settings.json", "transactions.jsonl"])
    }
}
