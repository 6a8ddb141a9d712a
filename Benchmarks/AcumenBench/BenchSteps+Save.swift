import AcumenAnalytics
import AcumenCore
import AcumenStore
import Foundation

/// The background save (issue 16 item 4): what the input path pays — the conflict checks and
/// the snapshot — against the encoding and writing that run off it, and the first edit
/// recorded while the files are being written.
extension BenchSteps {
    func backgroundSaveSteps(_ store: WorkspaceStore) throws -> [Measurement] {
        let ids = store.workspace.customers.prefix(64).map(\.id)
        let t0 = Timestamp(seconds: 1_764_234_650)
        var accepted: [Double] = [], acceptedCPU: [Double] = [], written: [Double] = [], during: [Double] = []
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
            let result = plan.write()
            written.append(elapsedMilliseconds(since: t))
            try store.finishSave(result)
        }
        try store.save()
        return [
            Measurement(name: "save (time until input is accepted again)", size: label, samples: accepted),
            Measurement(name: "save (time until input is accepted again), CPU time of the thread", size: label, samples: acceptedCPU),
            Measurement(name: "save: encode + write in the background", size: label, samples: written),
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
