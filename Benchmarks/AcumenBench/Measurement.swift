import Foundation

/// Timings of one benchmark step over several runs: median, min and max in milliseconds.
struct Measurement {
    var name: String
    var size: String
    var samples: [Double]

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
