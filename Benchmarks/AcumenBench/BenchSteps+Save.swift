import AcumenAnalytics
import AcumenCore
import AcumenStore
import Foundation

/// The background save (issue 16 item 4): what the input path pays — the conflict checks and
/// the snapshot — against the encoding and writing that run off it, and the first edit
/// recorded while the files are being written.
extension BenchSteps {
    /// Only the save steps (`--save-only`): a full save on one thread, then the background save.
    func saveSteps() throws -> [Measurement] {
        let store = try WorkspaceStore.open(folder)
        defer { store.close() }
        let id = store.workspace.customers[0].id
        var k = 0
        var cpu: [Double] = []
        let full = try measure("full save", size: label, runs: max(1, runs / 2)) {
            try store.record(.setOwner(customer: id, owner: "bench \(k)"), author: "bench", at: Timestamp(seconds: 1_764_234_650))
            k += 1
            let c = cpuMilliseconds()
            try store.save()
            cpu.append(cpuMilliseconds() - c)
        }
        return [full, Measurement(name: "full save: CPU ms, all threads", size: label, samples: cpu)] + (try backgroundSaveSteps(store))
    }

    func backgroundSaveSteps(_ store: WorkspaceStore) throws -> [Measurement] {
        let ids = store.workspace.customers.prefix(64).map(\.id)
        let t0 = Timestamp(seconds: 1_764_234_650)
        var accepted: [Double] = [], acceptedCPU: [Double] = [], written: [Double] = [], writtenCPU: [Double] = [], during: [Double] = []
        for k in 0..<max(1, runs / 2) {
            try store.record(.setOwner(customer: ids[k % ids.count], owner: "bg \(k)"), author: "bench", at: t0)
            var t = DispatchTime.now()
            var plan: SavePlan?
            let cpu = try measureThreadCPU("", size: label, runs: 1) { plan = try store.prepareSave() }
            accepted.append(elapsedMilliseconds(since: t))
            acceptedCPU += cpu.samples
            guard let plan else { break }
            // An edit while the snapshot is still held (before the encoding ends) pays one copy
            // of the customer array; the workbench's worst case for a key during a save.
            t = DispatchTime.now()
            try store.record(.setOwner(customer: ids[(k + 1) % ids.count], owner: "during \(k)"), author: "bench", at: t0)
            during.append(elapsedMilliseconds(since: t))
            t = DispatchTime.now()
            let c = cpuMilliseconds()
            let result = plan.write()
            written.append(elapsedMilliseconds(since: t))
            writtenCPU.append(cpuMilliseconds() - c)
            try store.finishSave(result)
        }
        try store.save()
        return [
            Measurement(name: "save (time until input is accepted again)", size: label, samples: accepted),
            Measurement(name: "save (time until input is accepted again), CPU time of the thread", size: label, samples: acceptedCPU),
            Measurement(name: "save: encode + write in the background", size: label, samples: written),
            Measurement(name: "save: encode + write in the background: CPU ms, all threads", size: label, samples: writtenCPU),
            Measurement(name: "save: first edit while the snapshot is held", size: label, samples: during),
        ]
    }
}

/// Like ``measure(_:size:runs:warmup:_:)`` but the samples are the calling thread's CPU time
/// (`CLOCK_THREAD_CPUTIME_ID`), which a loaded machine does not stretch — for single-threaded
/// steps measured while other builds share the cores.
func measureThreadCPU(_ name: String, size: String, runs: Int, _ body: () throws -> Void) rethrows -> Measurement {
    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
    }
    var samples: [Double] = []
    for _ in 0..<runs {
        let start = now()
        try body()
        samples.append(now() - start)
    }
    return Measurement(name: name, size: size, samples: samples)
}
