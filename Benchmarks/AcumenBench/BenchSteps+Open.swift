import AcumenCore
import AcumenStore
import Foundation

/// Opening with and without the caches in `.acumen-cache/`, and the memory an open costs.
extension BenchSteps {
    /// Times a cold open (the cache folder removed before each run, untimed; the open parses
    /// both JSON Lines files and writes both caches), an open as before the customers' cache
    /// (customers parsed, transactions cached) and a warm open (both caches valid), each also
    /// in CPU time, then records the process's resident memory with the warm-opened workspace held.
    func openSteps() throws -> [Measurement] {
        let cache = folder + "/.acumen-cache"
        var cold: [Double] = [], coldCPU: [Double] = []
        for _ in 0..<max(1, runs / 2) {
            try? FileManager.default.removeItem(atPath: cache)
            let t = DispatchTime.now(), c = cpuMilliseconds()
            let store = try WorkspaceStore.open(folder)
            cold.append(elapsedMilliseconds(since: t))
            coldCPU.append(cpuMilliseconds() - c)
            store.close()
        }
        // As opens were before the customers' cache: the customers parsed, the transactions
        // from their cache (a read-only open writes nothing, so the customers' cache stays away).
        try? FileManager.default.removeItem(atPath: cache + "/customers-v2.bin")
        var parsedCPU: [Double] = []
        let parsed = try measure("open, customers parsed, transaction cache (as before)", size: label, runs: runs) {
            let c = cpuMilliseconds()
            try WorkspaceStore.open(folder, options: .init(readOnly: true)).close()
            parsedCPU.append(cpuMilliseconds() - c)
        }
        try WorkspaceStore.open(folder).close()  // writes the customers' cache again
        var held: WorkspaceStore?
        var warmCPU: [Double] = []
        let warm = try measure("open, warm (cache present)", size: label, runs: runs) {
            held?.close()
            held = nil
            let c = cpuMilliseconds()
            held = try WorkspaceStore.open(folder)
            warmCPU.append(cpuMilliseconds() - c)
        }
        let resident = Measurement(name: "resident memory with the workspace open (MB, /proc/self/statm)", size: label,
                                   samples: [residentMegabytes()])
        let peak = Measurement(name: "peak resident memory after the opens (MB, getrusage)", size: label, samples: [peakMemoryMegabytes()])
        held?.close()
        held = nil
        return [Measurement(name: "open, cold (no cache)", size: label, samples: cold),
                Measurement(name: "open, cold (no cache): CPU ms, all threads", size: label, samples: coldCPU),
                parsed,
                Measurement(name: "open, customers parsed, transaction cache (as before): CPU ms", size: label, samples: parsedCPU),
                warm,
                Measurement(name: "open, warm (cache present): CPU ms, all threads", size: label, samples: warmCPU),
                resident, peak]
    }
}

/// CPU time this process has used so far, all threads, in milliseconds: unlike wall time it
/// does not grow when other processes share the cores.
func cpuMilliseconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
}

/// Resident memory of this process now, in megabytes (second field of `/proc/self/statm`).
func residentMegabytes() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return .nan }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return .nan }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}
