import AcumenCore
/// Live what-if over the weights: a pinned baseline, the weights being tried, and everything
/// that follows from them (Δscore, Δrank, tier moves, the tier migration matrix, movers,
/// tier-share changes).
///
/// Cheap by construction: a weight change rescores from the scoring on screen
/// (``ScoreEngine/score(weights:ranking:from:)``: the precomputed normalised criteria
/// recombined, or only the changed columns when the sums are provably exact) and the ranking
/// can follow later (``ranking(isCancelled:)``, ``ranked(_:)``); the analysis itself is never
/// recomputed here.
public struct WhatIf: Sendable {
    public let analysis: PortfolioAnalysis
    /// The pinned baseline's weights and name (`default` for the workspace's weights).
    public private(set) var baselineWeights: [Criterion: Double]
    public private(set) var baselineName: String
    /// The weights being tried.
    public private(set) var weights: [Criterion: Double]
    /// The scenario these weights came from, if unchanged since loading it.
    public private(set) var scenarioName: String?
    /// Baseline against tried scoring.
    public private(set) var comparison: ScoringComparison

    /// Highest weight the screen allows.
    public static let maxWeight = 100.0

    /// Starts with the workspace weights both pinned and tried (every Δ zero).
    public init(analysis: PortfolioAnalysis) {
        self.analysis = analysis
        let w = analysis.settings.weights
        baselineWeights = w; weights = w; baselineName = "default"
        comparison = ScoringComparison(baseline: analysis.baseline, scenario: analysis.baseline)
    }

    /// The same baseline and tried weights over a new analysis of the workspace (after an
    /// edit changed ratings, overrides or the default weights).
    public func rebased(on analysis: PortfolioAnalysis) -> WhatIf {
        var w = WhatIf(analysis: analysis)
        w.baselineWeights = baselineWeights
        w.baselineName = baselineName
        w.weights = weights
        w.scenarioName = scenarioName
        w.comparison = ScoringComparison(baseline: analysis.rescored(weights: baselineWeights), scenario: analysis.rescored(weights: weights))
        return w
    }

    /// The pinned scoring.
    public var baseline: Scoring { comparison.baseline }
    /// The scoring under the tried weights.
    public var scoring: Scoring { comparison.scenario }

    /// True when the tried weights differ from the baseline's.
    public var isChanged: Bool { Self.normalised(weights) != Self.normalised(baselineWeights) }

    /// The weight of one criterion now (0 when absent).
    public func weight(_ c: Criterion) -> Double { weights[c] ?? 0 }

    /// Sets one weight (clamped to 0…``maxWeight``) and rescores.
    /// - Parameter ranking: also re-rank (Δrank, movers); without it only scores, tiers, cut-offs
    ///   and the migration matrix follow, and ``ranked(_:)`` adopts the ranking later.
    public mutating func setWeight(_ c: Criterion, _ w: Double, ranking: Bool = true) {
        var next = weights
        next[c] = min(Self.maxWeight, max(0, w.isFinite ? w : 0))
        use(next, name: nil, ranking: ranking)
    }

    /// Tries a whole weight set (a scenario, or the baseline to revert) and rescores.
    /// - Parameter ranking: see ``setWeight(_:_:ranking:)``.
    /// - Complexity: O(n · active criteria) plus O(n) selection of the tier cut-offs; O(n · 5)
    ///   more for the ranking (a radix sort).
    public mutating func use(_ w: [Criterion: Double], name: String?, ranking: Bool = true) {
        weights = w
        scenarioName = name
        if w == comparison.scenario.weights, comparison.scenario.isRanked || !ranking {
            return  // the same weights score the same (a rename keeps the scoring)
        } else if w == comparison.baseline.weights {
            var base = comparison.baseline
            if base.sums.isEmpty, analysis.engine.update(from: comparison.scenario, to: w) != nil {
                // Back at the baseline: keep its exact sums, so the next change updates them too.
                base = base.with(sums: analysis.engine.score(weights: w, ranking: false, from: comparison.scenario).sums)
            }
            comparison = ScoringComparison(baseline: base, scenario: base)
        } else {
            // From the scoring on screen: a change of a few weights updates its exact sums.
            let s = analysis.engine.score(weights: w, ranking: ranking, from: comparison.scenario)
            comparison = ScoringComparison(baseline: comparison.baseline, scenario: s)
        }
    }

    /// Whether the tried scoring is ranked (Δrank and movers known); false after an unranked
    /// change until ``ranked(_:)`` adopts the ranking computed off the input path.
    public var isRanked: Bool { comparison.scenario.isRanked }

    /// Adopts a ranked scoring of the tried weights (computed in the background from
    /// ``analysis`` with ``weights``); a scoring of other weights (the user moved on) is ignored.
    /// - Returns: whether it was adopted.
    @discardableResult
    public mutating func ranked(_ s: Scoring) -> Bool {
        guard s.isRanked, s.weights == weights, s.count == comparison.scenario.count else { return false }
        comparison = comparison.ranked(s, movers: Self.keptMovers)
        return true
    }

    /// Movers kept with an adopted ranking (``ranked(_:)``): a frame lists at most these
    /// without scanning every customer again.
    public static let keptMovers = 200

    /// The ranking of the tried weights' scoring (a radix sort of its rank keys: no rescore),
    /// for a background job to hand to ``ranked(_:)``; nil when `isCancelled` said so first.
    /// Also computes what proves the next weight changes exact (``ScoreEngine/warmExactness()``).
    /// - Complexity: O(n) per digit pass, ≤ 5 passes, one core.
    public func ranking(isCancelled: () -> Bool = { false }) -> Scoring? {
        let engine = analysis.engine
        if isCancelled() { return nil }
        engine.warmExactness()
        return engine.ranked(comparison.scenario, isCancelled: isCancelled)
    }

    /// Returns to the baseline's weights: every Δ becomes zero.
    public mutating func revert() {
        weights = baselineWeights
        scenarioName = nil
        comparison = ScoringComparison(baseline: comparison.baseline, scenario: comparison.baseline)
    }

    /// Pins the tried weights as the new baseline.
    public mutating func pinBaseline(name: String? = nil) {
        baselineWeights = weights
        baselineName = name ?? scenarioName ?? "pinned"
        comparison = ScoringComparison(baseline: comparison.scenario, scenario: comparison.scenario)
    }

    /// Each tier's share of customers (0–1) under the baseline and the tried weights (rows and
    /// columns of the migration matrix, over the customer count).
    public var tierShares: [(tier: String, baseline: Double, scenario: Double)] {
        let n = Double(max(1, analysis.count))
        let m = comparison.migration
        return analysis.tierNames.indices.map { t in
            let before = t < m.count ? m[t].reduce(0, +) : 0
            let after = m.reduce(0) { $0 + (t < $1.count ? $1[t] : 0) }
            return (analysis.tierNames[t], Double(before) / n, Double(after) / n)
        }
    }

    /// The `limit` customers whose rank moved most (|Δrank| descending, then rank now): the
    /// shared rule of ``RankMovers``, through ``ScoringComparison/movers(limit:direction:)``.
    /// - Complexity: O(n · log limit) typical; no sort of all movers.
    public func movers(limit: Int) -> [Int] { comparison.movers(limit: limit) }

    /// The scenario with the tried weights under a name.
    public func scenario(named name: String) -> Scenario { Scenario(name: name, weights: Self.normalised(weights)) }

    /// Weights without zero entries, so absent and 0 compare equal.
    static func normalised(_ w: [Criterion: Double]) -> [Criterion: Double] { w.filter { $0.value > 0 } }
}
