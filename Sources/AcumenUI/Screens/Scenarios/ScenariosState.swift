import AcumenAnalytics
import AcumenCore

/// The scenario comparison screen: which two weight sets are compared (the workspace default,
/// a saved scenario, or the weights being tried on the Weights screen), the model's comparison
/// of their scorings, and the mover under the cursor.
public struct ScenariosState: Sendable {
    /// One comparable weight set.
    public struct Side: Sendable, Hashable {
        public var name: String
        public var weights: [Criterion: Double]
    }

    /// Positions in ``AppState/scenarioSides`` of the left (base) and right side.
    public var left = 0
    public var right = 1
    /// The mover under the cursor (index into ``movers``).
    public var mover = 0
    /// The model's comparison, right side against left side (``WhatIf/comparison``); nil until built.
    public var comparison: WhatIf?
    /// The movers of ``comparison`` (``RankMovers`` through the comparison), most moved first.
    public var movers: [Int] = []
    /// How many movers are listed (and can be opened).
    public static let moverLimit = 50

    public init() {}
}

extension AppState {
    /// What can be compared: the workspace default, every saved scenario, and the weights on
    /// trial on the Weights screen when they differ from the default.
    var scenarioSides: [ScenariosState.Side] {
        guard let m = workflow else { return [] }
        let defaults = m.analysis.settings.weights
        var out = [ScenariosState.Side(name: "default", weights: defaults)]
        out += m.scenarios.map { ScenariosState.Side(name: TextSanitizer.sanitize($0.name), weights: $0.weights) }
        if let w = weights.whatIf, w.weights != defaults, !m.scenarios.contains(where: { $0.weights == w.weights }) {
            out.append(ScenariosState.Side(name: "trial", weights: w.weights))
        }
        return out
    }

    /// Opens the comparison on top of the current screen: the default against the weights on
    /// trial, else the first saved scenario.
    mutating func openScenarios() -> [Effect] {
        guard workflow != nil else { return [] }
        let sides = scenarioSides
        scenarios.left = 0
        scenarios.right = sides.count > 1 ? sides.count - 1 : 0
        if let trial = sides.firstIndex(where: { $0.name == "trial" }) { scenarios.right = trial }
        scenarios.mover = 0
        compareScenarios()
        push(.scenarios)
        if sides.count < 2 { say("Only the default weights so far: S on the Weights screen saves a scenario") }
        return []
    }

    /// Builds the model's comparison of the two chosen sides (no figure is computed here).
    mutating func compareScenarios() {
        guard let m = workflow else { return }
        let sides = scenarioSides
        guard !sides.isEmpty else { return }
        scenarios.left = min(max(0, scenarios.left), sides.count - 1)
        scenarios.right = min(max(0, scenarios.right), sides.count - 1)
        let l = sides[scenarios.left], r = sides[scenarios.right]
        var w = WhatIf(analysis: m.analysis)
        w.use(l.weights, name: l.name)
        w.pinBaseline(name: l.name)
        w.use(r.weights, name: r.name)
        scenarios.comparison = w
        scenarios.movers = w.movers(limit: ScenariosState.moverLimit)
        scenarios.mover = min(scenarios.mover, max(0, scenarios.movers.count - 1))
    }

    /// Keys of the scenario comparison: `]`/`[` change the right side, `>`/`<` the left,
    /// `j`/`k` move among the movers, `Enter` opens the mover's profile (Esc comes back).
    mutating func runScenarios(_ c: Command) -> [Effect] {
        let n = scenarioSides.count
        guard n > 0 else { return [] }
        switch c {
        case .nextScenario: scenarios.right = (scenarios.right + 1) % n; compareScenarios()
        case .previousScenario: scenarios.right = (scenarios.right + n - 1) % n; compareScenarios()
        case .nextBaseScenario: scenarios.left = (scenarios.left + 1) % n; compareScenarios()
        case .previousBaseScenario: scenarios.left = (scenarios.left + n - 1) % n; compareScenarios()
        case .moveDown: scenarios.mover = min(scenarios.mover + 1, max(0, scenarios.movers.count - 1))
        case .moveUp: scenarios.mover = max(0, scenarios.mover - 1)
        case .top: scenarios.mover = 0
        case .bottom: scenarios.mover = max(0, scenarios.movers.count - 1)
        case .open:
            guard scenarios.mover < scenarios.movers.count else { return [] }
            return [.intent(.navigate(.profile(scenarios.movers[scenarios.mover])))]
        default: break
        }
        return []
    }
}
