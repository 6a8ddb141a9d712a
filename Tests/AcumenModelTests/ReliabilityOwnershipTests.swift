import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Issue 17, items 2–4: crafted sequence numbers, a removed lock file, and a complete but
/// damaged last journal record. Each test replays the adversarial review's scenario.
@Suite struct ReliabilityOwnershipTests {
    let t0 = Timestamp(seconds: 1_764_234_650)

    func makeWorkspace(_ name: String = #function) throws -> String {
        let folder = temporaryFolder(name)
        try WorkspaceStore.create(folder, workspace: DemoGenerator(customers: 5, transactionsPerCustomer: 2, seed: 4).generate()).close()
        return folder
    }

    func note(_ store: WorkspaceStore, _ text: String) throws {
        let id = store.workspace.customers[0].id
        try store.record(.addNote(customer: id, note: Note(text: text, author: "a", at: t0)), author: "a", at: t0)
    }

    func notes(_ folder: String) throws -> [String] {
        let s = try WorkspaceStore.open(folder, options: .init(readOnly: true))
        return s.workspace.customers[0].notes.map(\.text)
    }

    func replaceHeader(of folder: String, with header: String) throws {
        let path = folder + "/" + WorkspaceFiles.customers
        var lines = readText(path).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[0] = header
        try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
    }

    // MARK: Item 2: crafted Int64 numbers

