import AcumenUI
import Foundation

/// Timings of one benchmark step over several runs: median, min and max in milliseconds.
struct Measurement {
    var name: String
    var size: String
    var samples: [Double]

    init(name: String, size: String, samples: [Double]) {
        self.name = name; self.size = size; self.samples = samples
        // What the step freed goes back to the system before the next one, as the workbench
        // trims around each background job (glibc keeps freed memory otherwise, and the
        // process' peak would be the steps' leftovers added up, not any one step's).
        BackgroundWork.returnFreedMemory()
        // ACUMEN_BENCH_PEAKS=1: the process' peak so far after each step, on standard error
        // (which step of the benchmark process sets its peak).
        if Self.tracePeaks { FileHandle.standardError.write(Data("peak \(Int(peakMemoryMegabytes())) MB, now \(Int(residentMegabytes())) MB after: \(name)\n".utf8)) }
    }

    private static let tracePeaks = ProcessInfo.processInfo.environment["ACUMEN_BENCH_PEAKS"] != nil

    var median: Double {
        let s = samples.sorted()
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    var min: Double { samples.min() ?? .nan }
    var max: Double { samples.max() ?? .nan }

    var json: [String: Any] {
        ["step": name, "size": size, "median_ms": round3(median), "min_ms": round3(min), "max_ms": round3(max),
         "runs": samples.map(round3)]
    }

    private func round3(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }
}

/// Milliseconds since a start time.
func elapsedMilliseconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
}

/// Runs `body` `runs` times (after `warmup` unmeasured runs) and returns the timings.
func measure(_ name: String, size: String, runs: Int, warmup: Int = 0, _ body: () throws -> Void) rethrows -> Measurement {
    BackgroundWork.returnFreedMemory()  // what earlier steps freed goes back first
    for _ in 0..<warmup { try body() }
    var samples: [Double] = []
    for _ in 0..<runs {
        let t = DispatchTime.now()
        try body()
        samples.append(elapsedMilliseconds(since: t))
    }
    return Measurement(name: name, size: size, samples: samples)
}

/// Peak resident memory of this process so far, in megabytes (getrusage ru_maxrss).
func peakMemoryMegabytes() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}
