import AcumenAnalytics
import AcumenCore
import AcumenStore

/// The weights (what-if) screen.
public struct WeightsState: Sendable {
    /// One change of the what-if's weights, undoable on this screen before any edit of the
    /// workspace (`u: undo Revenue weight 15 → 18`).
    public struct Step: Sendable {
        /// The weights and scenario name before the change.
        public var weights: [Criterion: Double]
        public var scenarioName: String?
        /// What the change did, e.g. `Revenue weight 15 → 18`.
        public var label: String
        /// True for an edit of the workspace made here (weights applied, a scenario saved):
        /// undoing it undoes the session's step, in the order the user made them.
        public var isSessionEdit = false
    }

    /// Which part has the keys when the results are stacked below the criteria (under
    /// ``WeightsView/sideBySideWidth`` columns): `Tab` switches.
    public enum Focus: Sendable, Hashable {
        /// `j`/`k` select a criterion.
        case criteria
        /// `j`/`k` scroll the matrix, shares and movers.
        case results
    }

    /// The live what-if; built from the analysis when the screen opens.
    public var whatIf: WhatIf?
    /// The analysis revision the what-if was built on.
    public var revision = -1
    /// Increases with every change of the what-if (so derived Δ columns know to follow).
    public var generation = 0
    /// Selected criterion (index into ``Criterion/allCases``).
    public var selected = 0
    /// Whether the accounts and portfolio screens show Δ against the baseline (`b`).
    public var showDeltas = false
    /// Changes of the what-if that `u` undoes on this screen (oldest first), and `r` redoes.
    public var undoStack: [Step] = []
    public var redoStack: [Step] = []
    /// The part with the keys, and how far the stacked results are scrolled (lines).
    public var focus = Focus.criteria
    public var resultsTop = 0

    public init() {}
}
