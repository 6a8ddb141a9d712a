import AcumenAnalytics
import AcumenCore
import AcumenStore

/// How an edit that changes figures reaches the analysis: an override patches it, a rating
/// updates the rated customers' columns, anything else re-analyses keeping the transaction
/// pass — never with the old and the new analysis held side by side.
extension Runtime {
    /// Analyses the session's workspace again (after an edit changed a figure, or with a
    /// lifetime-value fit that finished in the background).
    /// - Parameter keepingScan: the edits since the last analysis changed no transaction and
    ///   no customer id (any edit of the journal): the transaction pass is kept
    ///   (``PortfolioAnalyzer/reanalyze(_:asOf:clv:keeping:)``), and the old analysis is let go
    ///   before the new one is built, so the two are never held side by side.
    func reanalyse(clv: CLVInputs? = nil, keepingScan: Bool = false) {
        let clv = clv ?? analysis.clv
        if keepingScan, analysis.asOf == asOf {
            let scan = analysis.scan
            analysis = Self.placeholder(asOf: asOf, settings: session.workspace.settings)
            facts = ScoredReviewFacts(analysis)
            state.letGoOfAnalysis(for: analysis)
            analysis = PortfolioAnalyzer.reanalyze(session.workspace, asOf: asOf, clv: clv, keeping: scan)
            returnMemoryAfterUpdate = true
        } else {
            analysis = PortfolioAnalyzer.analyze(session.workspace, asOf: asOf, clv: clv)
            releaseScanMemory()
        }
        facts = ScoredReviewFacts(analysis)
        analysisRevision += 1
        modelRevision += 1
    }

    /// The accounts table of the analysis now, with the search keys, owner and tag codes of
    /// the table on screen (the same accounts: an edit or a fit changes no name, and every edit
    /// of an owner or tags refreshed them there); see ``AccountTable/keepMasterData(of:)``.
    func accountTableKeepingMasterData() -> AccountTable {
        var table = view.accountTable()
        table.keepMasterData(of: state.table)
        return table
    }

    /// The analysis of no customers, held while the next one is built.
    static func placeholder(asOf: Day, settings: Settings) -> PortfolioAnalysis {
        PortfolioAnalyzer.analyze(Workspace(settings: settings), asOf: asOf)
    }

    /// Whether every figure an edit changes is a manual tier or strategy override (a triage
    /// decision against the recommendation, an override on the profile).
    static func changesOnlyOverrides(_ e: Edit) -> Bool {
        switch e {
        case .setRating, .setCostToServe, .setWeights: false
        case .batch(let edits): edits.allSatisfy(changesOnlyOverrides)
        default: true
        }
    }

    /// Whether every figure an edit changes is a rating (a rating on a profile, or its undo).
    static func changesOnlyRatings(_ e: Edit) -> Bool {
        switch e {
        case .setCostToServe, .setTierOverride, .setStrategyOverride, .setWeights: false
        case .batch(let edits): edits.allSatisfy(changesOnlyRatings)
        default: true
        }
    }

    /// Takes in rating edits of customers `ks` without a new analysis
    /// (``PortfolioAnalysis/updatingRatings(_:of:in:)``), after the view models let go of the
    /// analysis so its matrix is updated in place; false when only a full one is right.
    func updateRatings(of ks: [Int]) -> Bool {
        let ws = session.workspace
        guard analysis.asOf == asOf, analysis.canUpdateRatings(of: ks, in: ws) else { return false }
        let old = analysis, clv = analysis.clv
        analysis = Self.placeholder(asOf: asOf, settings: ws.settings)
        facts = ScoredReviewFacts(analysis)
        state.letGoOfAnalysis(for: analysis)
        analysis = PortfolioAnalysis.updatingRatings(consume old, of: ks, in: ws) ?? PortfolioAnalyzer.analyze(ws, asOf: asOf, clv: clv)
        facts = ScoredReviewFacts(analysis)
        analysisRevision += 1
        modelRevision += 1
        returnMemoryAfterUpdate = true
        return true
    }

    /// Takes in edits of the manual overrides of customers `ks` without a new analysis
    /// (``PortfolioAnalysis/updatingOverrides(of:in:)``); false when only a full one is right.
    func updateOverrides(of ks: [Int]) -> Bool {
        guard analysis.asOf == asOf, let updated = analysis.updatingOverrides(of: ks, in: session.workspace) else { return false }
        analysis = updated
        facts = ScoredReviewFacts(analysis)
        analysisRevision += 1
        modelRevision += 1
        return true
    }

    /// Gives back the resident pages of the transactions read in place from the mapped cache
    /// once a scan of every row is done (the first analysis, a re-analysis, the background
    /// work each time a job lands): they stay in the page cache and the next scan reads them from
    /// there, so the workbench does not hold 290 MB of them (10M rows) while it waits for keys.
    func releaseScanMemory() {
        session.workspace.transactions.releaseResidentPages()
    }

    /// Whether an edit changes an analysed figure (score, tier, strategy, contribution).
    static func changesFigures(_ e: Edit) -> Bool {
        switch e {
        case .setRating, .setCostToServe, .setTierOverride, .setStrategyOverride, .setWeights: true
        case .batch(let edits): edits.contains(where: changesFigures)
        default: false
        }
    }
}
