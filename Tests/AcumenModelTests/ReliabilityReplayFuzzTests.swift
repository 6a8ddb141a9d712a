import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The generative half of the journal-replay fuzz target (`JournalReplayFuzz`, also run by
/// libFuzzer through `Scripts/fuzz.sh 900 replay`): journals whose sequence numbers,
/// checksums and line ends are rewritten, replayed into a workspace. No trap, no hang, every
/// problem names a line of its file.
@Suite struct ReliabilityReplayFuzzTests {
    /// Inputs per run: `ACUMEN_FUZZ_INPUTS`, else 3,000.
    static let inputs = Int(ProcessInfo.processInfo.environment["ACUMEN_FUZZ_INPUTS"] ?? "") ?? 3000

    static func seed() -> [UInt8] {
        let t = Timestamp(seconds: 1_764_000_000)
        let edits: [Edit] = [.setOwner(customer: "C0001", owner: "ann"), .addNote(customer: "C0002", note: Note(text: "hi", author: "a", at: t)),
                             .batch([.setWeights([.risk: 1]), .setTags(customer: "C0003", tags: ["x"])]), .removeNote(customer: "C0002", index: 0)]
        var journal = Array(Journal.header.utf8)
        for (k, e) in edits.enumerated() { journal += Journal.line(Journal.Record(seq: k + 1, at: t, author: "a", edit: e)) }
        return journal
    }

    @Test func theValidSeedReplays() throws {
        let fs = MemoryFolder(folder: "/w", files: [WorkspaceFiles.customers: JournalReplayFuzz.customers, WorkspaceFiles.journal: Self.seed()])
        let store = try WorkspaceStore.open("/w", fs: fs, options: .init(readOnly: true))
        #expect(store.lastSeq == 4 && store.workspace.customers[0].owner == "ann")
    }

    @Test func mutatedJournalsNeverTrap() {
        var mutator = Mutator(rng: SeededGenerator(seed: 17))
        let seed = Self.seed()
        var rejected = 0, replayed = 0
        for n in 0..<Self.inputs {
            let input = n % 3 == 0 ? seed + Array("\(n)".utf8) : mutator.mutate(seed, other: seed).bytes
            let broken = JournalReplayFuzz.run(input)
            #expect(broken.isEmpty, "input \(n): \(broken.prefix(3))")
            let fs = MemoryFolder(folder: "/w", files: [WorkspaceFiles.customers: JournalReplayFuzz.customers, WorkspaceFiles.journal: input])
            if (try? WorkspaceStore.open("/w", fs: fs, options: .init(readOnly: true))) != nil { replayed += 1 } else { rejected += 1 }
        }
        #expect(replayed > 0 && rejected > 0)
    }
}
