import AcumenCore
/// Review facts from an analysis under one scoring: the workspace's own weights
/// (``PortfolioAnalysis/baseline``) or a what-if rescoring.
///
/// The recommendation is the strategy grid's (weight-independent, ignoring a manual override);
/// the tier is the effective one (a manual tier override wins).
public struct ScoredReviewFacts: ReviewFacts, Sendable {
    public let analysis: PortfolioAnalysis
    public let scoring: Scoring

    /// Facts under a scoring of the analysis (the analysis' baseline when nil).
    public init(_ analysis: PortfolioAnalysis, scoring: Scoring? = nil) {
        self.analysis = analysis
        self.scoring = scoring ?? analysis.baseline
    }

    public var count: Int { min(analysis.count, scoring.count) }
    public func score(_ k: Int) -> Double { scoring.scores[k] }
    public func tierName(_ k: Int) -> String {
        let names = analysis.tierNames, t = Int(scoring.effectiveTiers[k])
        return t < names.count ? names[t] : ""
    }
    public func recommendation(_ k: Int) -> Strategy { StrategyAnalysis.strategy(Int(analysis.strategy.recommended[k])) }
}

extension PortfolioAnalysis: ReviewFacts {
    public func score(_ k: Int) -> Double { baseline.scores[k] }
    public func tierName(_ k: Int) -> String { ScoredReviewFacts(self).tierName(k) }
    public func recommendation(_ k: Int) -> Strategy { StrategyAnalysis.strategy(Int(strategy.recommended[k])) }
}
