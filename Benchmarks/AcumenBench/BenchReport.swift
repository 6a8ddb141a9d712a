import Foundation

/// Formats benchmark results as a Markdown table and as JSON.
enum BenchReport {
    static func table(_ results: [Measurement], peaks: [String: Double]) -> String {
        var lines = ["| size | step | median ms | min ms | max ms | runs |", "|---|---|---:|---:|---:|---:|"]
        for m in results {
            lines.append("| \(m.size) | \(m.name) | \(fmt(m.median)) | \(fmt(m.min)) | \(fmt(m.max)) | \(m.samples.count) |")
        }
        for (size, mb) in peaks.sorted(by: { $0.key < $1.key }) {
            lines.append("| \(size) | peak memory (MB, cumulative) | \(fmt(mb)) | | | |")
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ results: [Measurement], peaks: [String: Double]) -> [String: Any] {
        ["results": results.map(\.json), "peakMemoryMB": peaks]
    }

    static func fmt(_ v: Double) -> String { v >= 100 ? String(format: "%.0f", v) : String(format: "%.2f", v) }
}
