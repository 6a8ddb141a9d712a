import AcumenCore
/// Review facts from an analysis under one scoring: the workspace's own weights
/// (``PortfolioAnalysis/baseline``) or a what-if rescoring.
///
/// The recommendation is the strategy grid's (weight-independent, ignoring a manual override);
/// the tier is the effective one (a manual tier override wins).
///
/// A view: each fact is read from the analysis' arrays when asked (the runtime's and the
/// reducer's facts, so the first screen copies no per-customer array; ``ReviewFactsTable``
/// holds the same values copied).
public struct ScoredReviewFacts: ReviewFacts, Sendable {
    public let analysis: PortfolioAnalysis
    public let scoring: Scoring
    /// The tier names by index (``PortfolioAnalysis/tierNames``, computed once here: it is
    /// read per customer).
    public let tierNames: [String]

    /// Facts under a scoring of the analysis (the analysis' baseline when nil).
    public init(_ analysis: PortfolioAnalysis, scoring: Scoring? = nil) {
        self.analysis = analysis
        self.scoring = scoring ?? analysis.baseline
        tierNames = analysis.tierNames
    }

    public var count: Int { min(analysis.count, scoring.count) }
    public func score(_ k: Int) -> Double { scoring.scores[k] }
    public func tierName(_ k: Int) -> String {
        let t = Int(scoring.effectiveTiers[k])
        return t < tierNames.count ? tierNames[t] : ""
    }
    public func recommendation(_ k: Int) -> Strategy { StrategyAnalysis.strategy(Int(analysis.strategy.recommended[k])) }
}

extension PortfolioAnalysis: ReviewFacts {
    public func score(_ k: Int) -> Double { baseline.scores[k] }
    public func tierName(_ k: Int) -> String { ScoredReviewFacts(self).tierName(k) }
    public func recommendation(_ k: Int) -> Strategy { StrategyAnalysis.strategy(Int(strategy.recommended[k])) }
}
