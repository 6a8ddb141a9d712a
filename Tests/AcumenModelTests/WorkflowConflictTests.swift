import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

@Suite struct WorkflowConflictTests {
    let t0 = WorkflowFixture.t0

    /// Another program edits settings.json behind Acumen's back.
    func editSettingsOnDisk(_ store: WorkspaceStore) throws -> String {
        let path = store.folder + "/" + WorkspaceFiles.settings
        let theirs = readText(path).replacingOccurrences(of: "\"EUR\"", with: "\"USD\"")
        try theirs.write(toFile: path, atomically: false, encoding: .utf8)
        return theirs
    }

    @Test func pendingChangesSummarisePerFile() throws {
        let store = try WorkflowFixture.store()
        defer { store.close() }
        let session = EditSession(store: store, author: "ann")
        #expect(try PendingChanges(store).isEmpty)
        let ids = store.workspace.customers.prefix(2).map(\.id)
        try session.perform(.setOwner(customer: ids[0], owner: "Zoë"), at: t0)
        try session.perform(.setTags(customer: ids[1], tags: ["vip"]), at: t0)
        try session.perform(.saveScenario(Scenario(name: "Value", weights: [.monetary: 1])), at: t0)
        let p = try PendingChanges(store)
        #expect(p.files.map(\.name) == [WorkspaceFiles.settings, WorkspaceFiles.customers])
        #expect(p.files[1].edits == 2 && p.files[1].removedLines == 3 && p.files[1].addedLines == 3)
        #expect(p.files[1].labels == ["\(ids[0]) owner → Zoë", "\(ids[1]) tags → vip"])
        #expect(p.summaryLines[1] == "customers.jsonl  2 edits  2 records  −3 +3 lines")
        #expect(!p.files[0].changedOnDisk)
        #expect(try session.save() == .saved)
        #expect(try PendingChanges(store).isEmpty)
    }

    @Test func keepMineOverwritesAfterAConflict() throws {
        let store = try WorkflowFixture.store()
        defer { store.close() }
        let session = EditSession(store: store, author: "ann")
        _ = try editSettingsOnDisk(store)
        try session.perform(.setWeights([.monetary: 1]), at: t0)
        guard case .conflict(let c) = try session.save() else { Issue.record("expected a conflict"); return }
        #expect(c.files == [WorkspaceFiles.settings])
        #expect(try PendingChanges(store).files.first?.changedOnDisk == true)
        let diff = try #require(try c.diffs(store).first?.diff)
        #expect(diff.unified().contains("-  \"currency\" : \"USD\",") || diff.unified().contains { $0.hasPrefix("-") && $0.contains("USD") })
        #expect(diff.unified().contains { $0.hasPrefix("+") && $0.contains("EUR") })
        #expect(try c.keepMine(session) == .saved)
        #expect(readText(store.folder + "/" + WorkspaceFiles.settings).contains("\"EUR\""))
    }

    @Test func takeTheirsReloadsConflictingFilesAndKeepsOtherEdits() throws {
        let store = try WorkflowFixture.store()
        let session = EditSession(store: store, author: "ann")
        let id = store.workspace.customers[0].id
        try session.perform(.setWeights([.monetary: 1]), at: t0)
        try session.perform(.setOwner(customer: id, owner: "Zoë"), at: t0)
        _ = try editSettingsOnDisk(store)
        guard case .conflict(let c) = try session.save() else { Issue.record("expected a conflict"); return }
        let dropped = try c.takeTheirs(session)
        #expect(dropped.map(\.edit) == [.setWeights([.monetary: 1])])
        #expect(session.workspace.settings.currency == "USD")
        #expect(session.workspace.settings.weights[.monetary] == 15)
        #expect(session.workspace.customer(id: id)?.owner == "Zoë")
        #expect(!session.canUndo)
        #expect(store.pendingEdits == [WorkspaceFiles.customers: 1])
        #expect(try session.save() == .saved)
        store.close()
        let reopened = try WorkspaceStore.open(store.folder)
        defer { reopened.close() }
        #expect(reopened.workspace.settings.currency == "USD")
        #expect(reopened.workspace.customer(id: id)?.owner == "Zoë")
    }

    @Test func reloadDropsUnsavedEditsAndTheJournal() throws {
        let store = try WorkflowFixture.store()
        let id = store.workspace.customers[0].id
        let owner = store.workspace.customers[0].owner
        try store.record(.setOwner(customer: id, owner: "Zoë"), author: "a", at: t0)
        try store.reload()
        #expect(store.workspace.customer(id: id)?.owner == owner)
        #expect(!store.hasUnsavedEdits)
        #expect(WorkflowFixture.journal(store) == Journal.header)
        store.close()
        let reopened = try WorkspaceStore.open(store.folder)
        defer { reopened.close() }
        #expect(reopened.workspace.customer(id: id)?.owner == owner)
    }
}
