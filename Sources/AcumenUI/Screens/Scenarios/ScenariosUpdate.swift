import AcumenAnalytics
import AcumenCore

extension AppState {
    /// What can be compared: the workspace default, every saved scenario, and the weights on
    /// trial on the Weights screen when they differ from the default and from every scenario.
    var scenarioSides: [ScenariosState.Side] {
        guard let m = workflow else { return [] }
        let defaults = m.analysis.settings.weights
        var out = [ScenariosState.Side(id: .defaults, name: "default", weights: defaults)]
        out += m.scenarios.map { ScenariosState.Side(id: .saved($0.name), name: TextSanitizer.sanitize($0.name), weights: $0.weights) }
        // Weights compare without their zero entries (a saved scenario keeps none).
        func same(_ a: [Criterion: Double], _ b: [Criterion: Double]) -> Bool { a.filter { $0.value > 0 } == b.filter { $0.value > 0 } }
        if let w = weights.whatIf, !same(w.weights, defaults), !m.scenarios.contains(where: { same($0.weights, w.weights) }) {
            out.append(ScenariosState.Side(id: .trial, name: "trial", weights: w.weights))
        }
        return out
    }

    /// Opens the comparison on top of the current screen: the default against the weights on
    /// trial, else the last saved scenario; the cursor on the first mover.
    mutating func openScenarios() -> [Effect] {
        guard workflow != nil else { return [] }
        let sides = scenarioSides
        scenarios.left = .defaults
        scenarios.right = sides.last?.id ?? .defaults
        compareScenarios()
        scenarios.selectFirstMover()
        push(.scenarios)
        if sides.count < 2 { say("Only the default weights so far: S on the Weights screen saves a scenario") }
        return []
    }

    /// Builds the model's comparison of the two chosen sides (no figure is computed here). A
    /// side that no longer exists (a deleted scenario) falls back to the default (left) or the
    /// last weight set (right).
    mutating func compareScenarios() {
        guard let m = workflow else { return }
        let sides = scenarioSides
        guard let first = sides.first, let last = sides.last else { return }
        let l = sides.first { $0.id == scenarios.left } ?? first
        let r = sides.first { $0.id == scenarios.right } ?? last
        scenarios.left = l.id
        scenarios.right = r.id
        var w = WhatIf(analysis: m.analysis)
        w.use(l.weights, name: l.name)
        w.pinBaseline(name: l.name)
        w.use(r.weights, name: r.name)
        scenarios.comparison = w
        scenarios.movers = w.movers(limit: ScenariosState.moverLimit)
        scenarios.clamp()
    }

    /// The side `step` places after `id` in the cycle of weight sets.
    func scenarioSide(after id: ScenariosState.SideID, step: Int) -> ScenariosState.SideID {
        let sides = scenarioSides
        guard !sides.isEmpty else { return id }
        let at = sides.firstIndex { $0.id == id } ?? 0
        return sides[(at + step + sides.count * 2) % sides.count].id
    }

    /// Keys of the scenario comparison: `]`/`[` change the right side, `>`/`<` the left;
    /// `j`/`k`/`h`/`l` move over the tier cells and the movers; `Enter` lists a cell's accounts
    /// or opens a mover's profile (through the root: ``Intent/navigate(_:)``; Esc comes back);
    /// `R` renames and `D` deletes the saved scenario on the right (else on the left).
    mutating func runScenarios(_ c: Command) -> [Effect] {
        guard !scenarioSides.isEmpty else { return [] }
        switch c {
        case .nextScenario, .previousScenario:
            scenarios.right = scenarioSide(after: scenarios.right, step: c == .nextScenario ? 1 : -1)
            compareScenarios()
        case .nextBaseScenario, .previousBaseScenario:
            scenarios.left = scenarioSide(after: scenarios.left, step: c == .nextBaseScenario ? 1 : -1)
            compareScenarios()
        case .moveDown: scenarios.move(1)
        case .moveUp: scenarios.move(-1)
        case .pageDown, .halfPageDown: for _ in 0..<5 { scenarios.move(1) }
        case .pageUp, .halfPageUp: for _ in 0..<5 { scenarios.move(-1) }
        case .columnLeft: scenarios.moveColumn(-1)
        case .columnRight: scenarios.moveColumn(1)
        case .top: scenarios.cursor = 0; scenarios.cellColumn = 0
        case .bottom: scenarios.cursor = max(0, scenarios.itemCount - 1)
        case .open: return openScenarioItem()
        case .renameScenario, .deleteScenario:
            let ids = [scenarios.right, scenarios.left]
            guard let name = ids.lazy.compactMap({ if case .saved(let n) = $0 { n } else { nil } }).first else {
                say("Neither side is a saved scenario: ] [ or > < pick one (default and trial cannot be \(c == .renameScenario ? "renamed" : "deleted"))")
                return []
            }
            return c == .renameScenario ? askRenameScenario(name) : deleteScenario(name)
        default: break
        }
        return []
    }

    /// `Enter`: a tier cell lists its accounts, a mover opens its profile. Both go by customer
    /// id through the root (``Intent/navigate(_:)``), never by writing
    /// the accounts list, so this screen's sides and cursor are what `Esc` comes back to.
    mutating func openScenarioItem() -> [Effect] {
        guard let w = scenarios.comparison else { return [] }
        let customers = w.analysis.customers
        if let m = scenarios.mover {
            let k = scenarios.movers[m]
            guard k < customers.count, let row = table.row(id: customers[k].id, near: k) else { return [] }
            return [.intent(.navigate(.profile(row)))]
        }
        guard let (from, to) = scenarios.cell else { return [] }
        let names = w.analysis.tierNames
        let tiers = (from < names.count ? names[from] : "?") + " → " + (to < names.count ? names[to] : "?")
        let rows = w.comparison.customers(from: from, to: to)
        guard !rows.isEmpty else { say("No accounts are \(tiers) from \(w.baselineName) to \(w.scenarioName ?? "")"); return [] }
        let title = "\(tiers) (\(w.baselineName) → \(w.scenarioName ?? ""))"
        return [.intent(.navigate(.accounts(filter: "", scope: AccountScope(title: title, ids: rows.filter { $0 < customers.count }.map { customers[$0].id }))))]
    }

    /// A saved scenario was renamed (or a rename undone): a side showing it keeps showing it
    /// under its new name.
    mutating func followScenariosRename(from: String, to: String) {
        if scenarios.left == .saved(from) { scenarios.left = .saved(to) }
        if scenarios.right == .saved(from) { scenarios.right = .saved(to) }
        if scenarios.comparison != nil { compareScenarios() }
    }
}
