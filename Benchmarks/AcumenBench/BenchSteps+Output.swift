import AcumenAnalytics
import AcumenCore
import AcumenStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The save review and the report output (issue 16 items 4 and 6): the review of five edits,
/// one of them a bulk edit of 30 % of the customers, must take ≤ 100 ms at 100k; `report`
/// streams JSON and CSV at ≥ 300 MB/s (here written to `/dev/null`, so the figure is the
/// formatter's own speed).
extension BenchSteps {
    func outputSteps(_ store: WorkspaceStore, _ analysis: PortfolioAnalysis) throws -> [Measurement] {
        var out: [Measurement] = []
        let ids = store.workspace.customers.map(\.id)
        let t0 = Timestamp(seconds: 1_764_234_650)
        let bulk = ids.prefix(ids.count * 3 / 10).map { Edit.setTags(customer: $0, tags: ["bench"]) }
        try store.record(.batch(bulk), author: "bench", at: t0)
        for (k, id) in ids.prefix(4).enumerated() {
            try store.record(.setOwner(customer: id, owner: "bench \(k)"), author: "bench", at: t0)
        }
        var lines = 0
        // Once per version of customers.jsonl the store did not write itself (the workbench
        // runs it in the background after opening); after a save the index comes for free.
        out.append(measure("save review index of the loaded file (once, background)", size: label, runs: runs) {
            store.adoptSaveReviewPreparation(store.saveReviewPreparation(again: true)?())
        })
        out.append(try measure("save review (5 edits, one on 30 % of customers)", size: label, runs: runs) {
            lines = try PendingChanges(store).files.reduce(0) { $0 + $1.addedLines }
        })
        out[out.count - 1].name += " [\(lines) lines]"
        out.append(try measureThreadCPU("save review, CPU time of the thread (load-independent)", size: label, runs: runs) {
            lines = try PendingChanges(store).files.reduce(0) { $0 + $1.addedLines }
        })
        try store.save()
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        defer { close(null) }
        var bytes = 0
        let sink: ([UInt8]) throws -> Void = { chunk in
            bytes += chunk.count
            _ = chunk.withUnsafeBytes { write(null, $0.baseAddress, $0.count) }
        }
        var built: PortfolioReport?
        out.append(measure("report rows (all, by rank)", size: label, runs: runs) {
            built = PortfolioReport(analysis: analysis)
        })
        guard let report = built else { return out }
        for format in ["json", "csv"] {
            var m = try measure("report --format \(format): write to /dev/null", size: label, runs: runs) {
                bytes = 0
                var o = ByteOutput(sink: sink)
                if format == "json" { try report.writeJSON(to: &o) } else { try report.writeCSV(to: &o) }
                try o.flush()
            }
            m.name += String(format: " [%.0f MB, %.0f MB/s]", Double(bytes) / 1e6, Double(bytes) / 1e3 / m.median)
            out.append(m)
        }
        return out
    }
}
