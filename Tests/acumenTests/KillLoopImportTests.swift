import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore

/// Imports are all or nothing under SIGKILL (issue 17, item 6): `acumen import` of a customers
/// and a transactions file is killed at random moments, alternately into an existing workspace
/// and into a new folder. After every kill the workspace — read-only (which must honour a
/// committed but unfinished publish) and then writable (which finishes it) — holds the old
/// customers and transactions or the new ones, never new customers without their transactions;
/// a new folder holds no workspace or the whole new one.
@Suite struct KillLoopImportTests {
    /// Kills per run: 200 by default (half per kind of folder), `ACUMEN_IMPORT_KILLS` for more.
    static let kills = Int(ProcessInfo.processInfo.environment["ACUMEN_IMPORT_KILLS"] ?? "") ?? 200

    /// Customer and transaction counts.
    struct Counts: Equatable { var customers: Int, transactions: Int }

    /// What the next opener sees (nil: no workspace), or a description of what went wrong.
    static func state(_ folder: String) -> Result<Counts?, KillFailure> {
        func counts(_ readOnly: Bool) -> Result<Counts?, KillFailure> {
            do {
                let store = try WorkspaceStore.open(folder, options: .init(readOnly: readOnly))
                defer { store.close() }
                return .success(Counts(customers: store.workspace.customers.count, transactions: store.workspace.transactions.count))
            } catch .notAWorkspace { return .success(nil) } catch { return .failure(KillFailure(text: "open failed: \(error)")) }
        }
        let seen = counts(true), after = counts(false)
        guard case .success(let a) = seen, case .success(let b) = after else { return seen.flatMap { _ in after } }
        return a == b ? .success(b) : .failure(KillFailure(text: "read-only open saw \(String(describing: a)), writable \(String(describing: b))"))
    }

    /// Why a round failed.
    struct KillFailure: Error { var text: String }

    @Test func importsSurviveRandomKills() throws {
        let binary = acumenBinary()
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the acumen executable first: \(binary)")
        let base = FileManager.default.temporaryDirectory.path + "/acumen-killimport-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        let template = base + "/template"
        try WorkspaceStore.create(template, workspace: DemoGenerator(customers: 200, transactionsPerCustomer: 4, seed: 6).generate()).close()
        let loaded = try WorkspaceStore.open(template, options: .init(readOnly: true)).workspace
        let old = Counts(customers: loaded.customers.count, transactions: loaded.transactions.count)
        var customers = "id,name,region\n", transactions = "customer,date,amount\n"
        let added = 800
        for k in 0..<added {
            customers += "N\(k),New customer \(k),North\n"
            for m in 1...4 { transactions += "N\(k),2025-0\(m)-1\(k % 10),\(k % 97 + m).25\n" }
        }
        try Data(customers.utf8).write(to: URL(fileURLWithPath: base + "/customers.csv"))
        try Data(transactions.utf8).write(to: URL(fileURLWithPath: base + "/transactions.csv"))
        let new = Counts(customers: old.customers + added, transactions: old.transactions + 4 * added)
        let fresh = Counts(customers: added, transactions: 4 * added)
        let target = base + "/target"
        let args = ["import", target, "--customers", base + "/customers.csv", "--transactions", base + "/transactions.csv"]

        func prepare(existing: Bool) throws {
            try? FileManager.default.removeItem(atPath: target)
            if existing { try FileManager.default.copyItem(atPath: template, toPath: target) }
        }
        // One uninterrupted run of each kind times the two phases: reading and checking the
        // input (until the first plan line is printed; nothing is written), then writing.
        var reading: [Bool: Double] = [:], writing: [Bool: Double] = [:]
        for existing in [true, false] {
            try prepare(existing: existing)
            let start = Date()
            let child = try ChildProcess(binary, args)
            _ = child.readLine(timeout: 60)
            let planned = Date()
            _ = child.remainingLines(timeout: 60)
            #expect(child.wait() == 0, "\(child.errorText)")
            reading[existing] = planned.timeIntervalSince(start)
            writing[existing] = Date().timeIntervalSince(planned)
            #expect(try Self.state(target).get() == (existing ? new : fresh))
        }
        var rng = SeededGenerator(seed: UInt64(ProcessInfo.processInfo.environment["ACUMEN_KILL_SEED"] ?? "") ?? 20261129)
        var tally: [String: Int] = [:]
        for round in 0..<Self.kills {
            let existing = round % 2 == 0
            try prepare(existing: existing)
            let child = try ChildProcess(binary, args)
            // A quarter of the kills land anywhere while the input is read; the rest after the
            // plan is printed, spread over the writing phase (where a half-applied import
            // could happen) and a little beyond.
            if rng.below(4) == 0 {
                usleep(UInt32(rng.unit() * (reading[existing] ?? 0.1) * 1_000_000))
            } else {
                _ = child.readLine(timeout: 60)
                usleep(UInt32(rng.unit() * (writing[existing] ?? 0.1) * 1_000_000))
            }
            child.signal(SIGKILL)
            _ = child.remainingLines(timeout: 30)
            let status = child.wait()
            let names = (try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []
            if names.contains(WorkspacePublish.markerName) { tally["killed after the commit, before the renames finished", default: 0] += 1 }
            if names.contains(where: { $0.hasPrefix(WorkspacePublish.stagePrefix) }) { tally["killed with staged files", default: 0] += 1 }
            let result = Self.state(target)
            guard case .success(let counts) = result else {
                if case .failure(let f) = result { Issue.record("round \(round): \(f.text)") }
                break
            }
            let ok = existing ? (counts == old || counts == new) : (counts == nil || counts == fresh)
            #expect(ok, "round \(round) (\(existing ? "existing" : "new") folder): half-applied import \(String(describing: counts))")
            if !ok { break }
            let outcome = counts == nil || counts == old ? "old" : "new"
            tally["\(existing ? "existing" : "new") folder: \(status == 128 + SIGKILL ? "killed" : "finished"), \(outcome)", default: 0] += 1
        }
        print("import kill loop: \(Self.kills) rounds, 0 half-applied; " + tally.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; "))
    }
}
