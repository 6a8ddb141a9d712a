import AcumenAnalytics
import AcumenCore
import AcumenStore

/// What the reducer knows of the model: the analysis (an immutable snapshot, replaced whole
/// when the runtime re-analyses), its review facts, and the session's undo state.
///
/// It holds no ``Workspace``: the runtime owns the only one and derives the screens' view
/// models from it (``AccountTable`` rows, ``ProfileFacts``, ``TriageCard``); a fresh value
/// arrives with every recorded edit (``WorkflowEvent/edited(_:)``).
public struct WorkflowModel: Sendable {
    public var analysis: PortfolioAnalysis
    /// Score, tier and recommendation per customer under the workspace's weights (read from
    /// the analysis' arrays when asked: no per-customer copy).
    public var facts: ScoredReviewFacts
    public var rules: TriageSettings
    /// The saved scenarios of the workspace's settings.
    public var scenarios: [Scenario]
    /// Whether tiers are score bands (then tier shares move with weights).
    public var tiersAreScoreBands: Bool
    /// The session's undo/redo labels and what the steps change (which screens show them).
    public var undoLabel: String?
    public var redoLabel: String?
    public var undoScope: EditScope?
    public var redoScope: EditScope?
    /// Why edits cannot be made, if they cannot.
    public var readOnlyReason: String?
    /// Increases with every new analysis, so screens holding derived values rebuild them.
    public var analysisRevision = 0
    /// Whether the journal holds edits not yet saved (e.g. replayed after a crash).
    public var hasPendingEdits = false
    /// The workspace's saved analysis date (`asOf` in settings.json), if set.
    public var savedAsOf: Day?

    /// A model for an analysis and the workspace settings it was made under.
    public init(analysis: PortfolioAnalysis, settings: Settings, facts: ScoredReviewFacts? = nil) {
        self.analysis = analysis
        self.facts = facts ?? ScoredReviewFacts(analysis)
        rules = TriageSettings(settings)
        scenarios = settings.scenarios
        tiersAreScoreBands = settings.tiers.mode == .score
        savedAsOf = settings.asOf
    }

    /// Number of customers.
    public var count: Int { facts.count }
}

/// What an edit changes, and so which screens show it (undo asks before acting where the
/// step is not visible).
public enum EditScope: Hashable, Sendable {
    /// Weights or scenarios (the weights screen).
    case weights
    /// A triage decision (triage, the accounts list's Triage column, the profile's history).
    case triage
    /// An account's master data or ratings (accounts, profile, triage card).
    case account

    /// The scope of an edit (a batch: its first member's).
    public init(_ e: Edit) {
        switch e {
        case .setWeights, .saveScenario, .deleteScenario, .renameScenario: self = .weights
        case .setAsOf: self = .account
        case .setReview: self = .triage
        case .batch(let edits): self = edits.first.map(EditScope.init) ?? .account
        default: self = .account
        }
    }

    /// Whether a screen shows the effect of such a step.
    public func isVisible(on s: Screen) -> Bool {
        switch (self, s) {
        case (.weights, .weights), (.weights, .scenarios), (.weights, .accounts), (.weights, .portfolio): true
        case (.weights, _): false
        case (_, .weights), (.triage, .portfolio): false
        default: true
        }
    }
}
