import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI
import Foundation

/// Presses a rating on a profile again and again on one opened workspace (for `perf record`),
/// as the keys benchmark does: the list ranked by score, a triage queue of every account, the
/// profile of the top row; each line is one Enter to frame. Edits `--workspace` (the journal).
enum RatingProfile {
    static func run(_ folder: String, asOf: Day?, repeats: Int = 40) throws -> [String] {
        let store = try WorkspaceStore.open(folder)
        defer { store.close() }
        let ws = store.workspace
        let day = asOf ?? ws.asOf(fallback: (ws.lastTransactionDay ?? Day(ordinal: 0)).adding(days: 1))
        var state = AppState(width: 120, height: 40, workspaceName: "bench")
        state.accounts.sortColumn = .score
        state.accounts.sortDescending = true
        let runtime = Runtime(store: store, analysis: PortfolioAnalyzer.analyze(ws, asOf: day), author: "bench",
                              clock: { Timestamp(seconds: 1_767_225_600) }, state: state)
        runtime.send(.key(.char("3")))
        for _ in 0..<3 { runtime.send(.key(.char("a"))) }
        return BenchSteps.ratings(runtime, count: repeats).enumerated().map { String(format: "rating %d: %.2f ms", $0.offset + 1, $0.element) }
    }
}
