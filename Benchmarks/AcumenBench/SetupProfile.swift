import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI
import Foundation

/// Times the workbench runtime's set-up before the first frame, again and again on one opened
/// and analysed workspace (for `perf record`), and its pieces one by one.
enum SetupProfile {
    static func run(_ folder: String, asOf: Day?, repeats: Int = 10) throws -> [String] {
        var lines: [String] = []
        let store = try WorkspaceStore.open(folder)
        defer { store.close() }
        let ws = store.workspace
        let day = asOf ?? ws.asOf(fallback: (ws.lastTransactionDay ?? Day(ordinal: 0)).adding(days: 1))
        let analysis = PortfolioAnalyzer.analyze(ws, asOf: day)
        var state = AppState(width: 120, height: 40, workspaceName: "bench")
        state.accounts.sortColumn = .score
        state.accounts.sortDescending = true
        for k in 0..<repeats {
            state.accounts.sortOrders = SortOrders()  // as at launch: no sort buckets kept
            let t = DispatchTime.now(), c = cpuMilliseconds()
            let runtime = Runtime(store: store, analysis: analysis, author: "bench", clock: { Timestamp(seconds: 1_767_225_600) }, state: state)
            let setUp = elapsedMilliseconds(since: t), cpu = cpuMilliseconds() - c
            var grid = CellGrid(width: 120, height: 40)
            runtime.state.render(into: &grid)
            lines.append(String(format: "set-up %d: %.1f ms wall, %.1f ms CPU; first frame %.2f ms", k + 1, setUp, cpu,
                                elapsedMilliseconds(since: t) - setUp))
        }
        let view = WorkspaceView(workspace: ws, analysis: analysis)
        func time(_ name: String, _ body: () -> Void) {
            let t = DispatchTime.now()
            body()
            lines.append(String(format: "  %@: %.1f ms", name, elapsedMilliseconds(since: t)))
        }
        for _ in 0..<3 {
            time("review facts table") { _ = ReviewFactsTable(ScoredReviewFacts(analysis)) }
            time("workflow model") { _ = WorkflowModel(analysis: analysis, settings: ws.settings) }
            var table = AccountTable()
            time("accounts table") { table = view.accountTable() }
            var s = state
            time("state: loaded model") { _ = s.update(.workflow(.loaded(WorkflowModel(analysis: analysis, settings: ws.settings)))) }
            time("state: loaded table") { _ = s.update(.loaded(table)) }
            time("portfolio figures") { _ = PortfolioFigures(table, abc: analysis.abc) }
        }
        return lines
    }
}
