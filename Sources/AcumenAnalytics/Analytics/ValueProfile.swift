import AcumenCore
/// One customer's value profile as of the analysis date (see `docs/analytics.md` §1).
public struct ValueProfile: Sendable, Hashable {
    /// Index of the customer in the workspace.
    public var index: Int
    public var id: String
    public var name: String
    /// The analysis window `[windowStart, asOf)`.
    public var windowStart: Day
    public var asOf: Day
    /// Revenue, gross margin, window cost to serve and contribution in the window.
    public var revenue: Money
    public var margin: Money
    public var costToServe: Money
    public var contribution: Money
    /// The customer's annual cost to serve, as recorded.
    public var annualCostToServe: Money
    /// Contribution < 0.
    public var isBelowBreakEven: Bool
    /// First and last purchase before `asOf`.
    public var firstPurchase: Day?
    public var lastPurchase: Day?
    /// Days from the first purchase to `asOf` (0 without purchases).
    public var tenureDays: Int
    /// Days from the last purchase to `asOf` (nil without purchases).
    public var recencyDays: Int?
    /// Purchases (distinct purchase days) in the window and before `asOf` overall.
    public var purchases: Int
    public var lifetimePurchases: Int
    /// Window revenue per purchase, rounded half away from zero; nil without purchases in the window.
    public var averageOrderValue: Money?
    /// Mean days between purchases: `(last − first) / (lifetime purchases − 1)`; nil below two purchases.
    public var meanPurchaseCycleDays: Double?
    /// Revenue in the last 12 months and the 12 before.
    public var revenueLast12: Money
    public var revenuePrevious12: Money
    /// Symmetric growth rate of revenue, −2…2 (see ``trendPercent`` for the plain change).
    public var trend: Double
    /// `100 · (L − P) / P`; nil when the previous 12 months had no revenue.
    public var trendPercent: Double?
    /// Historical CLV: contribution to date.
    public var historicalCLV: Money
    /// Predicted CLV (currency units) and P(alive), when a CLV fit was supplied.
    public var predictedCLV: Double?
    public var pAlive: Double?
    /// Revenue per calendar month, oldest first, the last being the month of `asOf − 1 day`.
    public var monthlyRevenue: [Money]
    /// First day of the first month of ``monthlyRevenue``.
    public var monthlyStart: Day
    /// The rated criteria that are known (0–10).
    public var ratings: Ratings
}

extension PortfolioAnalysis {
    /// The value profile of customer `k`, with a monthly revenue series of `months` months.
    /// - Complexity: O(the customer's transactions).
    public func profile(for k: Int, months: Int = 24) -> ValueProfile {
        let a = aggregates
        let first = a.firstDay[k] == CustomerAggregates.noFirstDay ? nil : Day(ordinal: a.firstDay[k])
        let last = a.lastDay[k] == CustomerAggregates.noLastDay ? nil : Day(ordinal: a.lastDay[k])
        let life = Int(a.lifetimePurchases[k])
        var cycle: Double?
        if life >= 2, let first, let last { cycle = Double(first.days(to: last)) / Double(life - 1) }
        let series = monthlyRevenue(for: k, months: months)
        let l = a.revenueLast12[k], p = a.revenuePrevious12[k]
        return ValueProfile(
            index: k, id: customers[k].id, name: customers[k].name, windowStart: windowStart, asOf: asOf,
            revenue: Money(minor: a.revenue[k]), margin: Money(minor: a.margin[k]), costToServe: Money(minor: costToServe[k]),
            contribution: Money(minor: contribution[k]), annualCostToServe: customers[k].costToServe,
            isBelowBreakEven: contribution[k] < 0, firstPurchase: first, lastPurchase: last,
            tenureDays: MeasuredCriteria.tenureDays(a, k, asOf: asOf), recencyDays: recencyDays(k),
            purchases: Int(a.purchases[k]), lifetimePurchases: life,
            averageOrderValue: a.purchases[k] > 0 ? Money(minor: PortfolioAnalyzer.prorate(a.revenue[k], 1, Int64(a.purchases[k]))) : nil,
            meanPurchaseCycleDays: cycle, revenueLast12: Money(minor: l), revenuePrevious12: Money(minor: p),
            trend: MeasuredCriteria.trend(last: l, previous: p),
            trendPercent: p == 0 ? nil : 100 * Double(l - p) / Double(p),
            historicalCLV: Money(minor: historicalCLV[k]), predictedCLV: clv?.clv(k), pAlive: clv?.alive(k),
            monthlyRevenue: series.values, monthlyStart: series.start, ratings: customers[k].ratings)
    }

    /// Revenue of customer `k` per calendar month for `months` months ending with the month of
    /// `asOf − 1 day` (the last day the analysis sees), oldest first, and the first month's first day.
    /// - Complexity: O(the customer's transactions).
    public func monthlyRevenue(for k: Int, months: Int = 12) -> (values: [Money], start: Day) {
        let months = max(1, months)
        let lastDay = asOf.adding(days: -1)
        let (y, m, _) = lastDay.civil
        let firstMonth = Day(year: y, month: m, day: 1)?.adding(months: -(months - 1)) ?? lastDay
        var out = [Int64](repeating: 0, count: months)
        let lastIndex = lastDay.monthIndex
        for r in rows.rows(of: k) {
            let d = transactions.day[r]
            guard d < asOf.ordinal, d >= firstMonth.ordinal else { continue }
            let j = months - 1 - (lastIndex - Day(ordinal: d).monthIndex)
            if j >= 0, j < months { out[j] &+= transactions.amount[r] }
        }
        return (out.map { Money(minor: $0) }, firstMonth)
    }
}
