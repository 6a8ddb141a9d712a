import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI
import Foundation

/// Times the phases of opening a workspace (customers decode, transaction cache, analysis).
enum OpenProfile {
    static func run(_ folder: String) throws -> [String] {
        var lines: [String] = []
        var t = DispatchTime.now()
        let bytes = try PosixFileSystem().read(folder + "/" + WorkspaceFiles.customers, limit: 1 << 40)
        lines.append(String(format: "read customers.jsonl %.1f ms", elapsedMilliseconds(since: t)))
        t = .now()
        var problems: [WorkspaceProblem] = []
        var extra: [String: JSONValue] = [:]
        let customers = WorkspaceCodec.decodeCustomers(bytes, headerExtra: &extra, problems: &problems)
        lines.append(String(format: "decode %d customers %.1f ms", customers.count, elapsedMilliseconds(since: t)))
        t = .now()
        let store = try WorkspaceStore.open(folder, options: .init(readOnly: true))
        lines.append(String(format: "whole open %.1f ms", elapsedMilliseconds(since: t)))
        t = .now()
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