    @Test func journalSeqAtInt64MaxInTheCustomersHeaderIsAPositionedError() throws {
        let folder = try makeWorkspace()
        try replaceHeader(of: folder, with: #"{"journalSeq":9223372036854775807,"kind":"acumen.customers","schemaVersion":1}"#)
        for readOnly in [true, false] {
            let error = #expect(throws: WorkspaceError.self) { try WorkspaceStore.open(folder, options: .init(readOnly: readOnly)) }
            let p = try #require(error?.problems.first { $0.field == "journalSeq" })
            #expect(p.file == WorkspaceFiles.customers && p.line == 1 && p.column == 2, "\(p)")
            #expect(p.message.contains("9223372036854775807"))
        }
    }

    @Test func journalRecordWithSeqInt64MaxAndAValidChecksumIsAPositionedError() throws {
        let folder = try makeWorkspace()
        let id = try WorkspaceStore.open(folder, options: .init(readOnly: true)).workspace.customers[0].id
        let edit = JSONWriter.compact(Edit.setOwner(customer: id, owner: "x").json)
        let seq = "9223372036854775807"
        let crc = Checksum.hex(Checksum.crc32(Array((edit + ":" + seq).utf8)))
        let record = #"{"at":"2025-11-27T09:10:50Z","author":"a","crc":"\#(crc)","edit":\#(edit),"seq":\#(seq)}"#
        try (Journal.header + record + "\n").write(toFile: folder + "/" + WorkspaceFiles.journal, atomically: false, encoding: .utf8)
        let error = #expect(throws: WorkspaceError.self) { try WorkspaceStore.open(folder) }
        let p = try #require(error?.problems.first)
        #expect(p.file == WorkspaceFiles.journal && p.line == 2 && p.field == "seq" && p.severity == .error, "\(p)")
    }

    @Test func appendingBeyondTheLargestSequenceNumberIsAClearError() throws {
        let folder = try makeWorkspace()
        try replaceHeader(of: folder, with: #"{"journalSeq":\#(Journal.maxSeq),"kind":"acumen.customers","schemaVersion":1}"#)
        let store = try WorkspaceStore.open(folder)
        #expect(store.lastSeq == Journal.maxSeq)
        let error = #expect(throws: WorkspaceError.self) { try note(store, "one too many") }
        #expect(error?.description.contains("sequence numbers are used up") == true)
        #expect(store.workspace.customers[0].notes.allSatisfy { $0.text != "one too many" })
        store.close()
        #expect(try WorkspaceStore.open(folder).lastSeq == Journal.maxSeq)  // still opens
    }

    // MARK: Item 3: lock ownership

    @Test func removedLockFileMakesTheFirstWriterReadOnlyAndLosesNothing() throws {
        let folder = try makeWorkspace()
        let a = try WorkspaceStore.open(folder)
        try note(a, "A before")
        try FileManager.default.removeItem(atPath: folder + "/" + WorkspaceFiles.lock)
        let b = try WorkspaceStore.open(folder)
        #expect(!b.isReadOnly)  // the lock file is new: B gets it (what the review did)
        try note(b, "B's note")
        let error = #expect(throws: WorkspaceError.self) { try note(a, "A after") }
        #expect(error?.description.contains("read-only") == true)
        #expect(error?.description.contains(WorkspaceFiles.lock) == true)
        #expect(a.isReadOnly)
        #expect(throws: WorkspaceError.self) { try a.save() }
        let journal = readText(folder + "/" + WorkspaceFiles.journal)
        #expect(journal.contains("B's note") && journal.contains("A before") && !journal.contains("A after"))
        #expect(try notes(folder).suffix(2) == ["A before", "B's note"])
        try b.save()
        b.close(); a.close()
        #expect(try notes(folder).suffix(2) == ["A before", "B's note"])
    }

    @Test func aJournalThatGrewBehindOurBackIsNeverCut() throws {
        let folder = try makeWorkspace()
        let a = try WorkspaceStore.open(folder)
        try note(a, "mine")
        let path = folder + "/" + WorkspaceFiles.journal
        let foreign = Journal.line(Journal.Record(seq: 2, at: t0, author: "b", edit: .setOwner(customer: a.workspace.customers[0].id, owner: "B")))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile(); handle.write(Data(foreign)); handle.closeFile()
        let before = readText(path)
        #expect(throws: WorkspaceError.self) { try note(a, "after") }
        #expect(a.isReadOnly)
        #expect(readText(path) == before)  // not a byte cut or added
        a.close()
    }

    @Test func aReplacedLockFileIsNoticedBeforeASave() throws {
        let folder = try makeWorkspace()
        let a = try WorkspaceStore.open(folder)
        try note(a, "kept")
        let lock = folder + "/" + WorkspaceFiles.lock
        try FileManager.default.removeItem(atPath: lock)
        #expect(FileManager.default.createFile(atPath: lock, contents: Data()))
        let error = #expect(throws: WorkspaceError.self) { try a.save() }
        #expect(error?.description.contains("was removed") == true || error?.description.contains("was replaced") == true)
        #expect(readText(folder + "/" + WorkspaceFiles.journal).contains("kept"))  // not reset
        a.close()
    }

    // MARK: Item 4: a complete but damaged last record

    @Test func completeLastRecordWithABadChecksumIsAnErrorNamingItsLine() throws {
        let folder = try makeWorkspace()
        let a = try WorkspaceStore.open(folder)
        try note(a, "first"); try note(a, "second")
        a.close()
        let path = folder + "/" + WorkspaceFiles.journal
        let damaged = readText(path).replacingOccurrences(of: "\"second\"", with: "\"seconD\"")
        try damaged.write(toFile: path, atomically: false, encoding: .utf8)
        for readOnly in [true, false] {
            let error = #expect(throws: WorkspaceError.self) { try WorkspaceStore.open(folder, options: .init(readOnly: readOnly)) }
            let p = try #require(error?.problems.first)
            #expect(p.line == 3 && p.severity == .error && p.message.contains("checksum"), "\(p)")
            #expect(readText(path) == damaged)  // kept as it is
        }
    }

    @Test func onlyATornLastRecordWithoutItsLineEndIsDroppedAndReported() throws {
        let folder = try makeWorkspace()
        let a = try WorkspaceStore.open(folder)
        try note(a, "first")
        a.close()
        let path = folder + "/" + WorkspaceFiles.journal
        let torn = String(decoding: Journal.line(Journal.Record(seq: 2, at: t0, author: "a", edit: .setOwner(customer: "C0001", owner: "t"))).dropLast(9), as: UTF8.self)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile(); handle.write(Data(torn.utf8)); handle.closeFile()
        let b = try WorkspaceStore.open(folder)
        let dropped = try #require(b.droppedTornRecord)
        #expect(dropped.line == 3 && dropped.severity == .warning)
        #expect(!readText(path).contains(torn))
        b.close()
    }
}
