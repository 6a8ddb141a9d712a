import AcumenAnalytics
import AcumenCore
import AcumenStore

/// Portfolio figures aggregated from the ``AccountTable`` once per load: per tier, per ABC class,
/// the RFM grid and the tier × strategy matrix; the Pareto curve and the top-20 % share are the
/// model's (``ABCAnalysis``: ⌈n/5⌉ customers on the ABC measure, as `acumen report` says).
public struct PortfolioFigures: Hashable, Sendable {
    /// Totals for a group of accounts.
    public struct Group: Hashable, Sendable {
        public var label: String
        /// The filter query that lists exactly these accounts.
        public var query: String
        public var customers = 0
        public var revenue: Int64 = 0
        public var contribution: Int64 = 0
        public var clv: Int64 = 0
    }

    public var tiers: [Group] = []
    public var abc: [Group] = []
    /// Cumulative share of the ABC measure held by the top k% of customers, k = 0…100 (101
    /// points), from ``ABCAnalysis/paretoCurve(points:)``.
    public var pareto: [Double] = []
    /// Share of the ABC measure held by the top ⌈n/5⌉ customers (``ABCAnalysis/top20Share``).
    public var top20Share: Double = 0
    /// The ABC measure the Pareto figures are on (`revenue` or `contribution`).
    public var measure = "revenue"
    /// Customer counts by recency score (row, 5 first) × frequency score (column, 1 first).
    public var rfm: [[Int]] = Array(repeating: Array(repeating: 0, count: 5), count: 5)
    /// Counts by tier (row) × strategy (column).
    public var matrix: [[Int]] = []
    public var strategyNames: [String] = []
    public var total = Group(label: "All", query: "")

    public init() {}

    /// Aggregates a table; the Pareto figures come from the analysis' ABC classification (none
    /// without one).
    /// - Complexity: O(n).
    public init(_ t: AccountTable, abc analysis: ABCAnalysis?, measure: String = "revenue") {
        self.measure = measure
        let n = t.count
        tiers = t.tierNames.map { Group(label: $0, query: "tier:" + AccountFilter.quoted($0.lowercased())) }
        abc = ["A", "B", "C"].map { Group(label: $0, query: "abc:" + $0.lowercased()) }
        strategyNames = t.strategyNames
        matrix = Array(repeating: Array(repeating: 0, count: t.strategyNames.count), count: t.tierNames.count)
        func add(_ g: inout Group, _ i: Int) {
            g.customers += 1
            g.revenue &+= t.revenue[i]
            g.contribution &+= t.contribution[i]
            if t.clv[i] != Int64.min { g.clv &+= t.clv[i] }
        }
        for i in 0..<n {
            add(&total, i)
            let tier = Int(t.tier[i]), s = Int(t.strategy[i]), a = Int(t.abc[i])
            if tier < tiers.count { add(&tiers[tier], i) }
            if a < 3 { add(&abc[a], i) }
            if tier < matrix.count, s < strategyNames.count { matrix[tier][s] += 1 }
            let r = Int(t.recencyScore[i]), f = Int(t.frequencyScore[i])
            if (1...5).contains(r), (1...5).contains(f) { rfm[5 - r][f - 1] += 1 }
        }
        if let analysis, analysis.order.count == n {
            pareto = analysis.paretoCurve(points: 101).map(\.valueShare)
            top20Share = analysis.top20Share
        }
    }

    /// Moves rows between tiers and strategies after an override or a rating changed them (the
    /// table already shows their new tier and strategy; `before` holds the old ones): the same
    /// figures as aggregating the table again. Revenue, contribution, CLV, ABC and RFM depend
    /// on neither.
    /// - Complexity: O(rows moved).
    public mutating func move(_ before: [(row: Int, tier: UInt8, strategy: UInt8)], in t: AccountTable) {
        func shift(_ g: inout Group, _ i: Int, _ sign: Int64) {
            g.customers += Int(sign)
            g.revenue &+= sign &* t.revenue[i]
            g.contribution &+= sign &* t.contribution[i]
            if t.clv[i] != Int64.min { g.clv &+= sign &* t.clv[i] }
        }
        for (i, oldTier, oldStrategy) in before where i >= 0 && i < t.count {
            let (tier, s) = (Int(t.tier[i]), Int(t.strategy[i]))
            if Int(oldTier) < tiers.count { shift(&tiers[Int(oldTier)], i, -1) }
            if tier < tiers.count { shift(&tiers[tier], i, 1) }
            if Int(oldTier) < matrix.count, Int(oldStrategy) < strategyNames.count { matrix[Int(oldTier)][Int(oldStrategy)] -= 1 }
            if tier < matrix.count, s < strategyNames.count { matrix[tier][s] += 1 }
        }
    }
}
