import AcumenAnalytics
import AcumenCore
import AcumenStore

extension AppState {
    /// Builds the what-if from the analysis when the screen opens or the analysis changed;
    /// a what-if in progress is kept (rebased when the analysis changed).
    mutating func prepareWeights() {
        guard let m = workflow else { return }
        if let w = weights.whatIf {
            if weights.revision != m.analysisRevision {
                weights.whatIf = w.rebased(on: m.analysis)
                weights.generation += 1
            }
        } else {
            weights.whatIf = WhatIf(analysis: m.analysis)
            weights.generation += 1
        }
        weights.revision = m.analysisRevision
    }

    /// The criterion selected on the weights screen.
    var selectedCriterion: Criterion {
        let all = Criterion.allCases
        return all[min(max(0, weights.selected), all.count - 1)]
    }

    /// Keys of the weights screen: every change rescores at once (recombining the precomputed
    /// normalised criteria; the analysis is not recomputed) and is a step of the what-if that
    /// `u` undoes here first. Only scores, tiers and cut-offs are computed on the key; the full
    /// re-rank (Δrank, movers) follows off the input path (`Runtime.rankWhatIf`).
    mutating func runWeights(_ c: Command) -> [Effect]? {
        guard let m = workflow else { return [] }
        prepareWeights()
        guard let w = weights.whatIf else { return [] }
        let count = Criterion.allCases.count
        let criterion = selectedCriterion
        let scenarios = m.scenarios
        func weightText(_ x: Double) -> String { Format.fixed(x, digits: 0) }
        switch c {
        case .moveDown: weights.selected = min(count - 1, weights.selected + 1)
        case .moveUp: weights.selected = max(0, weights.selected - 1)
        case .top: weights.selected = 0
        case .bottom: weights.selected = count - 1
        case .pageDown, .halfPageDown: weights.selected = min(count - 1, weights.selected + 5)
        case .pageUp, .halfPageUp: weights.selected = max(0, weights.selected - 5)
        case .increaseWeight, .decreaseWeight, .resetWeight:
            let old = w.weight(criterion)
            let new = c == .increaseWeight ? (old + 1).rounded(.down) : c == .decreaseWeight ? (old - 1).rounded(.up) : w.baselineWeights[criterion] ?? 0
            changeWhatIf("\(criterion.title) weight \(weightText(old)) → \(weightText(min(WhatIf.maxWeight, max(0, new))))") { $0.setWeight(criterion, new, ranking: false) }
        case .revertWeights:
            changeWhatIf("revert to the baseline") { $0.revert() }
            weights.scenario = nil
        case .typeWeight, .open:
            input(.weight(criterion), "Weight of \(criterion.title) (0-\(Int(WhatIf.maxWeight))): ", text: weightText(w.weight(criterion)))
        case .pinBaseline:
            changeWhatIf("pin the baseline") { $0.pinBaseline() }
            say("Baseline pinned: \(weights.whatIf?.baselineName ?? "")")
        case .nextScenario, .previousScenario:
            guard !scenarios.isEmpty else { say("No saved scenarios yet: S saves the current weights as one"); break }
            let step = c == .nextScenario ? 1 : -1
            let next = weights.scenario.map { ($0 + step + scenarios.count) % scenarios.count } ?? (step > 0 ? 0 : scenarios.count - 1)
            changeWhatIf("try scenario \(scenarios[next].name)") { $0.use(scenarios[next].weights, name: scenarios[next].name, ranking: false) }
            weights.scenario = next
        case .saveScenario:
            input(.scenarioName, "Save scenario as: ", text: w.scenarioName ?? "")
        case .applyScenario:
            return confirmApplyWeights(w, count: m.count)
        default: return nil
        }
        return []
    }

    /// Changes the what-if as one undoable step of the weights screen.
    mutating func changeWhatIf(_ label: String, _ change: (inout WhatIf) -> Void) {
        guard var w = weights.whatIf else { return }
        let before = WeightsState.Step(weights: w.weights, scenarioName: w.scenarioName, scenario: weights.scenario, label: label)
        // Pinning changes the baseline, which a step does not restore: it starts a new history.
        let pins = label == "pin the baseline"
        change(&w)
        weights.whatIf = w
        weights.generation += 1
        if pins { weights.undoStack.removeAll() } else { weights.undoStack.append(before) }
        weights.redoStack.removeAll()
    }

    /// `u` / `r` on the weights screen: undoes or redoes the last change of the what-if.
    /// - Returns: false when there is none, or the last step here was an edit of the workspace
    ///   (the session's undo applies then).
    mutating func undoWhatIf(redo: Bool) -> Bool {
        let stack = redo ? weights.redoStack : weights.undoStack
        if let last = stack.last, last.isSessionEdit {
            // Move the marker across so the order of what-if and workspace steps stays as made.
            if redo { weights.undoStack.append(weights.redoStack.removeLast()) } else { weights.redoStack.append(weights.undoStack.removeLast()) }
            return false
        }
        guard var w = weights.whatIf, let step = redo ? weights.redoStack.popLast() : weights.undoStack.popLast() else { return false }
        let now = WeightsState.Step(weights: w.weights, scenarioName: w.scenarioName, scenario: weights.scenario, label: step.label)
        w.use(step.weights, name: step.scenarioName, ranking: false)
        weights.whatIf = w
        weights.scenario = step.scenario
        weights.generation += 1
        if redo { weights.undoStack.append(now) } else { weights.redoStack.append(now) }
        say((redo ? "Redid: " : "Undid: ") + step.label)
        return true
    }
}
