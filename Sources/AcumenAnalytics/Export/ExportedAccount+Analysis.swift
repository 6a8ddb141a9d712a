import AcumenCore
/// Building exported accounts from the analytics engine.
extension ExportedAccount {
    /// The accounts of an analysis that pass `filter`, in workspace order, scored with
    /// `scenario`'s weights when given (the baseline weights otherwise).
    /// - Complexity: O(n) plus the rescoring for a scenario.
    public static func accounts(_ analysis: PortfolioAnalysis, scenario: Scenario? = nil, filter: AccountFilter = .all) -> [ExportedAccount] {
        let scoring = scenario.map { analysis.rescored(scenario: $0) } ?? analysis.baseline
        let needsReasons = filter.mentions(.reason)
        var out: [ExportedAccount] = []
        out.reserveCapacity(analysis.count)
        for k in 0..<analysis.count {
            // Reasons cost more: worked out before filtering only when the filter reads them.
            var account = Self.account(analysis, scoring: scoring, k, reasons: needsReasons)
            guard filter.matches(account) else { continue }
            if !needsReasons { account.figures.reasons = analysis.recommendation(for: k).reasons }
            out.append(account)
        }
        return out
    }

    /// The accounts at the given customer positions, in that order (the rows a screen lists).
    public static func accounts(_ analysis: PortfolioAnalysis, rows: [Int]) -> [ExportedAccount] {
        rows.filter { $0 >= 0 && $0 < analysis.count }.map { account(analysis, scoring: analysis.baseline, $0, reasons: true) }
    }

    /// One account with its figures from `scoring`.
    static func account(_ analysis: PortfolioAnalysis, scoring: Scoring, _ k: Int, reasons: Bool) -> ExportedAccount {
        var f = AccountFigures()
        f.score = scoring.scores[k]
        f.tier = analysis.tierNames[Int(scoring.effectiveTiers[k])]
        f.segment = analysis.rfm.segmentName(k)
        f.abc = analysis.abc.className(k)
        if analysis.rfm.r[k] > 0 { f.recencyScore = Int(analysis.rfm.r[k]) }
        if analysis.rfm.f[k] > 0 { f.frequencyScore = Int(analysis.rfm.f[k]) }
        f.strategy = analysis.strategy.effective(k)
        f.recommendation = analysis.strategy.recommendation(k)
        f.revenue = Money(minor: analysis.revenue[k])
        f.margin = Money(minor: analysis.margin[k])
        f.contribution = Money(minor: analysis.contribution[k])
        f.clv = analysis.predictedCLV(k)
        if reasons { f.reasons = analysis.recommendation(for: k).reasons }
        return ExportedAccount(index: k, customer: analysis.customers[k], figures: f)
    }
}
