import AcumenAnalytics
import AcumenCore
import AcumenStore

extension Runtime {
    /// What a re-analysis at another date computed off the input path.
    struct DatedAnalysis: Sendable {
        var day: Day
        var analysis: PortfolioAnalysis
        /// The workspace revision it was computed from.
        var revision: Int
    }

    /// Analyses the workspace as of `day`: on the background queue while the main loop runs
    /// (the lifetime-value fit, when the analysis has one, refits on history before `day`),
    /// at once otherwise. The workspace is not edited.
    func analyse(at day: Day) -> [Action] {
        let workspace = session.workspace
        let refit = analysis.clv != nil || workspace.settings.clv.enabled
        let revision = modelRevision
        let compute: @Sendable () -> DatedAnalysis = {
            let clv = refit ? CLVInputs(PortfolioAnalyzer.fitLifetimeValue(workspace, asOf: day)) : nil
            return DatedAnalysis(day: day, analysis: PortfolioAnalyzer.analyze(workspace, asOf: day, clv: clv), revision: revision)
        }
        guard let background else { return adopt(compute()) }
        background.start(compute) { [weak self] result in self?.adopt(result) ?? [] }
        return []
    }

    /// Adopts a re-analysis at another date — unless a later date was asked for meanwhile; when
    /// the workspace was edited while it ran, analyses the edited workspace with its fit. The
    /// table keeps its rows (customer order), so cursor, filter, sort and marks stay; a triage
    /// queue and the what-if baseline are kept.
    func adopt(_ result: DatedAnalysis) -> [Action] {
        guard state.time.pending == result.day else { return [] }
        asOf = result.day
        if result.revision == modelRevision {
            adopt(result.analysis)
        } else {
            reanalyse(clv: result.analysis.clv)
        }
        _ = accountHistory()
        var out: [Action] = [.workflow(.reanalysed(model)), .loaded(view.accountTable())]
        if let q = state.triage.queue {
            out.append(.workflow(.triageQueue(q, q.progress(workspace: session.workspace, facts: facts, rules: rules))))
        }
        return out + [.dateAnalysed(result.day)]
    }
}

extension Runtime {
    /// Analyses the workspace as of an earlier `day` and compares it with the analysis in
    /// effect, with the same weights (``PortfolioComparison``): on the background queue while
    /// the main loop runs, at once otherwise. When the analysis in effect has a lifetime-value
    /// fit, the earlier date gets its own, refitted on the history before `day` (as a date
    /// change does, ``analyse(at:)``), so its predicted CLV, P(alive) and the scores that weigh
    /// them are those of a standalone analysis at `day`; without one (a large workspace's fit
    /// still running) neither date has it, and the screen recompares when it lands.
    func compare(earlier day: Day) -> [Action] {
        let workspace = session.workspace, later = analysis, weights = analysis.settings.weights
        let refit = analysis.clv != nil
        let compute: @Sendable () -> PortfolioComparison = {
            let clv = refit ? CLVInputs(PortfolioAnalyzer.fitLifetimeValue(workspace, asOf: day)) : nil
            return PortfolioComparison(earlier: PortfolioAnalyzer.analyze(workspace, asOf: day, clv: clv), later: later, weights: weights)
        }
        guard let background else { return [.changesLoaded(compute())] }
        background.start(compute) { result in [.changesLoaded(result)] }
        return []
    }
}
