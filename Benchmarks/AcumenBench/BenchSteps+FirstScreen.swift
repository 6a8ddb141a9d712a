import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI
import Foundation

/// The first screen as the user waits for it (issue 16 item 7): open the workspace (warm: the
/// transaction cache is present), analyse it without the lifetime-value fit (which large
/// workspaces fit in the background after the first frame), start the workbench's runtime with
/// the accounts ranked by score as `acumen open` does, and draw the first 120×40 frame.
extension BenchSteps {
    /// Only what users feel: the first screen, then the keys through the runtime.
    func userSteps() throws -> [Measurement] {
        var out = [try firstScreen()]
        let store = try WorkspaceStore.open(folder)
        defer { store.close() }
        let ws = store.workspace
        let asOf = self.asOf ?? ws.asOf(fallback: (ws.lastTransactionDay ?? Day(ordinal: 0)).adding(days: 1))
        let analysis = PortfolioAnalyzer.analyze(ws, asOf: asOf)
        out += BenchScreens(view: WorkspaceView(workspace: ws, analysis: analysis), label: label, runs: runs).runAll()
        out += whatIfSteps(store)
        return out
    }

    func firstScreen() throws -> Measurement {
        try measure("first screen, warm: open + analysis + accounts + first frame (120x40)", size: label, runs: max(1, runs / 2)) {
            let store = try WorkspaceStore.open(folder)
            defer { store.close() }
            let ws = store.workspace
            let asOf = self.asOf ?? ws.asOf(fallback: (ws.lastTransactionDay ?? Day(ordinal: 0)).adding(days: 1))
            let analysis = PortfolioAnalyzer.analyze(ws, asOf: asOf)
            var state = AppState(width: 120, height: 40, workspaceName: "bench")
            state.accounts.sortColumn = .score
            state.accounts.sortDescending = true
            let runtime = Runtime(store: store, analysis: analysis, author: "bench", clock: { Timestamp(seconds: 1_767_225_600) }, state: state)
            var grid = CellGrid(width: 120, height: 40)
            runtime.state.render(into: &grid)
        }
    }
}
