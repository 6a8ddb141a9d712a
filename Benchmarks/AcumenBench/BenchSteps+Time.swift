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
        var second: PortfolioAnalysis?
        let another = measure("analyse another date (analysis + lifetime-value fit, 3 months back)", size: label, runs: max(1, runs / 2)) {
            second = nil  // the last run's goes first, as a date change replaces the analysis
            second = PortfolioAnalyzer.analyzeWithLifetimeValue(workspace, asOf: other).analysis
        }
        let compare = measure("compare two dates (migrations, movers, new, quiet, decisions)", size: label, runs: runs) {
            if let second { _ = PortfolioComparison(earlier: second, later: analysis) }
        }
        second = nil
        var history: AccountHistory?
        let quarters = measure("eight-quarter history, all accounts (once per load, background)", size: label, runs: max(1, runs / 2)) {
            history = nil
            // As the workbench computes it: what each quarter freed goes back before the next.
            history = AccountHistory(workspace, asOf: analysis.asOf, betweenDates: BackgroundWork.returnFreedMemory)
        }
        var k = 0
        let timeline = measure("show one account's timeline + decision growth", size: label, runs: max(runs, 20)) {
            k = (k + 7919) % max(1, analysis.count)
            _ = history?.timeline(k)
            _ = DecisionGrowth(analysis, customer: k)
        }
        // Enter on the largest tier cell is measured key to frame with the screens (BenchScreens).
        return [another, compare, quarters, timeline]
    }
}
