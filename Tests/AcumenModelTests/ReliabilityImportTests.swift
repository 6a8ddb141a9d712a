import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Imports commit all files or none (issue 17, item 6; ``WorkspacePublish``): every fallible
/// call of an import into an existing folder and into a new one is failed in turn through the
/// ``FileSystem`` seam; afterwards the workspace, as the next open sees it, is exactly the old
/// one or exactly the new one — never new customers without their transactions.
@Suite struct ReliabilityImportTests {
    /// A workspace folder `ws` (12 customers) and two CSV files adding 5 customers with 2
    /// transactions each.
    struct Setup {
        let base: String
        let template: String
        let old: Counts
        let new: Counts
        /// The workspace the import gives in a new folder.
        let fresh = Counts(customers: 5, transactions: 10)

        init(name: String = #function) throws {
            base = temporaryFolder(name)
            template = base + "/template"
            try WorkspaceStore.create(template, workspace: DemoGenerator(customers: 12, transactionsPerCustomer: 3, seed: 3).generate()).close()
            let w = try WorkspaceStore.open(template, options: .init(readOnly: true)).workspace
            old = Counts(customers: w.customers.count, transactions: w.transactions.count)
            new = Counts(customers: old.customers + 5, transactions: old.transactions + 10)
            var customers = "id,name,region\n", transactions = "customer,date,amount\n"
            for k in 1...5 {
                customers += "N\(k),New \(k),North\n"
                transactions += "N\(k),2025-03-0\(k),1\(k).50\nN\(k),2025-04-0\(k),2\(k).00\n"
            }
            try Data(customers.utf8).write(to: URL(fileURLWithPath: base + "/customers.csv"))
            try Data(transactions.utf8).write(to: URL(fileURLWithPath: base + "/transactions.csv"))
        }

        func batch() throws -> ImportBatch {
            try Importer.read(transactions: base + "/transactions.csv", customers: base + "/customers.csv", options: ImportOptions())
        }

        /// A fresh copy of the template workspace at `path`.
        func copy(to path: String) throws {
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.copyItem(atPath: template, toPath: path)
        }
    }

    /// Customer and transaction counts of a workspace.
    struct Counts: Equatable, CustomStringConvertible {
        var customers: Int, transactions: Int
        var description: String { "\(customers) customers, \(transactions) transactions" }
    }

    /// The workspace as the next opener sees it: read-only first (must honour a committed but
    /// unfinished publish), then writable (finishes it); nil when the folder holds none.
    static func state(_ folder: String) throws -> Counts? {
        func counts(_ readOnly: Bool) throws -> Counts? {
            do {
                let store = try WorkspaceStore.open(folder, options: .init(readOnly: readOnly))
                defer { store.close() }
                return Counts(customers: store.workspace.customers.count, transactions: store.workspace.transactions.count)
            } catch .notAWorkspace { return nil }
        }
        let seen = try counts(true)
        let after = try counts(false)
        #expect(seen == after, "a read-only open saw \(String(describing: seen)), the writable one \(String(describing: after))")
        return after
    }

    /// Leftovers of a publish in a folder: staged files and the commit marker.
    static func leftovers(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            $0.hasPrefix(AtomicFile.tempPrefix) || $0 == WorkspacePublish.markerName
        }
    }

    @Test(arguments: [false, true]) func everyFaultLeavesTheOldOrTheNewWorkspace(newFolder: Bool) throws {
        let s = try Setup()
        defer { try? FileManager.default.removeItem(atPath: s.base) }
        let batch = try s.batch()
        let folder = s.base + "/target"
        let fs = FaultyFileSystem()
        // A clean run counts the calls.
        if !newFolder { try s.copy(to: folder) }
        fs.inject([:])
        _ = try Importer.apply(batch, to: folder, dryRun: false, fs: fs)
        let calls = fs.log
        let new = newFolder ? s.fresh : s.new
        #expect(try Self.state(folder) == new)
        var outcomes: [String: Int] = [:]
        for (index, call) in calls.enumerated() {
            for fault in FaultyFileSystem.faults(for: call.op) {
                try? FileManager.default.removeItem(atPath: folder)
                if !newFolder { try s.copy(to: folder) }
                fs.inject([index: fault])
                let failed: Bool
                do { _ = try Importer.apply(batch, to: folder, dryRun: false, fs: fs); failed = false } catch { failed = true }
                let label = "call \(index) \(call.op) \(call.path.split(separator: "/").last ?? "") \(fault)"
                let state = try Self.state(folder)
                if newFolder {
                    #expect(state == nil || state == new, "\(label): \(String(describing: state))")
                } else {
                    #expect(state == s.old || state == new, "\(label): \(String(describing: state))")
                }
                #expect(Self.leftovers(folder).isEmpty, "\(label): left \(Self.leftovers(folder))")
                if !failed { #expect(state == new, "\(label): the import reported success") }
                outcomes[state == new ? (failed ? "new (finished by the next open)" : "new (succeeded)") : "old", default: 0] += 1
            }
        }
        #expect(outcomes.values.reduce(0, +) > 20)
        print("import faults (\(newFolder ? "new" : "existing") folder): \(calls.count) calls, outcomes \(outcomes.sorted { $0.key < $1.key })")
    }

    /// The issue's case: the disk fills while the second file is written. Nothing changes, the
    /// message names the file, and the retry imports everything.
    @Test func diskFullOnTheSecondFileChangesNothing() throws {
        let s = try Setup()
        defer { try? FileManager.default.removeItem(atPath: s.base) }
        let folder = s.base + "/target"
        try s.copy(to: folder)
        // The data files and the journal (the lock and the transaction cache are not data).
        func dataFiles() throws -> [(String, Data?)] {
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                .filter { $0 != WorkspaceFiles.lock && $0 != TransactionCache.folderName }
                .map { ($0, FileManager.default.contents(atPath: folder + "/" + $0)) }
        }
        let before = try dataFiles()
        let fs = FaultyFileSystem()
        fs.inject([:])
        _ = try Importer.apply(try s.batch(), to: s.base + "/probe", dryRun: false, fs: fs)
        let writes = fs.log.enumerated().filter { $0.element.op == .write }
        let files = Array(Set(writes.map(\.element.path))).sorted { a, b in
            (writes.first { $0.element.path == a }?.offset ?? 0) < (writes.first { $0.element.path == b }?.offset ?? 0)
        }
        try #require(files.count >= 2)
        // Counted on a new folder; into an existing one the same write comes later: find it there.
        fs.inject([:])
        try s.copy(to: s.base + "/probe2")
        _ = try Importer.apply(try s.batch(), to: s.base + "/probe2", dryRun: false, fs: fs)
        let second = try #require(fs.log.firstIndex { $0.op == .write && $0.path.hasSuffix("/" + (files[1].split(separator: "/").last.map(String.init) ?? "")) })
        fs.inject([second: .error(ENOSPC)])
        do {
            _ = try Importer.apply(try s.batch(), to: folder, dryRun: false, fs: fs)
            Issue.record("the import succeeded on a full disk")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("No space left on device"), "\(message)")
            #expect(message.contains(folder + "/"), "\(message)")
            #expect(!message.contains(WorkspacePublish.stagePrefix), "\(message)")
        }
        let after = try dataFiles()
        #expect(after.map(\.0) == before.map(\.0))
        #expect(zip(after, before).allSatisfy { $0.1 == $1.1 }, "a workspace file changed")
        #expect(try Self.state(folder) == s.old)
        _ = try Importer.apply(try s.batch(), to: folder, dryRun: false)
        #expect(try Self.state(folder) == s.new)
    }
}
