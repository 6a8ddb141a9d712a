@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// A 12-customer workspace whose every figure is worked out by hand in docs/analytics.md
/// ("Worked example"). asOf 2025-01-01, window 2024-01-01 … 2024-12-31, default margin 30 %.
enum AnalyticsFixture {
    static let asOf = day("2025-01-01")

    static func day(_ s: String) -> Day { Day(iso: s) ?? Day(ordinal: 0) }

    /// (id, name, annual cost to serve in units, satisfaction rating or nil)
    static let people: [(String, String, Int64, Double?)] = [
        ("C01", "Alpha", 1200, 8), ("C02", "Beta", 0, nil), ("C03", "Gamma", 0, 10), ("C04", "Delta", 100, nil),
        ("C05", "Epsilon", 50, nil), ("C06", "Zeta", 600, 2), ("C07", "Eta", 0, 6), ("C08", "Theta", 0, 6),
        ("C09", "Iota", 0, nil), ("C10", "Kappa", 0, nil), ("C11", "Lambda", 0, 4), ("C12", "東京物流", 0, nil),
    ]

    /// (customer id, date, amount units, margin units or nil = unknown)
    static let sales: [(String, String, Int64, Int64?)] = [
        ("C01", "2024-03-01", 1000, 400), ("C01", "2024-06-01", 1000, 400), ("C01", "2024-12-01", 2000, 800),
        ("C02", "2024-07-01", 1000, 300), ("C02", "2024-12-15", 500, 200), ("C02", "2024-12-15", 500, 200),
        ("C03", "2024-11-01", 300, nil),
        ("C04", "2023-06-01", 800, 200),
        ("C06", "2024-05-01", 1000, 100),
        ("C07", "2024-09-01", 1500, 500), ("C08", "2024-09-01", 1500, 500),
        ("C09", "2024-02-01", 400, 100), ("C09", "2024-04-01", 400, 100), ("C09", "2024-06-01", 400, 100),
        ("C09", "2024-08-01", 400, 100), ("C09", "2024-10-01", 400, 100),
        ("C10", "2024-12-31", 100, 50), ("C10", "2025-01-01", 9999, 9999),
        ("C11", "2023-03-01", 1000, 300), ("C11", "2024-03-01", 2000, 600),
        ("C12", "2023-12-31", 500, 150), ("C12", "2024-01-01", 500, 150),
    ]

    /// The workspace; `customerOrder` and `rowOrder` permute the input (for invariance tests).
    static func workspace(customerOrder: [Int]? = nil, rowOrder: [Int]? = nil) -> Workspace {
        var s = Settings()
        s.asOf = asOf
        let order = customerOrder ?? Array(people.indices)
        let customers = order.map { k -> Customer in
            let p = people[k]
            var c = Customer(id: p.0, name: p.1)
            c.costToServe = Money(minor: p.2 * 100)
            if let r = p.3 { c.ratings[.satisfaction] = r }
            if p.0 == "C10" { c.tierOverride = Override(value: "Key", reason: "strategic logo", author: "ann", at: Timestamp(seconds: 0)) }
            if p.0 == "C06" { c.strategyOverride = Override(value: "grow", reason: "new buyer", author: "ann", at: Timestamp(seconds: 0)) }
            return c
        }
        var ws = Workspace(settings: s, customers: customers)
        for r in rowOrder ?? Array(sales.indices) {
            let t = sales[r]
            guard let k = ws.index[t.0] else { continue }
            ws.transactions.append(customer: Int32(k), day: day(t.1), amount: Money(minor: t.2 * 100), margin: t.3.map { Money(minor: $0 * 100) })
        }
        return ws
    }

    /// Weights of the hand-checked score: revenue (percentile) and satisfaction (0–10 × 10), equal.
    static let simpleWeights: [Criterion: Double] = [.monetary: 1, .satisfaction: 1]
}
