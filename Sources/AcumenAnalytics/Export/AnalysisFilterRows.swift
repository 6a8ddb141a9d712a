import AcumenCore
/// An analysis's accounts as rows a filter evaluates in bulk (``AccountFilter/rows(_:in:)``):
/// row `k` is customer `k`, with the figures of `scoring` (the baseline unless a scenario's).
///
/// The values are those ``ExportedAccount`` exports, so a filter keeps the same accounts here,
/// in `acumen export --filter` and in the workbench (which reads the keys it does not show from here).
public struct AnalysisFilterRows: AccountFilterRows, Sendable {
    public let analysis: PortfolioAnalysis
    public let scoring: Scoring

    public init(_ analysis: PortfolioAnalysis, scoring: Scoring? = nil) {
        self.analysis = analysis; self.scoring = scoring ?? analysis.baseline
    }

    public func codes(for key: AccountFilter.TextKey) -> AccountFilter.Codes? {
        let a = analysis, s = scoring
        switch key {
        case .tier: return .init(names: a.tierNames.map { [$0] }) { Int(s.effectiveTiers[$0]) }
        case .segment: return .init(names: a.rfm.segmentNames.map { [$0] }) { Int(a.rfm.segment[$0]) }
        case .abc: return .init(names: ABCAnalysis.classNames.map { [$0] }) { Int(a.abc.classes[$0]) }
        case .strategy:
            return .init(names: Strategy.allCases.map { [$0.rawValue, $0.title] }) {
                a.strategy.override[$0] >= 0 ? Int(a.strategy.override[$0]) : Int(a.strategy.recommended[$0])
            }
        default: return nil
        }
    }

    public func values(for key: AccountFilter.TextKey, row k: Int) -> [String] {
        switch key {
        case .tier: [analysis.tierNames[Int(scoring.effectiveTiers[k])]]
        case .segment: [analysis.rfm.segmentName(k)]
        case .abc: [analysis.abc.className(k)]
        case .strategy: [analysis.strategy.effective(k).rawValue, analysis.strategy.effective(k).title]
        case .reason: [ExportedAccount.account(analysis, scoring: scoring, k, reasons: true).reason]
        default: analysis.customers[k].filterValues(for: key)
        }
    }

    public func number(for key: AccountFilter.NumberKey, row k: Int) -> Double? {
        switch key {
        case .score: scoring.scores[k]
        case .revenue: Money(minor: analysis.revenue[k]).units
        case .contribution: Money(minor: analysis.contribution[k]).units
        case .margin: Money(minor: analysis.margin[k]).units
        case .clv: analysis.predictedCLV(k)?.units
        case .costToServe: analysis.customers[k].costToServe.units
        case .r: analysis.rfm.r[k] > 0 ? Double(analysis.rfm.r[k]) : nil
        case .f: analysis.rfm.f[k] > 0 ? Double(analysis.rfm.f[k]) : nil
        }
    }

    public func flag(_ flag: AccountFilter.Flag, row k: Int) -> Bool {
        analysis.customers[k].filterFlag(flag, belowBreakEven: analysis.contribution[k] < 0)
    }
}

extension PortfolioAnalysis {
    /// Predicted CLV of customer `k` rounded to the minor unit, nil without a fit (what exports show).
    public func predictedCLV(_ k: Int) -> Money? {
        guard let v = clv?.clv(k), v.isFinite else { return nil }
        return Money(minor: Int64((v * 100).rounded()))
    }
}

extension Customer {
    /// The values of the filter keys a customer holds itself (master data); empty for the others.
    public func filterValues(for key: AccountFilter.TextKey) -> [String] {
        switch key {
        case .id: [id]
        case .name: [name]
        case .owner: [owner]
        case .industry: [industry]
        case .region: [region]
        case .tag: tags
        default: []
        }
    }

    /// A filter flag of this customer; `belowBreakEven` is the analysis's (contribution < 0).
    public func filterFlag(_ flag: AccountFilter.Flag, belowBreakEven: Bool) -> Bool {
        switch flag {
        case .belowBreakEven: belowBreakEven
        case .overridden: tierOverride != nil || strategyOverride != nil
        case .reviewed: review != nil
        case .unreviewed: review == nil
        case .hasNotes: !notes.isEmpty
        }
    }
}
