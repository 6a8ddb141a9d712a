import AcumenAnalytics
import AcumenCore

extension WorkspaceView {
    /// One quarter of the profile's timeline: the quarter that ended before the point's date,
    /// then tier, score and strategy (`Q3'97 Key 81 grow`), or `—` before the account's first
    /// purchase (`Q3'96 —`, see ``noStanding``).
    static func quarterLine(_ p: AccountHistory.Point) -> String {
        let (y, m, _) = p.asOf.adding(months: -3).civil
        let year = y % 100 < 10 ? "0\(y % 100)" : "\(y % 100)"
        let quarter = "Q\((m - 1) / 3 + 1)'\(year) "
        guard let s = p.standing else { return quarter + noStanding }
        return quarter + "\(s.tier) \(Format.fixed(s.score, digits: 0)) \(s.strategy.rawValue)"
    }

    /// What a quarter before the account's first purchase shows (the profile draws `-` in ASCII).
    static let noStanding = "—"

    /// The decision-growth line: revenue in the 12 months after the recorded decision against
    /// the 12 months before (``DecisionGrowth``), or "too early" until the after-period ended.
    static func decisionLine(_ g: DecisionGrowth) -> String {
        guard let d = g.decided, let s = g.strategy else { return "no decision recorded" }
        let head = "\(s.title) since \(d.iso): "
        switch g.outcome {
        case .noDecision: return "no decision recorded"
        case .tooEarly(let until): return head + "too early (measurable from \(until.iso))"
        case .measured(let before, let after):
            let change = g.change.map { " (" + ($0 >= 0 ? "+" : "") + Format.fixed($0 * 100, digits: 1) + "%)" } ?? ""
            return head + "revenue 12 months before \(Format.money(before)), after \(Format.money(after))" + change
        }
    }
}
