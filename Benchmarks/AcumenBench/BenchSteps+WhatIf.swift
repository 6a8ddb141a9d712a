import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI
import Foundation

/// What-if steps: one weight keypress recombines the precomputed criteria, re-ranks and
/// compares against the pinned baseline (issue 6: under 16 ms at 100k customers).
extension BenchSteps {
    func whatIfSteps(_ store: WorkspaceStore) -> [Measurement] {
        let workspace = store.workspace
        let analysis = PortfolioAnalyzer.analyze(workspace, asOf: workspace.asOf(fallback: Day(ordinal: 20454)))
        var whatIf = WhatIf(analysis: analysis)
        var k = 0
        let keypress = measure("what-if: one weight change (rescore + compare)", size: label, runs: max(runs, 20), warmup: 2) {
            k += 1
            whatIf.setWeight(.satisfaction, Double(k % 20))
        }
        // The whole keypress as the user sees it: reducer (rescore, compare) and a 120×40 frame
        // of the weights screen (migration matrix, tier shares, movers).
        var state = AppState(width: 120, height: 40, workspaceName: "bench")
        _ = state.update(.workflow(.loaded(WorkflowModel(workspace: workspace, analysis: analysis))))
        _ = state.update(.key(.char("4")))
        var grid = CellGrid(width: 120, height: 40)
        var up = true
        let frame = measure("what-if: key to frame (+/- on the weights screen, 120x40)", size: label, runs: max(runs, 20), warmup: 2) {
            up.toggle()
            _ = state.update(.key(.char(up ? "+" : "-")))
            state.render(into: &grid)
        }
        return [keypress, frame, triageStep(store, analysis)]
    }

    /// A triage decision as the user sees it: the key, the journaled and fsynced edit, the
    /// answer applied to the state, and a 120×40 frame of the triage screen.
    func triageStep(_ store: WorkspaceStore, _ analysis: PortfolioAnalysis) -> Measurement {
        let shell = WorkflowShell(session: EditSession(store: store, author: "bench"), analysis: analysis,
                                  clock: { Timestamp(seconds: 1_767_225_600) }) { w, a in WorkspaceView(workspace: w, analysis: a).accountTable() }
        var state = AppState(width: 120, height: 40, workspaceName: "bench")
        _ = state.update(.workflow(.loaded(shell.model)))
        _ = state.update(.key(.char("3")))
        var grid = CellGrid(width: 120, height: 40)
        return measure("triage: key to frame (accept: journal + fsync + redraw, 120x40)", size: label, runs: max(runs, 20), warmup: 2) {
            var queue = [Action.key(.char("a"))]
            while let a = queue.popLast() {
                for e in state.update(a) { if case .workflow(let w) = e { queue += shell.perform(w) } }
            }
            state.render(into: &grid)
        }
    }
}
