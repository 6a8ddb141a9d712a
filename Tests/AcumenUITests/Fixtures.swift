import AcumenUI

/// Small, hand-checkable account tables for screen and reducer tests.
enum Fixtures {
    static let names = [
        "Acme Tools GmbH", "株式会社サクラ精機", "Nordwind Logistik", "Café Ümlaut & Söhne", "北京长城贸易有限公司",
        "Bolt Mfg", "Evil\u{1b}[31mRed\u{1b}]0;pwned\u{7}Corp", "Zeta 株式会社 Mixed", "Omega Foods", "한국무역 Korea Trade",
        "Delta Paper", "Gamma\u{202e}Reversed", "Apex Steel", "Beta Labs", "Kappa Retail",
    ]

    /// A table of `count` accounts cycling through the names, with deterministic figures.
    static func table(count: Int = 15) -> AccountTable {
        var t = AccountTable()
        t.tierNames = ["Key", "Growth", "Core", "Tail"]
        t.segmentNames = ["Champions", "Loyal", "At risk", "Hibernating"]
        t.strategyNames = ["Grow", "Maintain", "Nurture", "Cut cost"]
        t.ownerNames = ["anna", "ben", "chen"]
        for k in 0..<count {
            let name = k < names.count ? names[k] : names[k % names.count] + " \(k)"
            let score = Double((k * 37) % 100) + 0.5
            let tier: UInt8 = score >= 80 ? 0 : score >= 60 ? 1 : score >= 30 ? 2 : 3
            let revenue = Int64(((k * 7919) % 500 + 1) * 10_000)
            let contribution = k % 5 == 3 ? -Int64(k * 5_000) : revenue / 3
            let monthly = (0..<12).map { m in Float(((k + 1) * (m + 3) * 13) % 97) }
            t.append(id: "C\(1000 + k)", name: name, tier: tier, score: k == 4 ? .nan : score, abc: UInt8(k % 3),
                     segment: UInt8(k % 4), recency: UInt8(k % 5 + 1), frequency: UInt8((k / 2) % 5 + 1),
                     revenue: revenue, contribution: contribution, clv: k == 2 ? Int64.min : revenue * 2,
                     strategy: UInt8(k % 4), owner: Int32(k % 3),
                     triage: AccountTable.TriageState.allCases[k % 5], monthly: monthly)
        }
        return t
    }

    /// A loaded state at a size.
    static func state(width: Int = 80, height: Int = 24, count: Int = 15, glyphs: GlyphSet = .unicode) -> AppState {
        var s = AppState(width: width, height: height, workspaceName: "demo", glyphs: glyphs)
        _ = s.update(.loaded(table(count: count)))
        return s
    }

    /// Profile facts for a row of ``table(count:)``.
    static func profile(row: Int, table t: AccountTable) -> ProfileFacts {
        var p = ProfileFacts(
            row: row, name: t.names[row], id: t.ids[row],
            headline: [.init("Tier", t.tierName(row)), .init("Score", "72.5"), .init("ABC", t.abcName(row)),
                       .init("Segment", t.segmentName(row)), .init("Owner", t.ownerName(row))],
            criteria: [
                .init(title: "Revenue", raw: "124k", normalised: 88, weight: 0.3, contribution: 26.4),
                .init(title: "Contribution", raw: "41.2k", normalised: 75, weight: 0.25, contribution: 18.75),
                .init(title: "Satisfaction", raw: "unknown", normalised: .nan, weight: 0.1, contribution: 0),
                .init(title: "Willingness to cooperate", raw: "7/10", normalised: 70, weight: 0.35, contribution: 24.5),
            ],
            facts: [.init("RFM", "R5 F4 M5"), .init("Purchase cycle", "every 23 days"), .init("Trend", "+12.0%"),
                    .init("Cost to serve", "8.5k"), .init("Break-even", "below", warning: true),
                    .init("Predicted CLV", "210k"), .init("P(alive)", "0.93")],
            monthly: t.monthlyRevenue(row), firstMonth: "2025-01", lastMonth: "2025-12",
            recommendation: "Grow",
            reasons: ["High value (82 ≥ 50)", "High potential (71 ≥ 50)"],
            actions: ["A richer value proposition", "Personal service", "Loyalty rewards"],
            notes: ["2025-11-02 anna: Visited the plant; expansion planned for 2026 \u{1b}[2J"],
            overrides: [], history: ["2025-11-02 anna: rating cooperation: unknown → 7"])
        p.quarters = ["Q4'23 Silver 58 nurture", "Q1'24 Silver 61 nurture", "Q2'24 Gold 66 grow", "Q3'24 Gold 70 grow",
                      "Q4'24 Gold 69 grow", "Q1'25 Gold 71 grow", "Q2'25 Key 74 grow", "Q3'25 Key 72 grow"]
        p.decision = "Grow since 2025-11-02: too early (measurable from 2026-11-02)"
        return p
    }
}
