import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The background save under faults: while ``SavePlan/write()`` runs from its snapshot, an edit
/// is journaled; every fallible call of the write and of ``WorkspaceStore/finishSave(_:)`` is
/// failed once with each realistic fault. Whatever fails, no edit is lost or applied twice —
/// neither in memory, nor on a reopen right after the failure (a crash), nor after a retry.
@Suite struct ReliabilityBackgroundSaveTests {
    typealias Setup = ReliabilityFaultTests.Setup
    static let t0 = ReliabilityFaultTests.t0

    /// The edit recorded while the files are written.
    static func during(_ store: WorkspaceStore) -> Edit {
        .batch([.addNote(customer: store.workspace.customers[5].id, note: Note(text: "during", author: "bo", at: t0)),
                .setWeights([.monetary: 9])])
    }

    /// Checks a workspace holds the three edits of ``Setup`` and the one made during the save, once each.
    static func expectEveryEditOnce(_ w: Workspace, _ label: String) {
        let notes = w.customers.flatMap(\.notes).map(\.text)
        #expect(notes.filter { $0 == "keep me" }.count == 1 && notes.filter { $0 == "during" }.count == 1, "\(label): \(notes)")
        #expect(w.settings.weights[.monetary] == 9 && w.customers[2].tags == ["vip"], "\(label)")
        #expect(w.settings.scenarios.map(\.name) == ["growth"], "\(label)")
    }

    @Test func everyStepOfABackgroundSaveWithAnEditMeanwhileFailsSafely() throws {
        let probe = try Setup()
        let probePlan = try probe.store.prepareSave()
        try probe.store.record(Self.during(probe.store), author: "bo", at: Self.t0)
        probe.fs.inject([:])
        try probe.store.finishSave(probePlan.write())
        let calls = probe.fs.log
        #expect(calls.count > 10 && probe.store.hasUnsavedEdits)
        var faults = 0
        for (n, call) in calls.enumerated() {
            for fault in FaultyFileSystem.faults(for: call.op) {
                let s = try Setup()
                let label = "background save call \(n) (\(call.op) \(call.path.split(separator: "/").last ?? "")) with \(fault)"
                let plan = try s.store.prepareSave()
                try s.store.record(Self.during(s.store), author: "bo", at: Self.t0)
                let expected = s.store.workspace
                s.fs.inject([n: fault])
                do {
                    try s.store.finishSave(plan.write())
                    // Only a status probe or the customers' cache (an accelerator, written best
                    // effort after the file) may fail without failing the save.
                    #expect(call.op == .status || call.path.contains(TransactionCache.folderName), "\(label): the save ignored the fault")
                } catch {
                    ReliabilityFaultTests.expectClearMessage(error, fault: fault, call: label)
                }
                #expect(s.store.workspace == expected && s.store.hasUnsavedEdits, "\(label): edits lost from memory")
                // A crash now: the files and the journal on disk hold every edit once.
                let crashed = try WorkspaceStore.open(s.folder, options: .init(readOnly: true))
                Self.expectEveryEditOnce(crashed.workspace, label + " (reopened after the failure)")
                crashed.close()
                s.fs.inject([:])
                try s.store.save()
                #expect(!s.store.hasUnsavedEdits, "\(label)")
                s.store.close()
                let reopened = try WorkspaceStore.open(s.folder)
                Self.expectEveryEditOnce(reopened.workspace, label + " (after the retry)")
                #expect(reopened.workspace == expected, "\(label): reopened workspace differs")
                #expect(readText(s.folder + "/" + WorkspaceFiles.journal) == Journal.header, "\(label)")
                reopened.close()
                faults += 1
            }
        }
        print("fault-injection (background save, an edit meanwhile): \(calls.count) calls, \(faults) faults, 0 edits lost or doubled")
    }

    @Test func editsMadeDuringASaveStayInTheJournalUntilTheNextSave() throws {
        let s = try Setup()
        defer { s.store.close() }
        let plan = try s.store.prepareSave()
        try s.store.record(Self.during(s.store), author: "bo", at: Self.t0)
        try s.store.finishSave(plan.write())
        // The files include the journal up to the snapshot; the journal keeps the later record.
        #expect(s.store.unsavedEdits.count == 1 && s.store.pendingEdits.keys.sorted() == [WorkspaceFiles.customers, WorkspaceFiles.settings])
        let reopened = try WorkspaceStore.open(s.folder, options: .init(readOnly: true))
        Self.expectEveryEditOnce(reopened.workspace, "reopened between the saves")
        #expect(reopened.unsavedEdits.count == 1)
        reopened.close()
        // A plan is written once: a second write finds its snapshot gone and writes nothing.
        #expect(plan.write().failure?.code == EALREADY)
        try s.store.save()
        #expect(readText(s.folder + "/" + WorkspaceFiles.journal) == Journal.header && s.store.unsavedEdits.isEmpty)
    }
}
