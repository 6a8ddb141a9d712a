/// Tier cut-offs: by share of customers ranked by score, or by absolute score bands.
public struct TierSettings: Hashable, Sendable {
    public enum Mode: String, Sendable, CaseIterable { case share, score }
    /// One tier, best first. In `share` mode `share` is the fraction of customers (the last
    /// tier takes the rest); in `score` mode `minScore` is the lowest score that qualifies.
    public struct Band: Hashable, Sendable {
        public var name: String
        public var share: Double
        public var minScore: Double
        public init(name: String, share: Double, minScore: Double) { self.name = name; self.share = share; self.minScore = minScore }
    }
    public var mode: Mode = .share
    public var bands: [Band] = [
        Band(name: "Key", share: 0.10, minScore: 75), Band(name: "Growth", share: 0.20, minScore: 60),
        Band(name: "Core", share: 0.40, minScore: 40), Band(name: "Tail", share: 0.30, minScore: 0),
    ]
    public init() {}
}

/// ABC / Pareto classification thresholds.
public struct ABCSettings: Hashable, Sendable {
    /// The value measure customers are ranked by.
    public enum Measure: String, Sendable, CaseIterable { case revenue, contribution }
    public var measure: Measure = .revenue
    /// Cumulative share before a customer below which it is class A.
    public var a = 0.80
    /// Cumulative share before a customer below which it is class B (else C).
    public var b = 0.95
    public init() {}
}

/// RFM segment map: the first rule whose recency and frequency ranges contain a customer's
/// R and F scores names its segment.
public struct RFMSettings: Hashable, Sendable {
    public struct Rule: Hashable, Sendable {
        public var segment: String
        public var recency: ClosedRange<Int>
        public var frequency: ClosedRange<Int>
        public init(_ segment: String, r: ClosedRange<Int>, f: ClosedRange<Int>) {
            self.segment = segment; recency = r; frequency = f
        }
    }
    /// The common 5×5 recency × frequency map; covers all 25 cells.
    public var segments: [Rule] = [
        Rule("Champions", r: 5...5, f: 4...5), Rule("Loyal", r: 3...4, f: 4...5),
        Rule("Potential loyalists", r: 4...5, f: 2...3), Rule("New", r: 5...5, f: 1...1),
        Rule("Promising", r: 4...4, f: 1...1), Rule("Need attention", r: 3...3, f: 3...3),
        Rule("About to sleep", r: 3...3, f: 1...2), Rule("Can't lose", r: 1...2, f: 5...5),
        Rule("At risk", r: 1...2, f: 3...4), Rule("Hibernating", r: 1...2, f: 1...2),
    ]
    public init() {}
}

/// Rules of the value × potential strategy grid.
public struct StrategySettings: Hashable, Sendable {
    /// Criteria whose normalised mean is the *value* axis.
    public var valueCriteria: [Criterion] = [.monetary, .contribution, .predictedCLV]
    /// Criteria whose normalised mean is the *potential* axis.
    public var potentialCriteria: [Criterion] = [.trend, .marketPotential, .cooperation, .needsFit]
    /// Value at or above this (0–100) is high.
    public var valueCut = 50.0
    /// Potential at or above this (0–100) is high.
    public var potentialCut = 50.0
    /// Below break-even forces cut cost unless potential reaches this.
    public var breakEvenPotentialCut = 70.0
    /// The concrete actions listed for each strategy.
    public var actions: [Strategy: [String]] = [
        .grow: ["Offer a richer value proposition", "Give personal service from a named contact", "Reward loyalty"],
        .maintain: ["Serve efficiently through low-cost direct channels", "Offer bundles"],
        .nurture: ["Educate and support", "Tie incentives to the behaviour wanted"],
        .cutCost: ["Move to standard processes", "Cross-sell", "Withdraw costly service or decline"],
    ]
    public init() {}
}

/// Predicted lifetime value settings.
public struct CLVSettings: Hashable, Sendable {
    /// Prediction horizon in months.
    public var horizonMonths = 12
    /// Annual discount rate (0.10 = 10 % a year).
    public var annualDiscountRate = 0.10
    /// Whether to fit BG/NBD and Gamma-Gamma at all.
    public var enabled = true
    public init() {}
}
