import AcumenAnalytics
import AcumenCore
import AcumenStore

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
        var t = AccountTable()
        t.currency = a.settings.currency
        t.tierNames = a.tierNames.map(TextSanitizer.sanitize)
        t.segmentNames = a.rfm.segmentNames.map(TextSanitizer.sanitize)
        t.strategyNames = Strategy.allCases.map(\.title)
        // Owner codes first (one pass; owners repeat, so remember the last one seen).
        var owners: [String: Int32] = [:]
        var ownerCode = [Int32](repeating: 0, count: n)
        var lastOwner: String?, lastCode: Int32 = 0
        for k in 0..<n {
            let o = a.customers[k].owner
            if o != lastOwner {
                if let code = owners[o] { lastCode = code } else {
                    lastCode = Int32(t.ownerNames.count)
                    owners[o] = lastCode
                    t.ownerNames.append(TextSanitizer.sanitize(o))
                }
                lastOwner = o
            }
            ownerCode[k] = lastCode
        }
        let monthly = monthlySeries()
        let names = t
        // Rows in independent chunks on all cores, then joined in order.
        let chunkSize = max(1, (n + 3) / 4)
        let parts = Parallel.map((n + chunkSize - 1) / chunkSize) { part -> AccountTable in
            var p = names
            let range = (part * chunkSize)..<min(n, (part + 1) * chunkSize)
            p.reserve(range.count)
            for k in range {
                let c = a.customers[k]
                let tier = scoring.effectiveTiers[k]
                let strategy = a.strategy.effective(k)
                p.append(id: c.id, name: c.name, tier: tier, score: scoring.scores[k], abc: a.abc.classes[k],
                         segment: UInt8(min(Int(a.rfm.segment[k]), 254)), recency: a.rfm.r[k], frequency: a.rfm.f[k],
                         revenue: a.revenue[k], contribution: a.contribution[k], clv: lifetimeValue(k),
                         strategy: UInt8(Strategy.allCases.firstIndex(of: strategy) ?? 0), owner: ownerCode[k],
                         triage: triage(c, tier: Int(tier) < p.tierNames.count ? p.tierNames[Int(tier)] : "",
                                        recommendation: a.strategy.recommendation(k)),
                         monthly: monthly[(k * 12)..<(k * 12 + 12)])
            }
            return p
        }
        var joined = parts.first ?? t
        for p in parts.dropFirst() { joined.append(contentsOf: p) }
        joined.filterSource = AnalysisFilterRows(a, scoring: scoring)
        return joined
    }

    /// Revenue per customer for the 12 calendar months ending with the month of `asOf − 1`,
    /// in currency units, flat (12 per customer) — one pass over the transactions.
    func monthlySeries() -> [Float] {
        let n = analysis.count
        var out = [Float](repeating: 0, count: n * 12)
        let tx = analysis.transactions
        let to = asOf.ordinal
        // Day → slot 0…11 for the twelve months before asOf, as a table (no calendar maths per row).
        let first = Day(year: asOf.adding(days: -1).civil.year, month: asOf.adding(days: -1).civil.month, day: 1)?
            .adding(months: -11).ordinal ?? to
        var slot = [Int8](repeating: -1, count: max(0, Int(to - first)))
        for d in first..<to { slot[Int(d - first)] = Int8(11 - (asOf.adding(days: -1).monthIndex - Day(ordinal: d).monthIndex)) }
        for r in 0..<tx.count {
            let c = Int(tx.customer[r]), d = tx.day[r]
            guard c >= 0, c < n, d < to, d >= first else { continue }
            let j = Int(slot[Int(d - first)])
            if j >= 0 { out[c * 12 + j] += Float(Double(tx.amount[r]) / 100) }
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
