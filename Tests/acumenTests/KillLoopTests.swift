import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore

/// Crash safety, proven: a child `acumen stress-save` records and saves in a loop and is killed
/// with SIGKILL at random moments; after every kill the workspace must open, each file must be
/// the old or an announced new version, and every acknowledged edit must be there exactly once.
@Suite struct KillLoopTests {
    /// Kills per run: 200 by default, `ACUMEN_KILLS` for longer runs.
    static let kills = Int(ProcessInfo.processInfo.environment["ACUMEN_KILLS"] ?? "") ?? 200
    static let mainFiles = [WorkspaceFiles.settings, WorkspaceFiles.customers, WorkspaceFiles.transactions]

    @Test func survivesRandomKills() throws {
        try killLoop(kills: Self.kills, options: [], name: "kill-loop")
    }

    /// The workbench's save: the files are written on another thread while edits go on, so
    /// kills land inside a background write with edits acknowledged after its snapshot.
    @Test func survivesRandomKillsDuringBackgroundSaves() throws {
        try killLoop(kills: max(1, Self.kills / 2), options: ["--background"], name: "kill-loop (background save)")
    }

    /// A workspace of several chunks of customers, so the kills land inside the customers'
    /// file written a batch of chunks at a time and inside the cache encoded on all cores;
    /// after each kill the cache must be ignored or hold exactly the file's customers.
    @Test func survivesRandomKillsWithSeveralChunksOfCustomers() throws {
        try killLoop(kills: max(1, Self.kills / 10), options: ["--background"], name: "kill-loop (9,000 customers)",
                     customers: 2 * CustomerList.chunkSize + 808, maxDelay: 400_000)
    }

    /// - Parameter maxDelay: the most microseconds a kill waits after the lines it waited for
    ///   (a larger workspace's save takes longer, so kills must reach its end too).
    func killLoop(kills: Int, options: [String], name: String, customers: Int = 30, maxDelay: Double = 4_000) throws {
        let binary = acumenBinary()
        try #require(FileManager.default.isExecutableFile(atPath: binary), "build the acumen executable first: \(binary)")
        var rng = SeededGenerator(seed: UInt64(ProcessInfo.processInfo.environment["ACUMEN_KILL_SEED"] ?? "") ?? 20261127)
        var tally = KillTally()
        var state = KillState(folder: "")
        for round in 0..<kills {
            if round % 100 == 0 { state = try KillState.fresh(customers: customers) }  // keep files small
            let saveEvery = 1 + Int(rng.unit() * 6)
            let child = try ChildProcess(binary, ["stress-save", state.folder, "--save-every", "\(saveEvery)", "--note-bytes", "\(Int(rng.unit() * 400))"] + options)
            var lines: [String] = []
            guard child.waitFor("ready", seen: { lines.append($0) }) != nil else {
                child.signal(SIGKILL); child.wait()
                Issue.record("child did not start (round \(round)): \(child.errorText)"); return
            }
            // Kill after a random number of printed lines plus a random few milliseconds, so
            // kills land at every step (recording, announcing, inside a save) at any speed.
            for _ in 0..<rng.below(30) { if let l = child.readLine(timeout: 10) { lines.append(l) } }
            usleep(UInt32(rng.unit() * maxDelay))
            child.signal(SIGKILL)
            lines += child.remainingLines()
            let status = child.wait()
            #expect(status == 128 + SIGKILL, "round \(round): child ended with \(status): \(child.errorText)")
            tally.count(lines)
            let problems = state.verify(after: lines)
            #expect(problems.isEmpty, "round \(round): \(problems.joined(separator: "; "))")
            if !problems.isEmpty { break }
            tally.survived += 1
        }
        // A final normal open removes any temp file the last kill left.
        let store = try WorkspaceStore.open(state.folder)
        store.close()
        #expect(KillState.temporaries(in: state.folder).isEmpty)
        print("\(name): \(tally.survived) kills survived, \(tally.acks) edits acknowledged, \(tally.duringSave) kills during a save, \(tally.saves) saves completed, 0 corrupt files")
    }
}

/// Counts for the report in docs/reliability.md.
struct KillTally {
    var survived = 0, acks = 0, saves = 0, duringSave = 0

    mutating func count(_ lines: [String]) {
        acks += lines.filter { $0.hasPrefix("ack ") }.count
        saves += lines.filter { $0.hasPrefix("saved ") }.count
        // A save was under way when its announcement is the last one (with a background save,
        // edits are acknowledged after it).
        if let pending = lines.lastIndex(where: { $0.hasPrefix("pending ") }), pending > (lines.lastIndex(where: { $0.hasPrefix("saved ") }) ?? -1) {
            duringSave += 1
        }
    }
}

