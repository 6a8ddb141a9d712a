import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The seeded generative fuzz test: mutations of valid workspace files through every target
/// in `FuzzTargets` (shared with libFuzzer, see Scripts/fuzz.sh). Bounded by input count and
/// time: no crash, no input slower than a second, every problem names file and line.
@Suite struct ReliabilityFuzzTests {
    /// Inputs per run: `ACUMEN_FUZZ_INPUTS`, else 4,000 (about 10 s on 2 cores).
    static let inputs = Int(ProcessInfo.processInfo.environment["ACUMEN_FUZZ_INPUTS"] ?? "") ?? 4000
    static let timeBudget = Double(ProcessInfo.processInfo.environment["ACUMEN_FUZZ_SECONDS"] ?? "") ?? 30

    /// Valid files of a small workspace with a journal, by file name.
    static func seeds() -> [String: [UInt8]] {
        let w = DemoGenerator(customers: 6, transactionsPerCustomer: 3, seed: 21).generate()
        var journal = Array(Journal.header.utf8)
        let t = Timestamp(seconds: 1_764_000_000)
        let edits: [Edit] = [.setOwner(customer: "C0001", owner: "ann"), .addNote(customer: "C0002", note: Note(text: "hi", author: "a", at: t)),
                             .batch([.setWeights([.risk: 1]), .setTags(customer: "C0003", tags: ["x"])])]
        for (k, e) in edits.enumerated() { journal += Journal.line(Journal.Record(seq: k + 1, at: t, author: "a", edit: e)) }
        return [WorkspaceFiles.settings: WorkspaceCodec.encodeSettings(w.settings),
                WorkspaceFiles.customers: WorkspaceCodec.encodeCustomers(w.customers, headerExtra: [:]),
                WorkspaceFiles.transactions: WorkspaceCodec.encodeTransactions(w),
                WorkspaceFiles.journal: journal, FuzzTargets.csvSeedFile: FuzzTargets.csvSeed]
    }

    @Test func validSeedsPassEveryTarget() {
        let seeds = Self.seeds()
        for t in FuzzTargets.all {
            #expect(t.run(seeds[t.seedFile] ?? []).isEmpty, "\(t.name)")
        }
    }

    @Test func mutatedWorkspaceFilesNeverCrashOrHang() {
        let seeds = Self.seeds()
        var mutator = Mutator(rng: SeededGenerator(seed: UInt64(ProcessInfo.processInfo.environment["ACUMEN_FUZZ_SEED"] ?? "") ?? 7))
        let start = Date()
        var executed = 0, slowest = 0.0
        var byKind: [String: Int] = [:]
        for n in 0..<Self.inputs {
            if Date().timeIntervalSince(start) > Self.timeBudget { break }
            let target = FuzzTargets.all[n % FuzzTargets.all.count]
            let seed = seeds[target.seedFile] ?? []
            let other = seeds[FuzzTargets.all[(n / 7) % FuzzTargets.all.count].seedFile] ?? []
            let (input, kinds) = mutator.mutate(seed, other: other)
            let t0 = Date()
            let broken = target.run(input)
            let took = Date().timeIntervalSince(t0)
            slowest = max(slowest, took)
            #expect(broken.isEmpty, "input \(n) (\(target.name), \(kinds)): \(broken.prefix(3))")
            // A hang, not a speed bar: CI machines are shared and debug builds are slow, so the
            // bound is generous (a pathological input takes minutes, not seconds).
            #expect(took < 10, "input \(n) (\(target.name), \(kinds)) took \(took) s")
            for k in kinds { byKind[k, default: 0] += 1 }
            executed += 1
        }
        #expect(executed >= min(Self.inputs, 500))
        print("fuzz (generative): \(executed) inputs in \(String(format: "%.1f", Date().timeIntervalSince(start))) s, slowest \(String(format: "%.3f", slowest)) s; mutations: \(byKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
    }
}
