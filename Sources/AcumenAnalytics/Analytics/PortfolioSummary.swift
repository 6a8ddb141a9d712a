import AcumenCore
/// Portfolio totals per tier, ABC class, strategy and RFM segment.
///
/// Shares are fractions 0–1 of the portfolio total: customers / n, revenue / Σ revenue,
/// contribution / Σ contribution (0 when the total is 0; with losses a group's contribution
/// share can be negative or above 1, and the shares still add up to 1).
public struct PortfolioSummary: Sendable, Hashable {
    /// One group's totals.
    public struct Group: Sendable, Hashable {
        public var name: String
        public var customers: Int
        /// Window revenue and contribution (minor units).
        public var revenue: Int64
        public var contribution: Int64
        public var customerShare: Double
        public var revenueShare: Double
        public var contributionShare: Double
    }

    public var customers: Int
    public var revenue: Int64
    public var margin: Int64
    public var contribution: Int64
    /// Customers below break-even.
    public var belowBreakEven: Int
    /// Per tier (effective tiers of the scoring), best first.
    public var tiers: [Group]
    /// Per ABC class A, B, C.
    public var abc: [Group]
    /// The ABC measure and the top-20 % share of it.
    public var abcMeasure: ABCSettings.Measure
    public var top20Share: Double
    /// Customers per effective strategy, in `Strategy.allCases` order.
    public var strategies: [(strategy: Strategy, customers: Int)]
    /// Customers per RFM segment, in segment-map order.
    public var segments: [(segment: String, customers: Int)]
    /// Customers with a tier or strategy override.
    public var tierOverrides: Int
    public var strategyOverrides: Int

    public static func == (a: PortfolioSummary, b: PortfolioSummary) -> Bool {
        a.tiers == b.tiers && a.abc == b.abc && a.customers == b.customers && a.revenue == b.revenue && a.margin == b.margin
            && a.contribution == b.contribution && a.top20Share == b.top20Share && a.belowBreakEven == b.belowBreakEven
            && a.strategies.map(\.customers) == b.strategies.map(\.customers) && a.segments.map(\.segment) == b.segments.map(\.segment)
            && a.segments.map(\.customers) == b.segments.map(\.customers) && a.tierOverrides == b.tierOverrides
            && a.strategyOverrides == b.strategyOverrides && a.abcMeasure == b.abcMeasure
    }

    public func hash(into h: inout Hasher) { h.combine(customers); h.combine(revenue); h.combine(contribution) }
}

extension PortfolioAnalysis {
    /// Totals per tier (under `scoring`, default the baseline), ABC class, strategy and segment.
    /// - Complexity: O(n).
    public func summary(scoring: Scoring? = nil) -> PortfolioSummary {
        let sc = scoring ?? baseline
        let n = count
        let rev = revenue, con = contribution, mar = margin
        var tierSums = [(c: Int, r: Int64, x: Int64)](repeating: (0, 0, 0), count: tierNames.count)
        var abcSums = [(c: Int, r: Int64, x: Int64)](repeating: (0, 0, 0), count: 3)
        var strategies = [Int](repeating: 0, count: Strategy.allCases.count)
        var segments = [Int](repeating: 0, count: rfm.segmentNames.count)
        var totalR: Int64 = 0, totalX: Int64 = 0, totalM: Int64 = 0, below = 0, tierO = 0, stratO = 0
        for k in 0..<n {
            let t = Int(sc.effectiveTiers[k]), a = Int(abc.classes[k])
            tierSums[t].c += 1; tierSums[t].r &+= rev[k]; tierSums[t].x &+= con[k]
            abcSums[a].c += 1; abcSums[a].r &+= rev[k]; abcSums[a].x &+= con[k]
            totalR &+= rev[k]; totalX &+= con[k]; totalM &+= mar[k]
            if con[k] < 0 { below += 1 }
            strategies[Int(StrategyAnalysis.index(strategy.effective(k)))] += 1
            segments[Int(rfm.segment[k])] += 1
            if engine.tierOverride[k] >= 0 { tierO += 1 }
            if strategy.override[k] >= 0 { stratO += 1 }
        }
        func group(_ name: String, _ s: (c: Int, r: Int64, x: Int64)) -> PortfolioSummary.Group {
            .init(name: name, customers: s.c, revenue: s.r, contribution: s.x,
                  customerShare: n > 0 ? Double(s.c) / Double(n) : 0,
                  revenueShare: totalR != 0 ? Double(s.r) / Double(totalR) : 0,
                  contributionShare: totalX != 0 ? Double(s.x) / Double(totalX) : 0)
        }
        return PortfolioSummary(
            customers: n, revenue: totalR, margin: totalM, contribution: totalX, belowBreakEven: below,
            tiers: zip(tierNames, tierSums).map(group), abc: zip(ABCAnalysis.classNames, abcSums).map(group),
            abcMeasure: settings.abc.measure, top20Share: abc.top20Share,
            strategies: zip(Strategy.allCases, strategies).map { ($0, $1) },
            segments: zip(rfm.segmentNames, segments).map { ($0, $1) }, tierOverrides: tierO, strategyOverrides: stratO)
    }
}
