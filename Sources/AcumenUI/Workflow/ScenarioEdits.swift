import AcumenAnalytics
import AcumenCore

/// Saving, renaming and deleting saved scenarios, shared by the Weights and Scenarios screens
/// (so it lives with the workflow, not in either screen): each is an edit of the workspace (journaled, undoable with `u`), checked here first so a bad name
/// keeps the prompt open with the reason, and checked again by the model.
extension AppState {
    /// Why `name` cannot be given to a scenario (other than `keeping`, the one being renamed),
    /// or nil: an invalid name (``Scenario/nameProblem(_:)``) or one another scenario has.
    func scenarioNameProblem(_ name: String, keeping: String? = nil) -> String? {
        if let why = Scenario.nameProblem(name) { return "\"\(name)\" cannot name a scenario: \(why)" }
        if name != keeping, workflow?.scenarios.contains(where: { $0.name == name }) == true {
            return "A scenario named \"\(name)\" already exists: pick another name"
        }
        return nil
    }

    /// `R`: asks for the new name of a saved scenario, pre-filled with the old one (selected,
    /// so typing replaces it).
    mutating func askRenameScenario(_ name: String) -> [Effect] {
        input(.renameScenario(name), "Rename scenario \"\(TextSanitizer.sanitize(name))\" to: ", text: name)
        return []
    }

    /// Submits a rename: the same name changes nothing; a bad or taken name keeps the prompt open.
    mutating func submitRename(from old: String, to name: String) -> [Effect] {
        if name == old { overlay = nil; say("Scenario \"\(name)\" keeps its name"); return [] }
        if let why = scenarioNameProblem(name, keeping: old) { say(why, error: true); return [] }
        overlay = nil
        return requestEdit(.plain(.renameScenario(from: old, to: name), label: "rename scenario"))
    }

    /// `D`: deletes a saved scenario at once; the notice says `u` brings it back (an edit of the
    /// session like any other).
    mutating func deleteScenario(_ name: String) -> [Effect] {
        requestEdit(.plain(.deleteScenario(name: name), label: "delete scenario"))
    }

    /// After an edit (or its undo) renamed or deleted scenarios, the screens follow: the
    /// what-if and its steps take the new name, and a comparison side keeps showing the same
    /// scenario under its new name (a deleted one falls back, ``compareScenarios()``).
    /// - Parameter reanalysed: the edit changed the analysis (the comparison is rebuilt on it).
    mutating func followScenarioEdit(_ e: Edit, reanalysed: Bool = false) {
        if reanalysed, scenarios.comparison != nil { compareScenarios() }
        switch e {
        case .batch(let edits): edits.forEach { followScenarioEdit($0) }
        case .renameScenario(let from, let to):
            followWeightsRename(from: from, to: to)
            followScenariosRename(from: from, to: to)
        case .deleteScenario, .saveScenario:
            if scenarios.comparison != nil { compareScenarios() }
        default: break
        }
    }
}
