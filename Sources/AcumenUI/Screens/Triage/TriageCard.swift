import AcumenAnalytics
import AcumenCore
import AcumenStore

/// What the triage screen shows about the account under review, derived by the runtime from
/// the workspace as it stands and the analysis (rebuilt after every edit and every move in the
/// queue), so the card never shows an older state than the model.
public struct TriageCard: Hashable, Sendable {
    /// The customer (workspace index).
    public var customer: Int
    public var name: String
    public var id: String
    /// The model's review state: its label (`new`, `done`, `stale`, `skipped`) and whether it
    /// needs a decision.
    public var reviewLabel: String
    public var needsReview: Bool
    public var tier: String
    /// Tier position (0 = top), for the marker.
    public var tierIndex: Int
    public var score: Double
    public var revenue: Int64
    public var contribution: Int64
    public var isBelowBreakEven: Bool
    public var owner: String
    /// The decisive figures beyond score and money, formatted as the profile shows them: rank
    /// by score (`#12 of 310`), year-on-year trend, predicted CLV, P(alive), RFM segment, last
    /// purchase; monthly revenue of the last twelve months for the sparkline (units).
    public var rank: String = "—"
    public var trend: String = "—"
    public var predictedCLV: String = "—"
    public var pAlive: String = "—"
    public var segment: String = ""
    public var lastPurchase: String = "never"
    public var monthly: [Double] = []
    public var recommended: Strategy
    /// The manual override now in force, if any.
    public var override: Strategy?
    public var reasons: [String]
    public var actions: [String]
    /// The last review in one line, with why it went stale; nil when never reviewed.
    public var lastReview: String?
    /// Number of notes and the last two, formatted `day author: text`.
    public var noteCount: Int
    public var lastNotes: [String]
}

extension WorkspaceView {
    /// The triage card of customer `k`.
    public func triageCard(_ k: Int) -> TriageCard? {
        let a = analysis
        guard k >= 0, k < a.count, k < workspace.customers.count else { return nil }
        let c = workspace.customers[k]
        let facts = ScoredReviewFacts(a)
        let rec = a.recommendation(for: k)
        let review = ReviewState(review: c.review, index: k, facts: facts, rules: TriageSettings(workspace.settings))
        var last: String?
        if let rv = review.review {
            var text = "Last review: \(rv.status.rawValue)\(rv.strategy.map { " " + $0.title } ?? "") by \(rv.author) \(rv.at.day.iso)"
            if !rv.reason.isEmpty { text += " (\(rv.reason))" }
            if case .stale(_, let why) = review { text += " — stale: " + why.map(\.description).joined(separator: ", ") }
            last = text
        }
        let tier = facts.tierName(k)
        let s: (String) -> String = { TextSanitizer.sanitize($0) }
        let e = a.explanation(for: k)
        let v = a.profile(for: k, months: 12)
        var card = TriageCard(
            customer: k, name: s(c.name), id: s(c.id), reviewLabel: review.label, needsReview: review.needsReview,
            tier: s(tier), tierIndex: a.tierNames.firstIndex(of: tier) ?? 0, score: facts.score(k),
            revenue: a.revenue[k], contribution: a.contribution[k], isBelowBreakEven: a.isBelowBreakEven(k), owner: s(c.owner),
            recommended: rec.recommended, override: rec.isOverride ? rec.strategy : nil,
            reasons: rec.reasons.filter { !$0.hasPrefix("Manual override") }.map(s), actions: rec.actions.map(s),
            lastReview: last.map(s), noteCount: c.notes.count,
            lastNotes: c.notes.suffix(2).map { s("\($0.at.day.iso) \($0.author): \($0.text)") })
        card.rank = e.rank.map { "#" + Format.grouped(Int64($0)) + " of " + Format.grouped(Int64(a.count)) } ?? "—"
        card.trend = v.trendPercent.map { ($0 >= 0 ? "+" : "") + Format.fixed($0, digits: 1) + "%" } ?? "—"
        card.predictedCLV = v.predictedCLV.map { Format.compact($0) } ?? "n/a"
        card.pAlive = v.pAlive.map { Format.fixed($0, digits: 2) } ?? "n/a"
        card.segment = s(a.rfm.segmentName(k))
        card.lastPurchase = v.recencyDays.map(Format.daysAgo) ?? "never"
        card.monthly = v.monthlyRevenue.map { $0.units }
        return card
    }
}
