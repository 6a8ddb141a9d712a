import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Fault injection through the ``FileSystem`` seam: every fallible call of a save and of an
/// edit is failed once with each realistic fault; the message must be clear, the previous
/// files byte-identical, the edits kept in memory, and a retry must succeed.
@Suite struct ReliabilityFaultTests {
    static let t0 = Timestamp(seconds: 1_764_234_650)

    /// A workspace on disk opened through a faulty file system, with three edits recorded.
    struct Setup {
        let folder: String
        let fs: FaultyFileSystem
        let store: WorkspaceStore

        init(maxWrite: Int = 0, name: String = #function) throws {
            folder = temporaryFolder(name)
            try WorkspaceStore.create(folder, workspace: DemoGenerator(customers: 8, transactionsPerCustomer: 3, seed: 11).generate()).close()
            fs = FaultyFileSystem(maxWrite: maxWrite)
            store = try WorkspaceStore.open(folder, fs: fs)
            let id = store.workspace.customers[2].id
            try store.record(.addNote(customer: id, note: Note(text: "keep me", author: "ann", at: t0)), author: "ann", at: t0)
            try store.record(.setWeights([.monetary: 3]), author: "ann", at: t0)
            try store.record(.batch([.setTags(customer: id, tags: ["vip"]), .saveScenario(Scenario(name: "growth", weights: [.stickiness: 2]))]), author: "ann", at: t0)
        }

        /// Every file in the folder but the lock, with its bytes.
        func snapshot() -> [String: [UInt8]] {
            var out: [String: [UInt8]] = [:]
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name != WorkspaceFiles.lock {
                out[name] = FileManager.default.contents(atPath: folder + "/" + name).map { Array($0) } ?? []
            }
            return out
        }
    }

    /// The message a fault must produce.
    static func expectClearMessage(_ error: WorkspaceError, fault: FaultyFileSystem.Fault, call: String) {
        guard case .io(let failure) = error else { Issue.record("\(call): expected an I/O error, got \(error)"); return }
        let code: Int32 = if case .error(let c) = fault { c } else { ENOSPC }
        #expect(failure.code == code, "\(call)")
        #expect(error.description.hasPrefix("cannot "), "\(call): \(error.description)")
        #expect(error.description.contains(String(cString: strerror(code))), "\(call): \(error.description)")
        #expect(error.description.contains("/"), "\(call): no path in \(error.description)")
        if code == ENOSPC { #expect(error.description.contains("disk is full")) }
    }

    /// Changes one transaction (as an import would), so a save rewrites all three files and the cache.
    static func changeTransactions(_ store: WorkspaceStore) {
        var w = store.workspace
        w.transactions.amount[0] += 100
        store.replaceWorkspace(w)
    }

    @Test func everyStepOfASaveFailsSafely() throws {
        let probe = try Setup()
        Self.changeTransactions(probe.store)
        probe.fs.inject([:])
        try probe.store.save()
        let calls = probe.fs.log
        #expect(calls.count > 15)
        var tally: [String: Int] = [:]
        for (n, call) in calls.enumerated() {
            for fault in FaultyFileSystem.faults(for: call.op) {
                let s = try Setup()
                Self.changeTransactions(s.store)
                let before = s.snapshot()
                let expected = s.store.workspace
                let newBytes = Dictionary(uniqueKeysWithValues: s.store.encodedFiles().map { ($0.file, $0.bytes) })
                let label = "save call \(n) (\(call.op) \(call.path.split(separator: "/").last ?? "")) with \(fault)"
                s.fs.inject([n: fault])
                do {
                    try s.store.save()
                    // Only the status refresh after a write and the best-effort transaction cache
                    // (keyed by size, mtime, inode and hash, so never trusted when stale) may fail
                    // without failing the save.
                    #expect(call.op == .status || call.path.contains(TransactionCache.folderName), "\(label): the save ignored the fault")
                } catch {
                    Self.expectClearMessage(error, fault: fault, call: label)
                    let after = s.snapshot()
                    let renamed = Set(s.fs.completedRenames.map { String($0.split(separator: "/").last ?? "") })
                    for (file, bytes) in before {
                        if renamed.contains(file) {
                            #expect(after[file] == newBytes[file] || file == WorkspaceFiles.journal, "\(label): \(file)")
                        } else {
                            #expect(after[file] == bytes, "\(label): \(file) changed")
                        }
                    }
                    #expect(after.keys.allSatisfy { !$0.hasPrefix(AtomicFile.tempPrefix) }, "\(label): temporary file left")
                    #expect(s.store.hasUnsavedEdits, "\(label)")
                    #expect(s.store.workspace == expected, "\(label): edits lost from memory")
                    s.fs.inject([:])
                    try s.store.save()
                }
                s.store.close()
                let reopened = try WorkspaceStore.open(s.folder)
                #expect(reopened.workspace == expected, "\(label): reopened workspace differs")
                #expect(readText(s.folder + "/" + WorkspaceFiles.journal) == Journal.header)
                reopened.close()
                tally[fault.description, default: 0] += 1
            }
        }
        print("fault-injection (save): \(calls.count) calls, \(tally.values.reduce(0, +)) faults: \(tally.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
    }

    @Test func everyStepOfAnEditFailsSafely() throws {
        let probe = try Setup()
        let id = probe.store.workspace.customers[0].id
        let edit = Edit.addNote(customer: id, note: Note(text: "once", author: "bo", at: Self.t0))
        probe.fs.inject([:])
        try probe.store.record(edit, author: "bo", at: Self.t0)
        let calls = probe.fs.log
        var tally: [String: Int] = [:]
        for (n, call) in calls.enumerated() {
            for fault in FaultyFileSystem.faults(for: call.op) {
                let s = try Setup()
                let before = s.snapshot()
                let memory = s.store.workspace
                let label = "edit call \(n) (\(call.op)) with \(fault)"
                s.fs.inject([n: fault])
                do {
                    try s.store.record(edit, author: "bo", at: Self.t0)
                    Issue.record("\(label): the edit ignored the fault")
                } catch {
                    Self.expectClearMessage(error, fault: fault, call: label)
                }
                #expect(s.snapshot() == before, "\(label): the journal was not restored")
                #expect(s.store.workspace == memory, "\(label): a failed edit changed memory")
                s.fs.inject([:])
                do { try s.store.record(edit, author: "bo", at: Self.t0) } catch {
                    Issue.record("\(label): the retry failed: \(error)")
                }
                s.store.close()
                let reopened = try WorkspaceStore.open(s.folder)
                #expect(reopened.workspace.customer(id: id)?.notes.filter { $0.text == "once" }.count == 1, "\(label)")
                #expect(reopened.warnings.isEmpty, "\(label): \(reopened.warnings)")
                reopened.close()
                tally[fault.description, default: 0] += 1
            }
        }
        print("fault-injection (edit): \(calls.count) calls, \(tally.values.reduce(0, +)) faults: \(tally.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
    }
}
