import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

@Suite struct WorkflowEditSessionTests {
    let t0 = WorkflowFixture.t0

    @Test func editIsJournaledAndFsyncedBeforeTheSessionReportsSuccess() throws {
        let spy = SpyFileSystem()
        let store = try WorkflowFixture.store(fs: spy)
        defer { store.close() }
        let session = EditSession(store: store, author: "ann")
        let id = store.workspace.customers[2].id
        let before = spy.log.count
        let step = try session.perform(.setOwner(customer: id, owner: "Zoë"), at: t0)
        // By the time perform returned, the record was written and fsynced to the journal…
        #expect(Array(spy.log[before...]).prefix(2) == ["write journal.jsonl", "fsync journal.jsonl"])
        #expect(WorkflowFixture.journal(store).contains(#""owner":"Zoë""#))
        // …and only then the workspace and the undo stack say so.
        #expect(session.workspace.customer(id: id)?.owner == "Zoë")
        #expect(step.label == "\(id) owner → Zoë")
        #expect(session.canUndo && !session.canRedo)
        #expect(store.pendingEdits[WorkspaceFiles.customers] == 1)
    }

    @Test func failedJournalFsyncChangesNothing() throws {
        let spy = SpyFileSystem()
        let store = try WorkflowFixture.store(fs: spy)
        defer { store.close() }
        let session = EditSession(store: store, author: "ann")
        let id = store.workspace.customers[0].id
        let owner = store.workspace.customers[0].owner
        spy.failFsyncOf = WorkspaceFiles.journal
        #expect(throws: WorkspaceError.self) { try session.perform(.setOwner(customer: id, owner: "lost"), at: t0) }
        #expect(session.workspace.customer(id: id)?.owner == owner)
        #expect(!session.canUndo)
        #expect(session.revision == 0)
        #expect(store.pendingEdits.isEmpty)
    }

    @Test func undoRedoChainsAreRecordedEditsAndSurviveReopen() throws {
        let store = try WorkflowFixture.store()
        let session = EditSession(store: store, author: "ann")
        let id = store.workspace.customers[1].id
        let original = try #require(store.workspace.customer(id: id))
        try session.perform(.setOwner(customer: id, owner: "A"), at: t0)
        try session.perform(.setRating(customer: id, criterion: .risk, value: nil), at: t0)
        try session.perform(.addNote(customer: id, note: Note(text: "n1", author: "ann", at: t0)), at: t0)
        #expect(try session.undo(at: t0)?.label == "\(id) note: n1")
        #expect(try session.undo(at: t0) != nil)
        #expect(session.workspace.customer(id: id)?.ratings[.risk] == original.ratings[.risk])
        #expect(session.workspace.customer(id: id)?.notes.isEmpty == true)
        #expect(try session.redo(at: t0) != nil)
        #expect(session.workspace.customer(id: id)?.ratings[.risk] == nil)
        #expect(session.undoStack.count == 2 && session.redoStack.count == 1)
        // A new edit empties the redo stack.
        try session.perform(.setTags(customer: id, tags: ["vip"]), at: t0)
        #expect(!session.canRedo)
        #expect(try session.redo(at: t0) == nil)
        // Undo everything: back to the original owner, rating, notes, tags.
        while session.canUndo { try session.undo(at: t0) }
        let back = try #require(session.workspace.customer(id: id))
        #expect(back.owner == original.owner && back.ratings == original.ratings && back.notes == original.notes && back.tags == original.tags)
        // 4 edits + 2 undos + 1 redo + 3 undos, all journaled and in the history.
        #expect(store.pendingEdits[WorkspaceFiles.customers] == 10)
        #expect(back.history.count == original.history.count + 10)
        store.close()
        let reopened = try WorkspaceStore.open(store.folder)
        defer { reopened.close() }
        #expect(reopened.workspace == session.workspace)
    }

    @Test func bulkEditIsOneUndoableBatch() throws {
        let store = try WorkflowFixture.store()
        defer { store.close() }
        let session = EditSession(store: store, author: "ann")
        let ids = store.workspace.customers.prefix(3).map(\.id)
        let before = ids.map { store.workspace.customer(id: $0)?.owner }
        try session.perform(all: ids.map { .setOwner(customer: $0, owner: "Bob") }, label: "owner → Bob on 3", at: t0)
        #expect(ids.allSatisfy { session.workspace.customer(id: $0)?.owner == "Bob" })
        #expect(session.undoStack.count == 1)
        try session.undo(at: t0)
        #expect(ids.map { session.workspace.customer(id: $0)?.owner } == before)
        #expect(try session.perform(all: [], label: "nothing", at: t0) == nil)
    }

    @Test func readOnlyStoreRefusesEditsWithoutChangingTheSession() throws {
        let store = try WorkflowFixture.store()
        defer { store.close() }
        let second = try WorkspaceStore.open(store.folder)
        let session = EditSession(store: second, author: "bob")
        #expect(throws: WorkspaceError.self) { try session.perform(.setOwner(customer: "x", owner: "y"), at: t0) }
        #expect(!session.canUndo)
    }

    @Test func editLabelsDescribeEveryKind() {
        let o = Override(value: "grow", reason: "big deal", author: "a", at: t0)
        #expect(Edit.setRating(customer: "C1", criterion: .risk, value: 4).label == "C1 Risk → 4")
        #expect(Edit.setRating(customer: "C1", criterion: .risk, value: nil).label == "C1 Risk → unknown")
        #expect(Edit.setStrategyOverride(customer: "C1", override: o).label == "C1 strategy override → Grow (big deal)")
        #expect(Edit.saveScenario(Scenario(name: "Q3", weights: [:])).label == "scenario \"Q3\" saved")
        let b = Edit.batch([.setOwner(customer: "C1", owner: "x"), .setOwner(customer: "C2", owner: "x")])
        #expect(b.label == "2 edits on 2 customers")
        #expect(b.customerIDs == ["C1", "C2"])
        #expect(Edit.batch([.setWeights([:]), .setOwner(customer: "C1", owner: "x")]).files == [WorkspaceFiles.settings, WorkspaceFiles.customers])
    }
}
