import AcumenAnalytics
import AcumenCore
import AcumenStore

/// The weights (what-if) screen.
public struct WeightsState: Sendable {
    /// The live what-if; built from the analysis when the screen opens.
    public var whatIf: WhatIf?
    /// The analysis revision the what-if was built on.
    public var revision = -1
    /// Selected criterion (index into ``Criterion/allCases``).
    public var selected = 0
    /// Position of the saved scenario being tried, if one is.
    public var scenario: Int?
    /// Whether the accounts and portfolio screens show Δ against the baseline (`b`).
    public var showDeltas = false

    public init() {}
}
