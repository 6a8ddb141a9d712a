import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The save review's counts against `diff` of the files before and after the save.
@Suite struct WorkflowSaveReviewTests {
    let t0 = WorkflowFixture.t0

    /// Lines `diff old new` reports removed (`<`) and added (`>`).
    func diffCounts(_ old: [UInt8], _ new: [UInt8]) throws -> (removed: Int, added: Int) {
        let folder = temporaryFolder()
        let a = folder + "/old", b = folder + "/new"
        _ = FileManager.default.createFile(atPath: a, contents: Data(old))
        _ = FileManager.default.createFile(atPath: b, contents: Data(new))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        p.arguments = [a, b]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let lines = String(decoding: out, as: UTF8.self).split(separator: "\n")
        return (lines.filter { $0.hasPrefix("< ") || $0 == "<" }.count, lines.filter { $0.hasPrefix("> ") || $0 == ">" }.count)
    }

    /// Asserts the review of `store` equals `diff` of each file across a save, then saves.
    func expectReviewMatchesDiff(_ store: WorkspaceStore, _ session: EditSession) throws {
        let review = try PendingChanges(store)
        let names = [WorkspaceFiles.settings, WorkspaceFiles.customers, WorkspaceFiles.transactions]
        let before = try names.map { try store.bytesOnDisk($0) ?? [] }
        #expect(try session.save() == .saved)
        for (k, name) in names.enumerated() {
            let d = try diffCounts(before[k], try store.bytesOnDisk(name) ?? [])
            let f = review.files.first { $0.name == name }
            #expect((f?.removedLines ?? 0) == d.removed, "\(name) removed")
            #expect((f?.addedLines ?? 0) == d.added, "\(name) added")
        }
    }

    @Test func countsEqualDiffForCustomerSettingsBulkAndUndoneEdits() throws {
        let store = try WorkflowFixture.store(3000)
        defer { store.close() }
        let session = EditSession(store: store, author: "ann")
        let ids = store.workspace.customers.map(\.id)
        try session.perform(.setOwner(customer: ids[0], owner: "Zoë"), at: t0)
        try session.perform(.addNote(customer: ids[1], note: Note(text: "call back", author: "ann", at: t0)), at: t0)
        // A bulk edit beyond the line diff's distance cap.
        try session.perform(.batch(ids[100..<1600].map { .setTags(customer: $0, tags: ["bulk"]) }), at: t0)
        // Edited, then undone: the owner is back, but the line changes (its edit history grows).
        try session.perform(.setOwner(customer: ids[2], owner: "Temp"), at: t0)
        _ = try session.undo(at: t0)
        try session.perform(.setWeights([.monetary: 30, .frequency: 10]), at: t0)
        try session.perform(.saveScenario(Scenario(name: "Value", weights: [.monetary: 1])), at: t0)
        let review = try PendingChanges(store)
        let customers = try #require(review.files.first { $0.name == WorkspaceFiles.customers })
        #expect(customers.changedRecords == 1503)
        #expect(customers.removedLines == 1504 && customers.addedLines == 1504)
        #expect(review.files.first { $0.name == WorkspaceFiles.settings }?.changedRecords == 1)
        try expectReviewMatchesDiff(store, session)
        #expect(try PendingChanges(store).isEmpty)
    }

    @Test func countsEqualDiffAfterASecondRoundOfEdits() throws {
        let store = try WorkflowFixture.store(200)
        defer { store.close() }
        let session = EditSession(store: store, author: "ann")
        let ids = store.workspace.customers.map(\.id)
        try session.perform(.setRating(customer: ids[5], criterion: Criterion.rated[0], value: 7), at: t0)
        try expectReviewMatchesDiff(store, session)
        try session.perform(.setRating(customer: ids[5], criterion: Criterion.rated[0], value: nil), at: t0)
        try session.perform(.setCostToServe(customer: ids[199], amount: Money(minor: 12_345)), at: t0)
        try session.perform(.setWeights([.monetary: 5]), at: t0)
        try expectReviewMatchesDiff(store, session)
    }

