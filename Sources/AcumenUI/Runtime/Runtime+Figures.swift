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
            let scan = letGoOfAnalysis().scan
            adopt(PortfolioAnalyzer.reanalyze(session.workspace, asOf: asOf, clv: clv, keeping: scan))
            returnMemoryAfterUpdate = true
        } else {
            adopt(PortfolioAnalyzer.analyze(session.workspace, asOf: asOf, clv: clv))
            releaseScanMemory()
        }
    }

    /// Hands over the analysis: the runtime, its review facts and the view models
    /// (``AppState/letGoOfAnalysis(for:)``) hold the analysis of no customers instead, so the
    /// caller's is the only hold left while the next one is built.
    func letGoOfAnalysis() -> PortfolioAnalysis {
        let old = analysis
        analysis = emptyAnalysis
        facts = ScoredReviewFacts(analysis)
        state.letGoOfAnalysis(for: analysis)
        return old
    }

    /// The analysis of no customers under the workspace's settings and date, which stands in
    /// while the next one is built (kept while they stay the same: it takes ~1 ms to make).
    var emptyAnalysis: PortfolioAnalysis {
        let settings = session.workspace.settings
        if let kept = placeholder, kept.asOf == asOf, kept.settings == settings { return kept }
        let made = PortfolioAnalyzer.analyze(Workspace(settings: settings), asOf: asOf)
        placeholder = made
        return made
    }

    /// The accounts table of the analysis now, with the search keys, owner and tag codes of
    /// the table on screen (the same accounts: an edit or a fit changes no name, and every edit
    /// of an owner or tags refreshed them there); see ``AccountTable/keepMasterData(of:)``.
    func accountTableKeepingMasterData() -> AccountTable {
        var table = view.accountTable()
        table.keepMasterData(of: state.table)
        return table
    }

    /// What kind of figures an edit changes, which decides how the analysis takes it in.
    enum FigureChange: Equatable {
        /// None (master data, notes, reviews, scenarios): the touched rows are refreshed.
        case none
        /// Only manual tier or strategy overrides: ``updateOverrides(of:)``.
        case overrides
        /// Only ratings: ``updateRatings(of:)``.
        case ratings
        /// A cost to serve, the default weights, or a mix: ``reanalyse(clv:keepingScan:)``.
        case other

        /// The change of two edits made together.
        func and(_ b: FigureChange) -> FigureChange { self == .none || self == b ? b : b == .none ? self : .other }
    }

    /// The figures edit `e` changes.
    static func figureChange(_ e: Edit) -> FigureChange {
        switch e {
        case .setTierOverride, .setStrategyOverride: .overrides
        case .setRating: .ratings
        case .setCostToServe, .setWeights: .other
        case .batch(let edits): edits.reduce(.none) { $0.and(figureChange($1)) }
        default: .none
        }
    }

    /// Takes in rating edits of customers `ks` without a new analysis
    /// (``PortfolioAnalysis/updatingRatings(_:of:in:)``), after the view models let go of the
    /// analysis so its columns are updated in place.
    /// - Returns: the customers whose standing changed — `ks`, and those a rated customer pushed
    ///   over a tier edge — in ascending order; nil when only a full analysis is right (then
    ///   nothing was done, or, should the update fail after all, a full analysis is in effect).
    func updateRatings(of ks: [Int]) -> [Int]? {
        let ws = session.workspace
        // The list on screen takes the updated columns as they are (``AccountTable/apply(_:)``):
        // only when it lists the same accounts.
        guard analysis.asOf == asOf, state.table.count == ws.customers.count, analysis.canUpdateRatings(of: ks, in: ws) else { return nil }
        let clv = analysis.clv, old = letGoOfAnalysis()
        guard let (updated, moved) = PortfolioAnalysis.updatingRatings(consume old, of: ks, in: ws) else {
            adopt(PortfolioAnalyzer.analyze(ws, asOf: asOf, clv: clv))
            releaseScanMemory()
            returnMemoryAfterUpdate = true
            return nil
        }
        // Updated in place: only a tier column was copied, no memory to give back.
        adopt(updated)
        return Array(Set(ks + moved)).sorted()
    }

    /// Takes in edits of the manual overrides of customers `ks` without a new analysis
    /// (``PortfolioAnalysis/updatingOverrides(of:in:)``); false when only a full one is right.
    func updateOverrides(of ks: [Int]) -> Bool {
        guard analysis.asOf == asOf, let updated = analysis.updatingOverrides(of: ks, in: session.workspace) else { return false }
        adopt(updated)
        return true
    }

    /// Gives back the resident pages of the transactions read in place from the mapped cache
    /// once a scan of every row is done (the first analysis, a re-analysis, the background
    /// work each time a job lands): they stay in the page cache and the next scan reads them from
    /// there, so the workbench does not hold 290 MB of them (10M rows) while it waits for keys.
    func releaseScanMemory() {
        session.workspace.transactions.releaseResidentPages()
    }

    /// Puts `a` in effect: the review facts follow, and the revisions move (the screens derive
    /// their view models again).
    func adopt(_ a: PortfolioAnalysis) {
        analysis = a
        facts = ScoredReviewFacts(a)
        analysisRevision += 1
        modelRevision += 1
    }
}
