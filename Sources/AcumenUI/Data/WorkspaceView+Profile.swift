import AcumenAnalytics
import AcumenCore
import AcumenStore

extension WorkspaceView {
    /// The profile of the account at `row` (its index in the workspace): figures from the
    /// analysis (score explanation, value profile, RFM, the recommendation with reasons and
    /// actions), master data from the workspace as it stands (owner, tags, notes, overrides,
    /// history), so an edit shows at once.
    /// - Parameter history: the cached eight-quarter history (nil: still computing).
    public func profile(row k: Int, history: AccountHistory? = nil) -> ProfileFacts? {
        let a = analysis
        guard k >= 0, k < a.count, k < workspace.customers.count else { return nil }
        let c = workspace.customers[k]
        let e = a.explanation(for: k)
        let v = a.profile(for: k, months: 12)
        let rec = a.recommendation(for: k)
        let money: (Int64) -> String = { Format.money($0) }
        var headline: [ProfileFacts.Fact] = [
            .init("Tier", e.tier + (e.isTierOverride ? " (override; computed \(e.computedTier))" : "")),
            .init("Score", Format.score(e.score) + (e.rank.map { " (#\($0))" } ?? "")),
            .init("ABC", a.abc.className(k)),
            .init("Segment", a.rfm.segmentName(k)),
        ]
        if !c.owner.isEmpty { headline.append(.init("Owner", c.owner)) }
        if !c.tags.isEmpty { headline.append(.init("Tags", c.tags.joined(separator: ", "))) }
        let criteria = e.rows.map { r in
            ProfileFacts.CriterionLine(title: r.criterion.title, raw: raw(r.criterion, r.rawValue),
                                       normalised: r.normalised ?? .nan, weight: r.effectiveWeight, contribution: r.points)
        }
        var facts: [ProfileFacts.Fact] = [
            .init("RFM", "R\(a.rfm.r[k]) F\(a.rfm.f[k]) M\(a.rfm.m[k])"),
            .init("Purchases (window)", "\(v.purchases) of \(v.lifetimePurchases) in all"),
            .init("Purchase cycle", v.meanPurchaseCycleDays.map { "every \(Format.fixed($0, digits: 0)) days" } ?? "—"),
            .init("Last purchase", v.recencyDays.map(Format.daysAgo) ?? "never"),
            .init("Trend, year on year", v.trendPercent.map { ($0 >= 0 ? "+" : "") + Format.fixed($0, digits: 1) + "%" } ?? "—"),
            .init("Revenue", money(v.revenue.minor)),
            .init("Gross margin", money(v.margin.minor)),
            .init("Cost to serve", Format.costToServe(window: v.costToServe.minor, annual: v.annualCostToServe.minor)),
            .init("Contribution", money(v.contribution.minor), warning: v.isBelowBreakEven),
            .init("Break-even", v.isBelowBreakEven ? "below" : "above", warning: v.isBelowBreakEven),
            .init("Historical CLV", money(v.historicalCLV.minor)),
            .init("Predicted CLV", v.predictedCLV.map { Format.compact($0) } ?? "not available"),
            .init("P(alive)", v.pAlive.map { Format.fixed($0, digits: 2) } ?? "not available"),
        ]
        if let up = e.nextTierUp, let p = e.pointsToNextTierUp { facts.append(.init("Next tier up", "\(up) in \(Format.fixed(p, digits: 1)) points")) }
        if let note = e.unknownNote { facts.append(.init("Unknown", note, warning: true)) }
        let start = v.monthlyStart
        let end = start.adding(months: max(0, v.monthlyRevenue.count - 1))
        var recommendation = rec.strategy.title
        if rec.isOverride { recommendation += " (override; recommended \(rec.recommended.title))" }
        if rec.forcedByBreakEven { recommendation += " — forced by break-even" }
        var p = ProfileFacts(
            row: k, name: c.name, id: c.id, headline: headline, criteria: criteria, facts: facts,
            monthly: v.monthlyRevenue.map { $0.units }, firstMonth: String(start.iso.prefix(7)), lastMonth: String(end.iso.prefix(7)),
            recommendation: recommendation, reasons: rec.reasons, actions: rec.actions,  // the override's reason is already the first one
            tags: c.tags, notes: c.notes.map { "\($0.at.day.iso) \($0.author): \($0.text)" },
            overrides: [c.tierOverride.map { "Tier \($0.value): \($0.reason) (\($0.author), \($0.at.day.iso))" },
                        c.strategyOverride.map { "Strategy \(Strategy(rawValue: $0.value)?.title ?? $0.value): \($0.reason) (\($0.author), \($0.at.day.iso))" }].compactMap { $0 },
            history: c.history.map { "\($0.at.day.iso) \($0.author): \($0.summary)" })
        p.quarters = history.map { h in h.timeline(k).map(Self.quarterLine) }
        p.decision = Self.decisionLine(DecisionGrowth(a, customer: k, review: c.review))
        return p
    }

    /// A criterion's raw value in its unit, for the profile table.
    func raw(_ c: Criterion, _ v: Double?) -> String {
        guard let v, v.isFinite else { return "unknown" }
        switch c.unit {
        case .currency: return Format.compact(v)
        case .purchases: return Format.fixed(v, digits: 0)
        case .days: return Format.fixed(v, digits: 0) + " d"
        case .growthRate, .probability: return Format.fixed(v, digits: 2)
        case .rating: return Format.fixed(v, digits: 1) + "/10"
        }
    }
}
