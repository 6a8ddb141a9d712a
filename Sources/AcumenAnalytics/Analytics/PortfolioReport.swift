import AcumenCore
/// The rows and summary of `acumen report`, ready to format as a table, JSON, CSV or Markdown.
///
/// Rows follow the chosen sort (ties by rank) and limit; the summary always covers the whole
/// portfolio. With a scenario, scores, ranks and tiers are the scenario's and each row
/// carries its baseline values and deltas.
public struct PortfolioReport: Sendable {
    /// The fields rows can be sorted by. Numeric fields sort best/largest first, except
    /// `rank` and `recency` (smallest first); text fields ascending.
    public enum SortField: String, CaseIterable, Sendable {
        case rank, score, name, id, tier, abc, segment, strategy, revenue, margin, contribution, clv, recency, frequency
    }

    /// One customer's line.
    public struct Row: Sendable, Hashable {
        public var index: Int
        public var id: String
        public var name: String
        public var rank: Int
        public var score: Double
        public var tier: String
        public var computedTier: String
        public var tierOverride: Bool
        public var abc: String
        public var r: Int, f: Int, m: Int
        public var segment: String
        public var revenue: Money
        public var margin: Money
        public var costToServe: Money
        public var contribution: Money
        public var belowBreakEven: Bool
        public var purchases: Int
        public var recencyDays: Int?
        public var historicalCLV: Money
        public var predictedCLV: Double?
        public var pAlive: Double?
        /// Expected purchases (purchase days) over the CLV horizon; nil when unknown.
        public var expectedPurchases: Double?
        public var strategy: Strategy
        public var recommendedStrategy: Strategy
        public var strategyOverride: Bool
        /// Baseline values when the report is for a scenario.
        public var baselineScore: Double?
        public var baselineRank: Int?
        public var baselineTier: String?
        /// `R`, `F`, `M` as three digits.
        public var rfm: String { "\(r)\(f)\(m)" }
    }

    public let analysis: PortfolioAnalysis
    public let scoring: Scoring
    /// The scenario's name and comparison with the baseline, if any.
    public let scenarioName: String?
    public let comparison: ScoringComparison?
    /// Customer indices of the rows, in report order (sorted, limited).
    public let order: [Int]
    /// The rows, built on access from the analysis' arrays (``Rows``).
    public var rows: Rows { Rows(report: self) }
    public let summary: PortfolioSummary

    /// Builds the report for the baseline, or for `scenario` compared with the baseline.
    /// - Parameter limit: at most this many rows (nil or 0: all).
    public init(analysis: PortfolioAnalysis, scenario: Scenario? = nil, sort: SortField = .rank, limit: Int? = nil) {
        self.analysis = analysis
        let scoring = scenario.map { analysis.rescored(scenario: $0) } ?? analysis.baseline
        self.scoring = scoring
        scenarioName = scenario?.name
        comparison = scenario.map { _ in ScoringComparison(baseline: analysis.baseline, scenario: scoring) }
        summary = analysis.summary(scoring: scoring)
        let order = Self.sorted(analysis, scoring, by: sort)
        let take = (limit ?? 0) > 0 ? min(order.count, limit ?? 0) : order.count
        self.order = take == order.count ? order : Array(order.prefix(take))
    }

    /// Row `k` of the customers (not of the report's order), as the report shows it.
    func row(_ k: Int) -> Row {
        let a = analysis, names = a.tierNames, base = scenarioName != nil
        let c = a.customers[k]
        return Row(index: k, id: c.id, name: c.name, rank: Int(scoring.ranks[k]), score: scoring.scores[k],
                   tier: names[Int(scoring.effectiveTiers[k])], computedTier: names[Int(scoring.tiers[k])],
                   tierOverride: a.engine.tierOverride[k] >= 0, abc: a.abc.className(k),
                   r: Int(a.rfm.r[k]), f: Int(a.rfm.f[k]), m: Int(a.rfm.m[k]), segment: a.rfm.segmentName(k),
                   revenue: Money(minor: a.revenue[k]), margin: Money(minor: a.margin[k]),
                   costToServe: Money(minor: a.costToServe[k]), contribution: Money(minor: a.contribution[k]),
                   belowBreakEven: a.contribution[k] < 0, purchases: Int(a.purchases[k]), recencyDays: a.recencyDays(k),
                   historicalCLV: Money(minor: a.historicalCLV[k]), predictedCLV: a.clv?.clv(k), pAlive: a.clv?.alive(k),
                   expectedPurchases: a.clv?.purchases(k),
                   strategy: a.strategy.effective(k), recommendedStrategy: a.strategy.recommendation(k),
                   strategyOverride: a.strategy.isOverridden(k),
                   baselineScore: base ? a.baseline.scores[k] : nil,
                   baselineRank: base ? Int(a.baseline.ranks[k]) : nil,
                   baselineTier: base ? names[Int(a.baseline.effectiveTiers[k])] : nil)
    }

    /// Customer indices in report order: by `field`, ties by rank.
    static func sorted(_ a: PortfolioAnalysis, _ sc: Scoring, by field: SortField) -> [Int] {
        let order = sc.order.map { Int($0) }
        if field == .rank { return order }  // ties by rank: the rank order itself
        let desc: ((Int) -> Double)? = switch field {
        case .score: { sc.scores[$0] }
        case .revenue: { Double(a.revenue[$0]) }
        case .margin: { Double(a.margin[$0]) }
        case .contribution: { Double(a.contribution[$0]) }
        case .clv: { a.clv?.clv($0) ?? -.infinity }
        case .frequency: { Double(a.purchases[$0]) }
        case .recency: { -Double(a.recencyDays($0) ?? Int(Int32.max)) }
        case .tier: { -Double(sc.effectiveTiers[$0]) }
        case .abc: { -Double(a.abc.classes[$0]) }
        default: nil
        }
        if let desc {
            let pos = order.map(desc)
            let perm = order.indices.sorted { pos[$0] != pos[$1] ? pos[$0] > pos[$1] : $0 < $1 }
            return perm.map { order[$0] }
        }
        let text: (Int) -> String = switch field {
        case .name: { a.customers[$0].name }
        case .id: { a.customers[$0].id }
        case .segment: { a.rfm.segmentName($0) }
        case .strategy: { a.strategy.effective($0).rawValue }
        default: { _ in "" }
        }
        let keys = order.map(text)
        let perm = order.indices.sorted { keys[$0] != keys[$1] ? keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8) : $0 < $1 }
        return perm.map { order[$0] }
    }

    /// The report's rows as a collection: each ``Row`` is built from the analysis' arrays when
    /// it is read, so a report of a million customers holds one array of indices, not a
    /// million rows (the JSON and CSV writers read the arrays without building rows at all).
    public struct Rows: RandomAccessCollection, Sendable {
        let report: PortfolioReport

        public var startIndex: Int { 0 }
        public var endIndex: Int { report.order.count }

        public subscript(position: Int) -> Row { report.row(report.order[position]) }
    }
}
