import AcumenAnalytics
import AcumenCore
import AcumenStore

extension AppState {
    /// Builds the what-if from the analysis when the screen opens or the analysis changed;
    /// a what-if in progress is kept (rebased when the analysis changed).
    mutating func prepareWeights() {
        guard let m = workflow else { return }
        if let w = weights.whatIf {
            if weights.revision != m.analysisRevision { weights.whatIf = w.rebased(on: m.analysis) }
        } else {
            weights.whatIf = WhatIf(analysis: m.analysis)
        }
        weights.revision = m.analysisRevision
    }

    /// The criterion selected on the weights screen.
    var selectedCriterion: Criterion {
        let all = Criterion.allCases
        return all[min(max(0, weights.selected), all.count - 1)]
    }

    /// Keys of the weights screen: every change rescores at once (recombining the precomputed
    /// normalised criteria; the analysis is not recomputed).
    mutating func runWeights(_ c: Command) -> [Effect]? {
        guard let m = workflow else { return [] }
        prepareWeights()
        guard var w = weights.whatIf else { return [] }
        defer { if weights.showDeltas { fillBaselineDeltas() } }
        defer { weights.whatIf = w }
        let count = Criterion.allCases.count
        let criterion = selectedCriterion
        let scenarios = m.workspace.settings.scenarios
        switch c {
        case .moveDown: weights.selected = min(count - 1, weights.selected + 1)
        case .moveUp: weights.selected = max(0, weights.selected - 1)
        case .top: weights.selected = 0
        case .bottom: weights.selected = count - 1
        case .pageDown, .halfPageDown: weights.selected = min(count - 1, weights.selected + 5)
        case .pageUp, .halfPageUp: weights.selected = max(0, weights.selected - 5)
        case .increaseWeight: w.setWeight(criterion, (w.weight(criterion) + 1).rounded(.down))
        case .decreaseWeight: w.setWeight(criterion, (w.weight(criterion) - 1).rounded(.up))
        case .resetWeight: w.setWeight(criterion, w.baselineWeights[criterion] ?? 0)
        case .revertWeights:
            w.revert()
            weights.scenario = nil
        case .typeWeight, .open:
            input(.weight(criterion), "Weight of \(criterion.title) (0-\(Int(WhatIf.maxWeight))): ", text: Format.fixed(w.weight(criterion), digits: 0))
        case .pinBaseline:
            w.pinBaseline()
            say("Baseline pinned: \(w.baselineName)")
        case .nextScenario, .previousScenario:
            guard !scenarios.isEmpty else { say("No saved scenarios yet: S saves the current weights as one"); break }
            let step = c == .nextScenario ? 1 : -1
            let next = weights.scenario.map { ($0 + step + scenarios.count) % scenarios.count } ?? (step > 0 ? 0 : scenarios.count - 1)
            weights.scenario = next
            w.use(scenarios[next].weights, name: scenarios[next].name)
        case .saveScenario:
            input(.scenarioName, "Save scenario as: ", text: w.scenarioName ?? "")
        case .applyScenario:
            return confirmApplyWeights(w, count: m.count)
        default: return nil
        }
        return []
    }
}
