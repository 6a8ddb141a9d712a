@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The five-customer workspace of docs/analytics.md §16 ("Worked example: two dates"), checked
/// by hand there. Weights: window revenue (monetary) only; two tiers, Top 40 % and Rest.
/// Earlier date 2024-01-01 (window 2023), later date 2025-01-01 (window 2024).
enum TimeFixture {
    static func day(_ s: String) -> Day { Day(iso: s) ?? Day(ordinal: 0) }

    static let earlier = day("2024-01-01")
    static let later = day("2025-01-01")

    /// (customer id, date, amount in currency units); no margins (30 % default), no cost to serve.
    static let sales: [(String, String, Int64)] = [
        ("A", "2023-03-01", 1000), ("A", "2024-05-01", 1200),
        ("B", "2023-06-01", 600), ("B", "2024-06-01", 200),
        ("C", "2023-09-01", 300),
        ("D", "2024-02-01", 800), ("D", "2024-08-01", 700),
        ("E", "2023-11-01", 100), ("E", "2024-11-01", 400),
    ]

    /// (customer id, decision day, decided strategy): A and E before the earlier date, B after.
    static let reviews: [(String, String, Strategy)] = [("A", "2023-12-15", .grow), ("B", "2024-03-01", .maintain), ("E", "2023-10-01", .nurture)]

    static func workspace() -> Workspace {
        var s = Settings()
        s.weights = [.monetary: 1]
        var tiers = TierSettings()
        tiers.bands = [.init(name: "Top", share: 0.4, minScore: 50), .init(name: "Rest", share: 0.6, minScore: 0)]
        s.tiers = tiers
        var customers = ["A", "B", "C", "D", "E"].map { Customer(id: $0, name: "Customer " + $0) }
        for (id, date, strategy) in reviews {
            guard let k = customers.firstIndex(where: { $0.id == id }) else { continue }
            customers[k].review = Review(status: .decided, strategy: strategy, reason: "plan", author: "ann",
                                         at: Timestamp(seconds: Int64(day(date).ordinal) * 86_400 + 3_600),
                                         score: 50, recommendation: strategy, tier: "Top")
        }
        var ws = Workspace(settings: s, customers: customers)
        for (id, date, amount) in sales {
            guard let k = ws.index[id] else { continue }
            ws.transactions.append(customer: Int32(k), day: day(date), amount: Money(minor: amount * 100), margin: nil)
        }
        return ws
    }

    /// The comparison of the worked example.
    static func comparison() -> PortfolioComparison {
        let ws = workspace()
        return PortfolioComparison(earlier: PortfolioAnalyzer.analyze(ws, asOf: earlier), later: PortfolioAnalyzer.analyze(ws, asOf: later))
    }

    /// Customer index of an id.
    static func index(_ id: String) -> Int { ["A", "B", "C", "D", "E"].firstIndex(of: id) ?? -1 }
}
