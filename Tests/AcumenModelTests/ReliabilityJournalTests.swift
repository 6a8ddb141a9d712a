import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Journal recovery beyond the basics in `WorkspaceStoreTests`: a torn tail is cut before the
/// next append (so it never becomes a damaged middle record), failed appends are rolled back,
/// saved edits are never replayed twice, and damage in the middle stops the load.
@Suite struct ReliabilityJournalTests {
    let t0 = Timestamp(seconds: 1_764_234_650)

    func makeStore(_ name: String = #function) throws -> (String, WorkspaceStore) {
        let folder = temporaryFolder(name)
        let store = try WorkspaceStore.create(folder, workspace: DemoGenerator(customers: 6, transactionsPerCustomer: 2, seed: 8).generate())
        return (folder, store)
    }

    func append(_ text: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        handle.closeFile()
    }

    @Test func tornTailIsCutBeforeTheNextEdit() throws {
        let (folder, store) = try makeStore()
        let id = store.workspace.customers[1].id
        try store.record(.setOwner(customer: id, owner: "first"), author: "a", at: t0)
        store.close()
        let journal = folder + "/" + WorkspaceFiles.journal
        try append(#"{"at":"2025-11-27T09:10:50Z","crc":"00"#, to: journal)
        let second = try WorkspaceStore.open(folder)
        #expect(second.warnings.map(\.severity) == [.warning])
        #expect(!readText(journal).contains("crc\":\"00"))  // cut on open
        try second.record(.setOwner(customer: id, owner: "second"), author: "a", at: t0)
        second.close()
        let third = try WorkspaceStore.open(folder)
        #expect(third.warnings.isEmpty)
        #expect(third.workspace.customer(id: id)?.owner == "second")
        #expect(third.lastSeq == 2)
        third.close()
    }

    @Test func completeRecordWithoutLineEndWasNeverAcknowledged() throws {
        let (folder, store) = try makeStore()
        let id = store.workspace.customers[0].id
        store.close()
        let line = Journal.line(Journal.Record(seq: 1, at: t0, author: "a", edit: .setOwner(customer: id, owner: "half")))
        try append(String(decoding: line.dropLast(), as: UTF8.self), to: folder + "/" + WorkspaceFiles.journal)
        let reopened = try WorkspaceStore.open(folder)
        #expect(reopened.workspace.customer(id: id)?.owner != "half")
        #expect(reopened.warnings.first?.message.contains("torn record") == true)
        reopened.close()
    }

    @Test func damagedMiddleRecordStopsTheLoadWithFileAndLine() throws {
        let (folder, store) = try makeStore()
        let id = store.workspace.customers[0].id
        for k in 1...3 { try store.record(.setOwner(customer: id, owner: "o\(k)"), author: "a", at: t0) }
        store.close()
        let path = folder + "/" + WorkspaceFiles.journal
        let damaged = readText(path).replacingOccurrences(of: "\"o2\"", with: "\"oX\"")
        try damaged.write(toFile: path, atomically: false, encoding: .utf8)
        #expect {
            try WorkspaceStore.open(folder)
        } throws: { error in
            let p = (error as? WorkspaceError)?.problems ?? []
            return p.contains { $0.file == WorkspaceFiles.journal && $0.line == 3 && $0.severity == .error && $0.message.contains("checksum") }
        }
        #expect(readText(path) == damaged)  // never "repaired" behind the user's back
    }

    @Test func editsSavedBeforeACrashAreNotReplayedTwice() throws {
        let (folder, store) = try makeStore()
        let id = store.workspace.customers[0].id
        try store.record(.addNote(customer: id, note: Note(text: "n1", author: "a", at: t0)), author: "a", at: t0)
        try store.record(.batch([.addNote(customer: id, note: Note(text: "n2", author: "a", at: t0)), .setWeights([.risk: 2])]), author: "a", at: t0)
        let journal = folder + "/" + WorkspaceFiles.journal
        let unsavedJournal = readText(journal)
        try store.save()
        store.close()
        // A crash after the main files were replaced but before the journal was emptied.
        try unsavedJournal.write(toFile: journal, atomically: false, encoding: .utf8)
        let reopened = try WorkspaceStore.open(folder)
        #expect(reopened.workspace.customer(id: id)?.notes.map(\.text) == ["n1", "n2"])
        #expect(!reopened.hasUnsavedEdits)
        #expect(readText(journal) == Journal.header)  // all records were already saved
        #expect(reopened.lastSeq == 2)
        reopened.close()
    }

    @Test func failedAppendWhoseCleanupAlsoFailedIsCutOnTheNextAppend() throws {
        let (folder, store) = try makeStore()
        store.close()
        let fs = FaultyFileSystem()
        let s = try WorkspaceStore.open(folder, fs: fs)
        let id = s.workspace.customers[0].id
        let edit = Edit.addNote(customer: id, note: Note(text: "once", author: "a", at: t0))
        // status (ownership check), status, open, write (short, then ENOSPC), write, status,
        // truncate (clean-up) fails.
        fs.inject([3: .shortWrite, 6: .error(EIO)])
        #expect(throws: WorkspaceError.self) { try s.record(edit, author: "a", at: t0) }
        #expect(readText(folder + "/" + WorkspaceFiles.journal).count > Journal.header.count)  // half a record left
        fs.inject([:])
        try s.record(edit, author: "a", at: t0)
        s.close()
        let reopened = try WorkspaceStore.open(folder)
        #expect(reopened.warnings.isEmpty)
        #expect(reopened.workspace.customer(id: id)?.notes.filter { $0.text == "once" }.count == 1)
        reopened.close()
    }

    @Test func shortWritesEverywhereStillSaveCorrectly() throws {
        let (folder, store) = try makeStore()
        let expected = store.workspace
        store.close()
        let s = try WorkspaceStore.open(folder, fs: FaultyFileSystem(maxWrite: 7))
        s.transactionsDirty = true
        try s.record(.setOwner(customer: expected.customers[0].id, owner: "slow disk"), author: "a", at: t0)
        try s.save()
        let memory = s.workspace
        s.close()
        #expect(try WorkspaceStore.open(folder).workspace == memory)
    }
}
