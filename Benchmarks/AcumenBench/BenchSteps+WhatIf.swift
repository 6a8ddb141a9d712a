import AcumenModel
import Foundation

/// What-if steps: one weight keypress recombines the precomputed criteria, re-ranks and
/// compares against the pinned baseline (issue 6: under 16 ms at 100k customers).
extension BenchSteps {
    func whatIfSteps(_ workspace: Workspace) -> [Measurement] {
        let analysis = PortfolioAnalyzer.analyze(workspace, asOf: workspace.asOf(fallback: Day(ordinal: 20454)))
        var whatIf = WhatIf(analysis: analysis)
        var k = 0
        let keypress = measure("what-if: one weight keypress (rescore + compare)", size: label, runs: max(runs, 20), warmup: 2) {
            k += 1
            whatIf.setWeight(.satisfaction, Double(k % 20))
        }
        let movers = measure("what-if: movers top 20 + tier shares", size: label, runs: max(runs, 20)) {
            _ = whatIf.comparison.movers(limit: 20)
            _ = whatIf.tierShares
        }
        return [keypress, movers]
    }
}
