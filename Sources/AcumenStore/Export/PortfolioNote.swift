import AcumenCore
import AcumenAnalytics
/// The Markdown portfolio summary for a management note: what the exported accounts are worth
/// by tier and ABC class, which strategies they get, the top accounts and those below break-even.
///
/// Figures are over the exported (filtered) accounts; the header states the date, scenario
/// and filter so the note can be reproduced.
public enum PortfolioNote {
    /// Accounts listed in the "Top accounts" table.
    public static let topCount = 10

    /// The note as Markdown.
    public static func markdown(_ accounts: [ExportedAccount], context: ExportContext) -> String {
        let cur = context.currency
        var out = "# Portfolio summary\n\n"
        out += "As of \(context.asOf.iso) · scenario: \(context.scenario ?? "default weights") · "
        out += "filter: \(context.filter.source.isEmpty ? "none" : "`" + MarkdownTable.escape(context.filter.source) + "`") · "
        out += "\(grouped(accounts.count)) accounts · amounts in \(cur)\n\n"
        let revenue = accounts.reduce(Int64(0)) { $0 + ($1.figures.revenue?.minor ?? 0) }
        let contribution = accounts.reduce(Int64(0)) { $0 + ($1.figures.contribution?.minor ?? 0) }
        let below = accounts.filter(\.isBelowBreakEven)
        out += "Revenue \(money(revenue)), contribution \(money(contribution)); \(below.count) account\(below.count == 1 ? "" : "s") below break-even.\n\n"

        out += "## Tiers\n\n"
        var tiers = MarkdownTable(headers: ["Tier", "Accounts", "Share", "Revenue", "Contribution", "CLV"],
                                  alignments: [.left, .right, .right, .right, .right, .right])
        let tierNames = context.tierOrder + Set(accounts.compactMap(\.tier)).subtracting(context.tierOrder).sorted()
        for name in tierNames {
            let group = accounts.filter { $0.tier == name }
            guard !group.isEmpty || context.tierOrder.contains(name) else { continue }
            tiers.add([name, grouped(group.count), percent(group.count, accounts.count), money(sum(group, \.revenue)),
                       money(sum(group, \.contribution)), group.contains { $0.figures.clv != nil } ? money(sum(group, \.clv)) : "—"])
        }
        out += tiers.markdown + "\n"

        out += "## ABC classes\n\n"
        var abc = MarkdownTable(headers: ["Class", "Accounts", "Revenue", "Share of revenue"], alignments: [.left, .right, .right, .right])
        for name in ["A", "B", "C"] {
            let group = accounts.filter { $0.figures.abc == name }
            let r = sum(group, \.revenue)
            abc.add([name, grouped(group.count), money(r), revenue > 0 ? percent(r, revenue) : "—"])
        }
        out += abc.markdown + "\n"

        out += "## Strategies\n\n"
        var strategies = MarkdownTable(headers: ["Strategy", "Accounts", "Overridden", "Contribution"], alignments: [.left, .right, .right, .right])
        for s in Strategy.allCases {
            let group = accounts.filter { $0.strategy == s }
            strategies.add([s.title, grouped(group.count), grouped(group.filter { $0.customer.strategyOverride != nil }.count),
                            money(sum(group, \.contribution))])
        }
        out += strategies.markdown + "\n"

        out += "## Top \(min(topCount, accounts.count)) accounts by score\n\n"
        var top = MarkdownTable(headers: ["#", "Account", "Tier", "Score", "Revenue", "Contribution", "Strategy", "Owner"],
                                alignments: [.right, .left, .left, .right, .right, .right, .left, .left])
        for (k, a) in AccountExporter.ranked(accounts).prefix(topCount).enumerated() {
            top.add([String(k + 1), a.customer.name, a.tier ?? "—", a.figures.score.map(AccountExporter.formatScore) ?? "—",
                     a.figures.revenue.map { money($0.minor) } ?? "—", a.figures.contribution.map { money($0.minor) } ?? "—",
                     a.strategy?.title ?? "—", a.customer.owner.isEmpty ? "—" : a.customer.owner])
        }
        out += top.markdown
        if !below.isEmpty {
            out += "\n## Below break-even\n\n"
            var table = MarkdownTable(headers: ["Account", "Contribution", "Strategy", "Owner"], alignments: [.left, .right, .left, .left])
            for a in below.sorted(by: { ($0.figures.contribution?.minor ?? 0, $0.index) < ($1.figures.contribution?.minor ?? 0, $1.index) }).prefix(topCount) {
                table.add([a.customer.name, a.figures.contribution.map { money($0.minor) } ?? "—", a.strategy?.title ?? "—", a.customer.owner])
            }
            out += table.markdown
            if below.count > topCount { out += "\n… and \(below.count - topCount) more.\n" }
        }
        return out
    }

    private static func sum(_ group: [ExportedAccount], _ key: KeyPath<AccountFigures, Money?>) -> Int64 {
        group.reduce(Int64(0)) { $0 + ($1.figures[keyPath: key]?.minor ?? 0) }
    }

    /// Whole currency units with thousands separators: `1,234,567`.
    static func money(_ minor: Int64) -> String {
        let units = (minor >= 0 ? minor + 50 : minor - 50) / 100
        return (units < 0 ? "-" : "") + grouped(Int(units.magnitude))
    }

    static func grouped(_ n: Int) -> String { Grouping.grouped(n) }

    static func percent(_ part: Int, _ whole: Int) -> String { percent(Int64(part), Int64(whole)) }

    static func percent(_ part: Int64, _ whole: Int64) -> String {
        guard whole != 0 else { return "—" }
        let tenths = (Double(part) / Double(whole) * 1000).rounded()
        return String(Int(tenths) / 10) + "." + String(abs(Int(tenths)) % 10) + " %"
    }
}
