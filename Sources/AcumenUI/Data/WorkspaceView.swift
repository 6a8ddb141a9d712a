import AcumenModel

/// Adapts a workspace, analysed as of a day, into the screens' view models: the
/// ``AccountTable`` of every account and the ``ProfileFacts`` of one.
///
/// Figures: revenue and gross margin over the settings' window (`windowMonths` before `asOf`),
/// contribution = margin − cost to serve prorated to the window, monthly revenue for the last
/// 12 months. Score, tier, ABC, RFM and the recommendation come from the analytics engine.
public struct WorkspaceView: Sendable {
    public let workspace: Workspace
    public let asOf: Day
    /// First day of the analysis window.
    public let windowStart: Day

    public init(workspace: Workspace, asOf: Day) {
        self.workspace = workspace
        self.asOf = asOf
        windowStart = asOf.adding(months: -max(1, workspace.settings.windowMonths))
    }

    /// The month index of the first of the 12 months shown (oldest first).
    var firstMonth: Int { asOf.adding(days: -1).monthIndex - 11 }

    /// Every account as table columns.
    /// - Complexity: O(customers + transactions).
    public func accountTable() -> AccountTable {
        let ws = workspace
        let n = ws.customers.count
        var revenue = [Int64](repeating: 0, count: n)
        var margin = [Int64](repeating: 0, count: n)
        var monthly = [Float](repeating: 0, count: n * 12)
        let tx = ws.transactions
        let from = windowStart.ordinal, to = asOf.ordinal
        let m0 = firstMonth
        let rate = ws.settings.defaultMarginRate
        for r in 0..<tx.count {
            let c = Int(tx.customer[r])
            let d = tx.day[r]
            guard c >= 0, c < n, d < to else { continue }
            if d >= from {
                revenue[c] &+= tx.amount[r]
                margin[c] &+= tx.margin(at: r, defaultRate: rate)
            }
            let m = Day(ordinal: d).monthIndex - m0
            if m >= 0, m < 12 { monthly[c * 12 + m] += Float(Double(tx.amount[r]) / 100) }
        }
        var t = AccountTable()
        t.currency = ws.settings.currency
        t.tierNames = ws.settings.tiers.bands.map(\.name)
        t.strategyNames = Strategy.allCases.map(\.title)
        var owners: [String: Int32] = [:]
        let share = Double(max(1, ws.settings.windowMonths)) / 12
        for (k, c) in ws.customers.enumerated() {
            let owner: Int32
            if let o = owners[c.owner] { owner = o } else {
                owner = Int32(t.ownerNames.count)
                owners[c.owner] = owner
                t.ownerNames.append(TextSanitizer.sanitize(c.owner))
            }
            let cost = Int64((Double(c.costToServe.minor) * share).rounded())
            let strategy = c.strategyOverride.flatMap { Strategy(rawValue: $0.value) }
                .flatMap { s in Strategy.allCases.firstIndex(of: s) }.map { UInt8($0) } ?? AccountTable.none
            t.append(id: c.id, name: c.name, tier: AccountTable.none, score: .nan, abc: AccountTable.none,
                     segment: AccountTable.none, revenue: revenue[k], contribution: margin[k] &- cost,
                     clv: Int64.min, strategy: strategy, owner: owner, triage: triage(c),
                     monthly: Array(monthly[(k * 12)..<(k * 12 + 12)]))
        }
        return t
    }

    /// The triage state of a customer from its last review.
    func triage(_ c: Customer) -> AccountTable.TriageState {
        guard let r = c.review else { return .unreviewed }
        switch r.status {
        case .accepted: return .accepted
        case .decided: return .decided
        case .skipped: return .skipped
        }
    }
}