/// What the parent knows about one workspace across kills.
struct KillState {
    var folder: String
    /// Every sequence number a child acknowledged.
    var acked: Set<Int> = []
    /// Content hash of each main file after the previous kill (the "old" version).
    var previous: [String: UInt64] = [:]

    /// A new workspace of `customers` customers in a fresh temporary folder.
    static func fresh(customers: Int = 30) throws -> KillState {
        let folder = FileManager.default.temporaryDirectory.path + "/acumen-kill-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let store = try WorkspaceStore.create(folder, workspace: DemoGenerator(customers: customers, transactionsPerCustomer: 4, seed: 5).generate())
        store.close()
        var s = KillState(folder: folder)
        for f in KillLoopTests.mainFiles { s.previous[f] = s.hash(f) }
        return s
    }

    /// Temporary files in the workspace folder and its transaction-cache folder.
    static func temporaries(in folder: String) -> [String] {
        [folder, folder + "/.acumen-cache"].flatMap { f in
            ((try? FileManager.default.contentsOfDirectory(atPath: f)) ?? []).filter { $0.hasPrefix(AtomicFile.tempPrefix) }
        }
    }

    func hash(_ file: String) -> UInt64? {
        (FileManager.default.contents(atPath: folder + "/" + file)).map { Checksum.fingerprint(Array($0)) }
    }

    /// Checks the workspace after a kill, given what the child printed; returns what is wrong.
    mutating func verify(after lines: [String]) -> [String] {
        var problems: [String] = []
        var announced: [String: Set<UInt64>] = [:]
        var top = 0  // the last sequence number this child knew of
        for line in lines {
            if line.hasPrefix("ready "), let seq = Int(line.dropFirst(6)) { top = max(top, seq) }
            let parts = line.split(separator: " ")
            if parts.first == "ack", parts.count == 2, let seq = Int(parts[1]) { acked.insert(seq); top = max(top, seq) }
            if parts.first == "pending", parts.count == 3, let h = UInt64(parts[2], radix: 16) { announced[String(parts[1]), default: []].insert(h) }
        }
        // A kill inside a save may leave that save's temporary files (one per file: the main
        // file's, the customers' cache streamed beside it); the next open removes them, so
        // there is never a second one for the same file.
        let targets = Self.temporaries(in: folder).map { $0.split(separator: "-").dropLast(2).joined(separator: "-") }
        if Set(targets).count != targets.count { problems.append("stale temporary files accumulate: \(Self.temporaries(in: folder))") }
        for f in KillLoopTests.mainFiles {
            guard let h = hash(f) else { problems.append("\(f) is missing"); continue }
            if h != previous[f] && !(announced[f]?.contains(h) ?? false) { problems.append("\(f) is neither the old nor a new version") }
            previous[f] = h
        }
        let store: WorkspaceStore
        do { store = try WorkspaceStore.open(folder, options: .init(readOnly: true)) } catch {
            return problems + ["the workspace does not open: \(error)"]
        }
        // The caches as the kill left them: used only when they match the files, so the
        // workspace opened through them equals the one parsed without them.
        let cache = folder + "/.acumen-cache", aside = folder + "/.acumen-cache-aside"
        if rename(cache, aside) == 0 {
            defer { _ = rename(aside, cache) }
            if let parsed = try? WorkspaceStore.open(folder, options: .init(readOnly: true)) {
                if parsed.workspace != store.workspace { problems.append("a cache left by the kill was trusted but differs from the files") }
                parsed.close()
            } else {
                problems.append("the workspace does not open without its caches")
            }
        }
        var present: [Int] = []
        for c in store.workspace.customers {
            for n in c.notes where n.text.hasPrefix("stress-") {
                if let seq = Int(n.text.dropFirst(7).prefix(while: \.isNumber)) { present.append(seq) }
            }
        }
        let presentSet = Set(present)
        if presentSet.count != present.count { problems.append("an edit was applied twice") }
        let missing = acked.subtracting(presentSet)
        if !missing.isEmpty { problems.append("acknowledged edits lost: \(missing.sorted().prefix(10))") }
        // At most the one edit being recorded at the kill may be present without an acknowledgement.
        if let extra = presentSet.first(where: { $0 > top + 1 }) { problems.append("edit \(extra) appeared beyond the last known \(top)") }
        if presentSet.count != (presentSet.max() ?? 0) { problems.append("the edits present have gaps") }
        if let weight = presentSet.filter({ $0 % 5 == 0 }).max(), store.workspace.settings.weights[.monetary] != Double(weight) {
            problems.append("settings weight \(String(describing: store.workspace.settings.weights[.monetary])) is not the last batch \(weight)")
        }
        return problems
    }
}
