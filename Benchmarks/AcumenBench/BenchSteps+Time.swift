import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI
import Foundation

/// Time steps (issue 13): analysing another date, comparing two dates, and the eight-quarter
/// history. Another date must cost no more than one full analysis plus the lifetime-value fit;
/// the history is a one-time background cost per workspace load, and showing one account's
/// timeline afterwards must fit in a frame (≤ 16 ms).
extension BenchSteps {
    func timeSteps(_ workspace: Workspace, analysis: PortfolioAnalysis) -> [Measurement] {
        let other = analysis.asOf.adding(months: -3)
        var second = analysis
        let another = measure("analyse another date (analysis + lifetime-value fit, 3 months back)", size: label, runs: max(1, runs / 2)) {
            second = PortfolioAnalyzer.analyzeWithLifetimeValue(workspace, asOf: other).analysis
        }
        var comparison: PortfolioComparison?
        let compare = measure("compare two dates (migrations, movers, new, quiet, decisions)", size: label, runs: runs) {
            comparison = PortfolioComparison(earlier: second, later: analysis)
        }
        var history: AccountHistory?
        let quarters = measure("eight-quarter history, all accounts (once per load, background)", size: label, runs: max(1, runs / 2)) {
            history = AccountHistory(workspace, asOf: analysis.asOf)
        }
        var k = 0
        let timeline = measure("show one account's timeline + decision growth", size: label, runs: max(runs, 20)) {
            k = (k + 7919) % max(1, analysis.count)
            _ = history?.timeline(k)
            _ = DecisionGrowth(analysis, customer: k)
        }
        var out = [another, compare, quarters, timeline]
        if let comparison { out.append(changesDrill(workspace, analysis: analysis, comparison: comparison)) }
        return out
    }

    /// Enter on the largest tier cell of the Changes screen: the cell's accounts by id, resolved
    /// in the accounts table, listed on the Accounts screen (the reducer's whole keypress).
    func changesDrill(_ workspace: Workspace, analysis: PortfolioAnalysis, comparison: PortfolioComparison) -> Measurement {
        var state = AppState(width: 120, height: 40)
        state.workflow = WorkflowModel(analysis: analysis, settings: workspace.settings)
        _ = state.update(.loaded(WorkspaceView(workspace: workspace, analysis: analysis).accountTable()))
        state.stack = [.changes]
        state.changes.earlierDay = comparison.earlier.asOf
        _ = state.update(.changesLoaded(comparison))
        let cells = comparison.tiers.cells
        let n = cells.count
        let largest = (0..<(n * n)).max { cells[$0 / n][$0 % n].count < cells[$1 / n][$1 % n].count } ?? 0
        state.changes.line = largest / max(1, n)
        state.changes.column = largest % max(1, n)
        return measure("Changes: Enter on the largest tier cell (\(cells.isEmpty ? 0 : cells[largest / n][largest % n].count) accounts listed by id)",
                       size: label, runs: max(runs, 10)) {
            var s = state
            _ = s.update(.key(.enter))  // the root applies the drill-in intent before it returns
        }
    }
}
