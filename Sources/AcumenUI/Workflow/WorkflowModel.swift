import AcumenAnalytics
import AcumenCore
import AcumenStore

/// The workspace and its analysis as the triage and weights screens need them, held in
/// ``AppState`` so the reducer can build edits and rescore what-ifs without I/O.
///
/// A value: the shell sends a fresh one after every recorded edit (``WorkflowEvent/edited(_:)``).
public struct WorkflowModel: Sendable {
    public var workspace: Workspace
    public var analysis: PortfolioAnalysis
    /// Score, tier and recommendation per customer under the workspace's weights.
    public var facts: ReviewFactsTable
    public var rules: TriageSettings
    /// The session's undo/redo state.
    public var undoLabel: String?
    public var redoLabel: String?
    /// Why edits cannot be made, if they cannot.
    public var readOnlyReason: String?
    /// Increases with every new analysis, so screens holding derived values rebuild them.
    public var analysisRevision = 0
    /// Whether the journal holds edits not yet saved (e.g. replayed after a crash).
    public var hasPendingEdits = false

    /// A model for a workspace and its analysis (facts under the workspace's weights).
    public init(workspace: Workspace, analysis: PortfolioAnalysis, facts: ReviewFactsTable? = nil) {
        self.workspace = workspace
        self.analysis = analysis
        self.facts = facts ?? ReviewFactsTable(ScoredReviewFacts(analysis))
        rules = TriageSettings(workspace.settings)
    }

    /// The triage state of customer `k` against the current facts.
    public func reviewState(_ k: Int) -> ReviewState {
        ReviewState(review: workspace.customers[k].review, index: k, facts: facts, rules: rules)
    }

    /// Number of customers.
    public var count: Int { min(workspace.customers.count, facts.count) }
}
