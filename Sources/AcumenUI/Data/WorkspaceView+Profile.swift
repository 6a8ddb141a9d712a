import AcumenModel

extension WorkspaceView {
    /// The profile of the account at `row` (its index in the workspace).
    public func profile(row: Int, table: AccountTable) -> ProfileFacts? {
        guard row >= 0, row < workspace.customers.count, row < table.count else { return nil }
        let c = workspace.customers[row]
        var headline: [ProfileFacts.Fact] = []
        if !c.owner.isEmpty { headline.append(.init("Owner", c.owner)) }
        if !c.industry.isEmpty { headline.append(.init("Industry", c.industry)) }
        if !c.region.isEmpty { headline.append(.init("Region", c.region)) }
        if !c.tags.isEmpty { headline.append(.init("Tags", c.tags.joined(separator: ", "))) }
        var facts: [ProfileFacts.Fact] = [
            .init("Revenue (window)", Format.money(table.revenue[row])),
            .init("Contribution", Format.money(table.contribution[row]), warning: table.isBelowBreakEven(row)),
            .init("Cost to serve (year)", Format.money(c.costToServe.minor)),
            .init("Break-even", table.isBelowBreakEven(row) ? "below" : "above", warning: table.isBelowBreakEven(row)),
        ]
        for crit in Criterion.rated {
            if let v = c.ratings[crit] { facts.append(.init(crit.title, Format.fixed(v, digits: 1) + "/10")) }
        }
        let first = Day(year: firstMonth / 12, month: firstMonth % 12 + 1, day: 1)
        let last = Day(year: (firstMonth + 11) / 12, month: (firstMonth + 11) % 12 + 1, day: 1)
        let month: (Day?) -> String = { d in d.map { String($0.iso.prefix(7)) } ?? "" }
        return ProfileFacts(
            row: row, name: c.name, id: c.id, headline: headline, criteria: [], facts: facts,
            monthly: table.monthlyRevenue(row), firstMonth: month(first), lastMonth: month(last),
            recommendation: c.strategyOverride.map { "Override: \($0.value) — \($0.reason)" } ?? "",
            notes: c.notes.map { "\($0.at.day.iso) \($0.author): \($0.text)" },
            overrides: [c.tierOverride.map { "Tier \($0.value) — \($0.reason) (\($0.author))" },
                        c.strategyOverride.map { "Strategy \($0.value) — \($0.reason) (\($0.author))" }].compactMap { $0 },
            history: c.history.map { "\($0.at.day.iso) \($0.author): \($0.summary)" })
    }
}
