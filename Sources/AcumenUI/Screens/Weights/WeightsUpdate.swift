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
        func weightText(_ x: Double) -> String { Format.fixed(x, digits: 0) }
        if weights.focus == .results, let effects = runWeightsResults(c) { return effects }
        switch c {
        case .nextSection, .previousSection:
            guard width < WeightsView.sideBySideWidth else { say("The results are beside the criteria at this width"); break }
            weights.focus = .results
            say("j/k scroll the tier moves, shares and movers · Tab goes back to the criteria")
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
        case .typeWeight, .open:
            input(.weight(criterion), "Weight of \(criterion.title) (0-\(Int(WhatIf.maxWeight))): ", text: weightText(w.weight(criterion)))
        case .pinBaseline:
            changeWhatIf("pin the baseline") { $0.pinBaseline() }
            say("Baseline pinned: \(weights.whatIf?.baselineName ?? "")")
        case .nextScenario, .previousScenario:
            let cycle = weightsCycle
            let step = c == .nextScenario ? 1 : -1
            let at = weightsCyclePosition
            let next = at.map { ($0 + step + cycle.count) % cycle.count } ?? (step > 0 ? 0 : cycle.count - 1)
            if cycle.count == 1, at == 0 { say("Only the default weights so far: S saves the current weights as a scenario"); break }
            let s = cycle[next]
            changeWhatIf(next == 0 ? "try the default weights" : "try scenario \(s.name)") { $0.use(s.weights, name: s.name, ranking: false) }
        case .renameScenario, .deleteScenario:
            guard let name = w.scenarioName, m.scenarios.contains(where: { $0.name == name }) else {
                say("\(c == .renameScenario ? "R renames" : "D deletes") the saved scenario being tried: ] or [ picks one")
                break
            }
            return c == .renameScenario ? askRenameScenario(name) : deleteScenario(name)
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
        let before = WeightsState.Step(weights: w.weights, scenarioName: w.scenarioName, label: label)
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
        let now = WeightsState.Step(weights: w.weights, scenarioName: w.scenarioName, label: step.label)
        w.use(step.weights, name: step.scenarioName, ranking: false)
        weights.whatIf = w
        weights.generation += 1
        if redo { weights.undoStack.append(now) } else { weights.redoStack.append(now) }
        say((redo ? "Redid: " : "Undid: ") + step.label)
        return true
    }

    /// The weight sets `]`/`[` step through: the workspace's default weights, then every saved
    /// scenario in order.
    var weightsCycle: [Scenario] {
        guard let m = workflow else { return [] }
        return [Scenario(name: "default", weights: m.analysis.settings.weights)] + m.scenarios
    }

    /// Where the weights on trial are in ``weightsCycle``: the scenario they were loaded from,
    /// or the default when they equal it; nil after an edit of a weight.
    var weightsCyclePosition: Int? {
        guard let w = weights.whatIf else { return nil }
        let cycle = weightsCycle
        if let name = w.scenarioName, let k = cycle.indices.dropFirst().first(where: { cycle[$0].name == name }) { return k }
        if w.scenarioName == "default" || w.scenarioName == nil && w.weights == cycle.first?.weights { return 0 }
        return nil
    }

    /// Keys while the stacked results have the focus: `j`/`k` scroll them; `Tab`, a key that
    /// changes a weight (it acts on the selected criterion, shown again) or the results moving
    /// beside the criteria at a wider size give the keys back to the criteria.
    /// - Returns: nil for a command the results do not take (the criteria's keys then apply).
    mutating func runWeightsResults(_ c: Command) -> [Effect]? {
        guard width < WeightsView.sideBySideWidth else { weights.focus = .criteria; return nil }
        let last = max(0, WeightsView.resultsLineCount(tiers: workflow?.analysis.tierNames.count ?? 0) - WeightsView.stackedRows(height: bodyHeight))
        switch c {
        case .nextSection, .previousSection: weights.focus = .criteria
        case .moveDown: weights.resultsTop = min(last, weights.resultsTop + 1)
        case .moveUp: weights.resultsTop = max(0, weights.resultsTop - 1)
        case .pageDown, .halfPageDown: weights.resultsTop = min(last, weights.resultsTop + max(1, bodyHeight / 2))
        case .pageUp, .halfPageUp: weights.resultsTop = max(0, weights.resultsTop - max(1, bodyHeight / 2))
        case .top: weights.resultsTop = 0
        case .bottom: weights.resultsTop = last
        default:
            // Any other key acts on the selected criterion: it comes back into view.
            weights.focus = .criteria
            return nil
        }
        return []
    }

    /// A rename recorded (or undone): the what-if and its undo steps take the new name.
    mutating func followWeightsRename(from: String, to: String) {
        if var w = weights.whatIf, w.scenarioName == from {
            w.use(w.weights, name: to)
            weights.whatIf = w
        }
        for k in weights.undoStack.indices where weights.undoStack[k].scenarioName == from { weights.undoStack[k].scenarioName = to }
        for k in weights.redoStack.indices where weights.redoStack[k].scenarioName == from { weights.redoStack[k].scenarioName = to }
    }
}
