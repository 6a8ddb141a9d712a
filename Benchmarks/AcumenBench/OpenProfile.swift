import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI
import Foundation

/// Times warm opens of a workspace one by one (wall and CPU; for `perf record`), then the
/// analysis and the accounts table of the first screen, and the peak memory.
enum OpenProfile {
    /// Changes the owner of every `every`-th customer in one batch and saves, so their lines
    /// carry history (a workspace after bulk edits); returns what it did.
    static func edit(_ folder: String, every: Int) throws -> String {
        let store = try WorkspaceStore.open(folder)
        defer { store.close() }
        let ids = stride(from: 0, to: store.workspace.customers.count, by: max(1, every)).map { store.workspace.customers[$0].id }
        let t = DispatchTime.now()
        try store.record(.batch(ids.map { .setOwner(customer: $0, owner: "bulk owner") }), author: "bench", at: Timestamp(seconds: 1_764_234_650))
        try store.save()
        let edited = store.workspace.customers.filter { !$0.isPlain }.count
        return String(format: "edited %d customers, saved in %.0f ms; %d customers with details", ids.count, elapsedMilliseconds(since: t), edited)
    }

    static func run(_ folder: String, opens: Int = 5) throws -> [String] {
        var lines: [String] = []
        try WorkspaceStore.open(folder).close()  // writes the caches if they are missing
        var store: WorkspaceStore?
        for k in 0..<opens {
            store?.close()
            store = nil
            let t = DispatchTime.now(), c = cpuMilliseconds()
            store = try WorkspaceStore.open(folder)
            lines.append(String(format: "warm open %d: %.1f ms wall, %.1f ms CPU", k + 1, elapsedMilliseconds(since: t), cpuMilliseconds() - c))
        }
        guard let store else { return lines }
        defer { store.close() }
        lines.append(String(format: "resident after open %.0f MB", residentMegabytes()))
        var t = DispatchTime.now()
        let ws = store.workspace
        let asOf = ws.asOf(fallback: Day(ordinal: 20454))
        let analysis = PortfolioAnalyzer.analyze(ws, asOf: asOf)
        lines.append(String(format: "analysis %.1f ms", elapsedMilliseconds(since: t)))
        t = .now()
        let table = WorkspaceView(workspace: ws, analysis: analysis).accountTable()
        lines.append(String(format: "accounts table (%d rows) %.1f ms", table.count, elapsedMilliseconds(since: t)))
        lines.append(String(format: "peak memory %.0f MB", peakMemoryMegabytes()))
        return lines
    }
}