    @Test func aHandWrittenFileFallsBackToTheWholeFileCount() throws {
        let store = try WorkflowFixture.store(50)
        let folder = store.folder
        store.close()
        // A blank line after the header: the fast path's one-line-per-customer premise fails.
        let path = folder + "/" + WorkspaceFiles.customers
        var text = readText(path)
        if let end = text.firstIndex(of: "\n") { text.insert("\n", at: text.index(after: end)) }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let reopened = try WorkspaceStore.open(folder)
        defer { reopened.close() }
        let session = EditSession(store: reopened, author: "ann")
        try session.perform(.setOwner(customer: reopened.workspace.customers[3].id, owner: "Zoë"), at: t0)
        let customers = try #require(try PendingChanges(reopened).files.first { $0.name == WorkspaceFiles.customers })
        #expect(customers.changedRecords == 1 && customers.removedLines == 3 && customers.addedLines == 2)
        try expectReviewMatchesDiff(reopened, session)
    }

    @Test func aLineNotInCanonicalFormCountsAsChangedThoughNoEditTouchedIt() throws {
        let store = try WorkflowFixture.store(40)
        let folder = store.folder
        store.close()
        // Customer 7's line rewritten by hand with a space after each comma: same data, other bytes.
        let path = folder + "/" + WorkspaceFiles.customers
        var lines = readText(path).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[8] = lines[8].replacingOccurrences(of: ",\"", with: ", \"")
        try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let reopened = try WorkspaceStore.open(folder)
        defer { reopened.close() }
        let session = EditSession(store: reopened, author: "ann")
        try session.perform(.setOwner(customer: reopened.workspace.customers[3].id, owner: "Zoë"), at: t0)
        let customers = try #require(try PendingChanges(reopened).files.first { $0.name == WorkspaceFiles.customers })
        #expect(customers.changedRecords == 2 && customers.removedLines == 3 && customers.addedLines == 3)
        try expectReviewMatchesDiff(reopened, session)
        // After its own save the file is canonical: the next review reads nothing from disk.
        try session.perform(.setOwner(customer: reopened.workspace.customers[5].id, owner: "Bo"), at: t0)
        #expect(reopened.validCustomerLines != nil)
        try expectReviewMatchesDiff(reopened, session)
    }

    @Test func countsEqualDiffForEditsMadeWhileASaveWasWriting() throws {
        let store = try WorkflowFixture.store(300)
        defer { store.close() }
        let session = EditSession(store: store, author: "ann")
        let ids = store.workspace.customers.map(\.id)
        try session.perform(.setOwner(customer: ids[1], owner: "Zoë"), at: t0)
        let plan = try store.prepareSave()
        // Recorded after the snapshot: not in the files this save writes.
        try session.perform(.batch(ids[10..<60].map { .setTags(customer: $0, tags: ["later"]) }), at: t0)
        try session.perform(.setWeights([.monetary: 3]), at: t0)
        try store.finishSave(plan.write())
        #expect(store.hasUnsavedEdits && store.unsavedEdits.count == 2)
        let review = try PendingChanges(store)
        #expect(review.files.first { $0.name == WorkspaceFiles.customers }?.changedRecords == 50)
        try expectReviewMatchesDiff(store, session)
        #expect(!store.hasUnsavedEdits && store.unsavedEdits.isEmpty)
    }

    @Test func takeTheirsListsTheEditsItWouldDropBeforeDroppingThem() throws {
        let store = try WorkflowFixture.store()
        defer { store.close() }
        let session = EditSession(store: store, author: "ann")
        let id = store.workspace.customers[0].id
        try session.perform(.setWeights([.monetary: 1]), at: t0)
        try session.perform(.setOwner(customer: id, owner: "Zoë"), at: t0)
        try session.perform(.batch([.setWeights([.monetary: 2]), .setOwner(customer: id, owner: "Ann")]), at: t0)
        let path = store.folder + "/" + WorkspaceFiles.settings
        try readText(path).replacingOccurrences(of: "\"EUR\"", with: "\"USD\"").write(toFile: path, atomically: false, encoding: .utf8)
        guard case .conflict(let c) = try session.save() else { Issue.record("expected a conflict"); return }
        let listed = c.editsTakingTheirsDrops(store)
        #expect(listed.map(\.edit.label) == ["default weights (1 criterion weighted)", "2 edits on 1 customer"])
        #expect(session.workspace.customer(id: id)?.owner == "Ann")
        #expect(try c.takeTheirs(session) == listed)
    }
}
