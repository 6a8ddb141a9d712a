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

    /// Every account as table columns: master data (name, owner, tags, review) from the
    /// workspace as it stands, figures from the analysis, the triage state by the model's rule
    /// (``ReviewState``).
    /// - Complexity: O(customers + transactions).
    public func accountTable() -> AccountTable {
        let a = analysis
        let n = min(a.count, workspace.customers.count)
        let scoring = a.baseline
        var t = AccountTable()
        t.currency = a.settings.currency
        t.tierNames = a.tierNames.map(TextSanitizer.sanitize)
        t.segmentNames = a.rfm.segmentNames.map(TextSanitizer.sanitize)
        t.strategyNames = Strategy.allCases.map(\.title)
        let cs = workspace.customers
        // Owner and tag codes first (one pass each; values repeat, so remember the last one seen).
        let ownerCode = Self.codes(n, names: &t.ownerNames) { cs[$0].owner }
        let tagCode = Self.codes(n, names: &t.tagNames) { cs[$0].tags.joined(separator: ", ") }
        let monthly = monthlySeries()
        let facts = ScoredReviewFacts(a)
        let rules = TriageSettings(workspace.settings)
        let names = t
        // Rows in independent chunks on all cores, then joined in order.
        let chunkSize = max(1, (n + 3) / 4)
        let parts = Parallel.map((n + chunkSize - 1) / chunkSize) { part -> AccountTable in
            var p = names
            let range = (part * chunkSize)..<min(n, (part + 1) * chunkSize)
            p.reserve(range.count)
            for k in range {
                let c = cs[k]
                let strategy = a.strategy.effective(k)
                p.append(id: c.id, name: c.name, tier: scoring.effectiveTiers[k], score: scoring.scores[k], abc: a.abc.classes[k],
                         segment: UInt8(min(Int(a.rfm.segment[k]), 254)), recency: a.rfm.r[k], frequency: a.rfm.f[k],
                         revenue: a.revenue[k], contribution: a.contribution[k], clv: lifetimeValue(k),
                         strategy: UInt8(Strategy.allCases.firstIndex(of: strategy) ?? 0), owner: ownerCode[k],
                         triage: AccountTable.TriageState(ReviewState(review: c.review, index: k, facts: facts, rules: rules)),
                         monthly: monthly[(k * 12)..<(k * 12 + 12)], tags: tagCode[k])
            }
            return p
        }
        var joined = parts.first ?? t
        for p in parts.dropFirst() { joined.append(contentsOf: p) }
        joined.strategyOverridden = Set((0..<n).lazy.filter { cs[$0].strategyOverride != nil }.map { Int32($0) })
        joined.filterSource = AnalysisFilterRows(a, scoring: scoring)
        return joined
    }

    /// The master data of the listed rows as the workspace stands (after an edit that changed
    /// no figure: owner, tags, notes, a triage decision).
    public func rowRefresh(_ rows: [Int]) -> [AccountTable.RowRefresh] {
        let facts = ScoredReviewFacts(analysis)
        let rules = TriageSettings(workspace.settings)
        return rows.filter { $0 >= 0 && $0 < min(analysis.count, workspace.customers.count) }.map { k in
            let c = workspace.customers[k]
            return AccountTable.RowRefresh(row: k, owner: c.owner, tags: c.tags.joined(separator: ", "),
                                           triage: AccountTable.TriageState(ReviewState(review: c.review, index: k, facts: facts, rules: rules)),
                                           customer: c)
        }
    }

    /// Codes of a repeating text per row into a list of distinct sanitised names.
    static func codes(_ n: Int, names: inout [String], _ value: (Int) -> String) -> [Int32] {
        var index: [String: Int32] = [:]
        for (k, name) in names.enumerated() { index[name] = Int32(k) }
        var code = [Int32](repeating: 0, count: n)
        var last: String?, lastCode: Int32 = 0
        for k in 0..<n {
            let v = value(k)
            if v != last {
                let s = TextSanitizer.sanitize(v)
                if let c = index[s] { lastCode = c } else {
                    lastCode = Int32(names.count)
                    index[s] = lastCode
                    names.append(s)
                }
                last = v
            }
            code[k] = lastCode
        }
        return code
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
}
