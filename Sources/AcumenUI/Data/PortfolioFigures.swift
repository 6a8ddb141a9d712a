import AcumenAnalytics
import AcumenCore
import AcumenStore

/// Portfolio figures aggregated from the ``AccountTable`` once per load: per tier, per ABC class,
/// the Pareto curve, the RFM grid and the tier × strategy matrix.
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
    /// Cumulative share of revenue held by the top k% of customers, k = 0…100 (101 points).
    public var pareto: [Double] = []
    /// Share of revenue held by the top 20% of customers.
    public var top20Share: Double = 0
    /// Customer counts by recency score (row, 5 first) × frequency score (column, 1 first).
    public var rfm: [[Int]] = Array(repeating: Array(repeating: 0, count: 5), count: 5)
    /// Counts by tier (row) × strategy (column).
    public var matrix: [[Int]] = []
    public var strategyNames: [String] = []
    public var total = Group(label: "All", query: "")

    public init() {}

    /// Aggregates a table.
    /// - Complexity: O(n log n) for the Pareto sort, O(n) otherwise.
    public init(_ t: AccountTable) {
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
        let revenues = t.revenue.map { max(0, $0) }.sorted(by: >)
        var prefix = [Int64](repeating: 0, count: n + 1)
        for k in 0..<n { prefix[k + 1] = prefix[k] &+ revenues[k] }
        let sum = Double(prefix[n])
        pareto = (0...100).map { k in
            guard n > 0, sum > 0 else { return 0 }
            return Double(prefix[min(n, Int((Double(n) * Double(k) / 100).rounded()))]) / sum
        }
        top20Share = pareto.count > 20 ? pareto[20] : 0
    }
}
