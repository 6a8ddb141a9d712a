import AcumenModel

/// Adapts an analysed workspace into the screens' view models: the ``AccountTable`` of every
/// account and the ``ProfileFacts`` of one. All figures come from the analytics engine
/// (``PortfolioAnalysis``); this type only selects and formats them.
public struct WorkspaceView: Sendable {
    public let workspace: Workspace
    public let analysis: PortfolioAnalysis

    public init(workspace: Workspace, analysis: PortfolioAnalysis) {
        self.workspace = workspace
        self.analysis = analysis
    }

    /// Analyses a workspace as of a day, with lifetime value (BG/NBD + Gamma-Gamma) when the
    /// settings enable it.
    public static func analysing(_ workspace: Workspace, asOf: Day, lifetimeValue: Bool = true) -> WorkspaceView {
        let a = lifetimeValue ? PortfolioAnalyzer.analyzeWithLifetimeValue(workspace, asOf: asOf).analysis
            : PortfolioAnalyzer.analyze(workspace, asOf: asOf)
        return WorkspaceView(workspace: workspace, analysis: a)
    }

    public var asOf: Day { analysis.asOf }

    /// The CLV shown in the list, in minor units: predicted when the model gives one, else
    /// historical (contribution to date).
    public func lifetimeValue(_ k: Int) -> Int64 {
        if let p = analysis.clv?.clv(k) { return Int64((p * 100).rounded()) }
        return analysis.historicalCLV[k]
    }

    /// Every account as table columns.
    /// - Complexity: O(customers + transactions).
    public func accountTable() -> AccountTable {
        let a = analysis
        let n = a.count
        let scoring = a.baseline
        let monthly = monthlySeries()
        var t = AccountTable()
        t.currency = a.settings.currency
        t.tierNames = a.tierNames.map(TextSanitizer.sanitize)
        t.segmentNames = a.rfm.segmentNames.map(TextSanitizer.sanitize)
        t.strategyNames = Strategy.allCases.map(\.title)
        var owners: [String: Int32] = [:]
        for k in 0..<n {
            let c = a.customers[k]
            let owner: Int32
            if let o = owners[c.owner] { owner = o } else {
                owner = Int32(t.ownerNames.count)
                owners[c.owner] = owner
                t.ownerNames.append(TextSanitizer.sanitize(c.owner))
            }
            let tier = scoring.effectiveTiers[k]
            let strategy = a.strategy.effective(k)
            t.append(id: c.id, name: c.name, tier: tier, score: scoring.scores[k], abc: a.abc.classes[k],
                     segment: UInt8(min(Int(a.rfm.segment[k]), 254)), recency: a.rfm.r[k], frequency: a.rfm.f[k],
                     revenue: a.revenue[k], contribution: a.contribution[k], clv: lifetimeValue(k),
                     strategy: UInt8(Strategy.allCases.firstIndex(of: strategy) ?? 0), owner: owner,
                     triage: triage(c, tier: Int(tier) < t.tierNames.count ? t.tierNames[Int(tier)] : "",
                                    recommendation: a.strategy.recommendation(k)),
                     monthly: Array(monthly[(k * 12)..<(k * 12 + 12)]))
        }
        return t
    }

    /// Revenue per customer for the 12 calendar months ending with the month of `asOf − 1`,
    /// in currency units, flat (12 per customer) — one pass over the transactions.
    func monthlySeries() -> [Float] {
        let n = analysis.count
        var out = [Float](repeating: 0, count: n * 12)
        let tx = analysis.transactions
        let lastMonth = asOf.adding(days: -1).monthIndex
        let to = asOf.ordinal
        for r in 0..<tx.count {
            let c = Int(tx.customer[r]), d = tx.day[r]
            guard c >= 0, c < n, d < to else { continue }
            let j = 11 - (lastMonth - Day(ordinal: d).monthIndex)
            if j >= 0, j < 12 { out[c * 12 + j] += Float(Double(tx.amount[r]) / 100) }
        }
        return out
    }

    /// The triage state of a customer: its last review, stale when the tier or the
    /// recommendation it was based on has changed since.
    func triage(_ c: Customer, tier: String, recommendation: Strategy) -> AccountTable.TriageState {
        guard let r = c.review else { return .unreviewed }
        if r.tier != tier || r.recommendation != recommendation { return .stale }
        switch r.status {
        case .accepted: return .accepted
        case .decided: return .decided
        case .skipped: return .skipped
        }
    }
}
