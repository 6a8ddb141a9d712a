import AcumenCore
import AcumenStore
import Foundation

/// Opening with and without the caches in `.acumen-cache/`, and the memory an open costs.
extension BenchSteps {
    /// Times a cold open (the cache folder removed before each run, untimed; the open parses
    /// both JSON Lines files and writes both caches) and a warm open (both caches valid), then
    /// records the process's resident memory with the warm-opened workspace held.
    func openSteps() throws -> [Measurement] {
        let cache = folder + "/.acumen-cache"
        var cold: [Double] = []
        for _ in 0..<max(1, runs / 2) {
            try? FileManager.default.removeItem(atPath: cache)
            let t = DispatchTime.now()
            let store = try WorkspaceStore.open(folder)
            cold.append(elapsedMilliseconds(since: t))
            store.close()
        }
        var held: WorkspaceStore?
        let warm = try measure("open, warm (cache present)", size: label, runs: runs) {
            held?.close()
            held = nil
            held = try WorkspaceStore.open(folder)
        }
        let resident = Measurement(name: "resident memory with the workspace open (MB, /proc/self/statm)", size: label,
                                   samples: [residentMegabytes()])
        let peak = Measurement(name: "peak resident memory after the opens (MB, getrusage)", size: label, samples: [peakMemoryMegabytes()])
        held?.close()
        return [Measurement(name: "open, cold (no cache)", size: label, samples: cold), warm, resident, peak]
    }
}

/// Resident memory of this process now, in megabytes (second field of `/proc/self/statm`).
func residentMegabytes() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return .nan }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return .nan }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}
