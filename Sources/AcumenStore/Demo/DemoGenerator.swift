import AcumenCore
import AcumenAnalytics
import Foundation

/// Generates a deterministic, realistic demo workspace: same seed and size → same files.
///
/// Customers mix Latin, Chinese, Japanese and Korean company names across industries,
/// regions and owners. Three years of transactions end the day before `asOf`, with
/// lognormal spend, heavy-tailed (gamma-mixed) purchase rates, and archetypes: steady,
/// churned, new, seasonal (Q4) and unprofitable high-cost-to-serve accounts. About a
/// quarter of ratings are unknown.
public struct DemoGenerator: Sendable {
    public var customers: Int
    /// Target mean number of transactions per customer.
    public var transactionsPerCustomer: Double
    public var seed: UInt64
    /// The analysis date written into settings; history ends the day before.
    public var asOf = Day(year: 2026, month: 1, day: 1) ?? Day(ordinal: 20454)

    /// Creates a generator.
    public init(customers: Int = 500, transactionsPerCustomer: Double = 10, seed: UInt64 = 1) {
        self.customers = max(0, customers); self.transactionsPerCustomer = max(0, transactionsPerCustomer); self.seed = seed
    }

    /// Customer archetypes and their shares.
    enum Archetype: CaseIterable { case steady, churned, new, seasonal, costly }

    /// Builds the workspace in memory.
    public func generate() -> Workspace {
        var rng = SeededGenerator(seed: seed)
        var settings = Settings()
        settings.asOf = asOf
        var list: [Customer] = []
        list.reserveCapacity(customers)
        var table = TransactionTable()
        table.reserve(Int(Double(customers) * transactionsPerCustomer * 1.05))
        let start = asOf.adding(days: -3 * 365)
        let span = 3 * 365
        let width = max(4, String(customers).count)
        for k in 0..<customers {
            let id = "C" + String(k + 1).leftPadded(width)
            var c = Customer(id: id, name: DemoNames.company(&rng, k))
            c.industry = DemoNames.industries[rng.below(DemoNames.industries.count)]
            c.region = DemoNames.regions[rng.below(DemoNames.regions.count)]
            c.owner = DemoNames.owners[rng.below(DemoNames.owners.count)]
            if rng.unit() < 0.15 { c.tags = [DemoNames.tags[rng.below(DemoNames.tags.count)]] }
            for criterion in Criterion.rated where rng.unit() > 0.25 {
                c.ratings[criterion] = Double(min(10, max(0, Int((5 + 2.2 * rng.normal()).rounded()))))
            }
            let roll = rng.unit()
            let archetype: Archetype = roll < 0.55 ? .steady : roll < 0.72 ? .churned : roll < 0.84 ? .new : roll < 0.94 ? .seasonal : .costly
            // Heavy-tailed purchase rate: gamma(0.8) mixing, scaled to the target mean.
            // 1.28 corrects for the share of the three years an average archetype is active.
            let rate = rng.gamma(shape: 0.8, scale: 1.28 * transactionsPerCustomer / 0.8)
            let spendMedian = exp(4.5 + 1.1 * rng.normal())  // lognormal order value, currency units
            let marginRate = min(0.6, max(0.05, 0.28 + 0.08 * rng.normal()))
            var first = start.adding(days: rng.below(span / 3))
            var last = asOf.adding(days: -1)
            switch archetype {
            case .churned: last = start.adding(days: span / 3 + rng.below(span / 2))
            case .new: first = asOf.adding(days: -(30 + rng.below(200)))
            default: break
            }
            if last < first { last = first }
            let activeDays = max(1, first.days(to: last) + 1)
            let scale = archetype == .new ? 1.0 : Double(activeDays) / Double(span)
            let count = max(archetype == .new ? 1 : 0, Int((rate * scale).rounded()))
            var yearlyRevenue = 0.0
            for _ in 0..<count {
                var offset = rng.below(activeDays)
                if archetype == .seasonal, rng.unit() < 0.7 {
                    let d = first.adding(days: offset)
                    let (y, _, _) = d.civil
                    offset = first.days(to: Day(year: y, month: 10 + rng.below(3), day: 1 + rng.below(28)) ?? d)
                    if offset < 0 || offset >= activeDays { offset = rng.below(activeDays) }
                }
                let amount = max(1, spendMedian * exp(0.45 * rng.normal()))
                let minor = Int64((amount * 100).rounded())
                let margin = Int64((Double(minor) * min(0.9, max(-0.2, marginRate + 0.05 * rng.normal()))).rounded())
                table.append(customer: Int32(k), day: first.adding(days: offset), amount: Money(minor: minor),
                             margin: Money(minor: margin), quantity: Int32(1 + rng.below(archetype == .costly ? 2 : 5)))
                yearlyRevenue += amount / 3
            }
            // Annual cost to serve: a small fixed cost per account plus a share of its revenue;
            // "costly" accounts need heavy service and mostly end up below break-even; half of
            // the churned accounts are dormant and cost nothing any more.
            let dormant = archetype == .churned && rng.unit() < 0.5
            let costShare = archetype == .costly ? 0.35 + 0.3 * rng.unit() : 0.02 + 0.08 * rng.unit()
            let fixedCost = archetype == .churned ? 2 + 4 * rng.unit() : 5 + 15 * rng.unit()
            let cost = dormant ? 0 : fixedCost + yearlyRevenue * costShare
            c.costToServe = Money(minor: Int64((cost * 100).rounded()))
            list.append(c)
        }
        table.sortByCustomerAndDay(customerCount: customers)
        return Workspace(settings: settings, customers: list, transactions: table)
    }
}
