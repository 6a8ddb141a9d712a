import AcumenAnalytics
import AcumenCore
import AcumenStore
import Foundation

/// The analysis alone (issue 16: it must fit the half-second first screen): wall and CPU time of
/// ``PortfolioAnalyzer/analyze(_:asOf:clv:)`` on an opened workspace, and the first screen, without the rest of the run.
extension BenchSteps {
    func analysisSteps() throws -> [Measurement] {
        let store = try WorkspaceStore.open(folder, options: .init(readOnly: true))
        defer { store.close() }
        let ws = store.workspace
        let asOf = self.asOf ?? ws.asOf(fallback: (ws.lastTransactionDay ?? Day(ordinal: 0)).adding(days: 1))
        _ = PortfolioAnalyzer.analyze(ws, asOf: asOf)
        var wall: [Double] = [], cpu: [Double] = []
        for _ in 0..<max(runs, 5) {
            let t = DispatchTime.now(), c = cpuMilliseconds()
            _ = PortfolioAnalyzer.analyze(ws, asOf: asOf)
            wall.append(elapsedMilliseconds(since: t)); cpu.append(cpuMilliseconds() - c)
        }
        return try firstScreenPhases() + [Measurement(name: "full analysis (no CLV)", size: label, samples: wall),
                Measurement(name: "full analysis (no CLV): CPU ms, all threads", size: label, samples: cpu)]
    }
}
