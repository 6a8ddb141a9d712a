import AcumenAnalytics
import AcumenCore
import AcumenStore

/// Runs the workflow effects against the open workspace: records edits through the
/// ``EditSession`` (journaled and fsynced before anything reports success), re-analyses when
/// an edit changes a figure, saves, and resolves save conflicts.
///
/// Lives outside the pure reducer; the executable creates one and routes
/// ``Effect/workflow(_:)`` to ``perform(_:)``.
///
/// The state keeps its own copy of the workspace and applies each recorded edit to it (the
/// answer carries the edit), so neither copy is shared while the other is edited: a shared
/// customers array would be copied whole on every edit (tens of milliseconds at 100,000).
public final class WorkflowShell {
    public let session: EditSession
    /// The analysis of the workspace as last analysed, and its review facts.
    public private(set) var analysis: PortfolioAnalysis
    var facts: ReviewFactsTable
    var revision = 0
    let asOf: Day
    let clock: () -> Timestamp
    let makeTable: (Workspace, PortfolioAnalysis) -> AccountTable

    /// - Parameters:
    ///   - analysis: the analysis of the session's workspace as opened (its CLV inputs are
    ///     reused when an edit needs a new analysis).
    ///   - clock: the time stamped on edits.
    ///   - makeTable: builds the accounts table for a workspace and its analysis.
    public init(session: EditSession, analysis: PortfolioAnalysis, clock: @escaping () -> Timestamp,
                makeTable: @escaping (Workspace, PortfolioAnalysis) -> AccountTable) {
        self.session = session
        self.asOf = analysis.asOf
        self.clock = clock
        self.makeTable = makeTable
        self.analysis = analysis
        facts = ReviewFactsTable(ScoredReviewFacts(analysis))
    }

    /// The model to send to the state: the session's workspace with the current analysis.
    public var model: WorkflowModel {
        var m = WorkflowModel(workspace: session.workspace, analysis: analysis, facts: facts)
        m.readOnlyReason = session.store.readOnlyReason
        m.analysisRevision = revision
        m.undoLabel = session.undoStack.last?.label
        m.redoLabel = session.redoStack.last?.label
        m.hasPendingEdits = session.store.hasUnsavedEdits
        return m
    }

    /// Runs one effect and returns the actions carrying its result.
    public func perform(_ effect: WorkflowEffect) -> [Action] {
        switch effect {
        case .edit(let request): return edit(request)
        case .reviewSave:
            do { return [.workflow(.pendingChanges(try PendingChanges(session.store).summaryLines))] } catch {
                return [.workflow(.failed(error.description))]
            }
        case .save(let files):
            do {
                switch try session.save(overwriting: Set(files)) {
                case .saved: return [.workflow(.saved)]
                case .conflict(let c): return [.workflow(.conflict(c.files))]
                }
            } catch { return [.workflow(.failed("Not saved: " + error.description))] }
        case .takeTheirs(let files):
            do {
                let dropped = try SaveConflict(files: files).takeTheirs(session)
                reanalyse()
                return [.workflow(.loaded(model)), .loaded(makeTable(session.workspace, analysis)),
                        .notice("Took \(files.joined(separator: ", ")) from disk; dropped \(Format.count(dropped.count, "unsaved edit"))", isError: false)]
            } catch { return [.workflow(.failed(error.description))] }
        case .showDiff(let files):
            do {
                let lines = try SaveConflict(files: files).diffs(session.store).flatMap { f in
                    ["--- \(f.file) (on disk)", "+++ \(f.file) (yours)"] + f.diff.unified(context: 2)
                }
                return [.workflow(.diff(lines))]
            } catch { return [.workflow(.failed(error.description))] }
        }
    }

    /// Records an edit request and answers with the edit recorded (and a new model when the
    /// edit changed analysed figures).
    func edit(_ request: EditRequest) -> [Action] {
        let now = clock()
        var outcome = EditOutcome(request: request, author: session.author, at: now)
        let step: EditSession.Step?
        do {
            switch request {
            case .undo: step = try session.undo(at: now)
            case .redo: step = try session.redo(at: now)
            default:
                guard let edit = try self.edit(for: request, in: session.workspace, at: now) else { return [.workflow(.edited(outcome))] }
                step = try session.perform(edit, at: now)
            }
        } catch {
            outcome.message = (error as? WorkspaceError)?.description ?? String(describing: error)
            outcome.isError = true
            return [.workflow(.edited(outcome))]
        }
        guard let step else {
            outcome.message = request == .undo ? "Nothing to undo" : "Nothing to redo"
            return [.workflow(.edited(outcome))]
        }
        let recorded = request == .undo ? step.inverse : step.edit
        outcome.recorded = recorded
        outcome.undoLabel = session.undoStack.last?.label
        outcome.redoLabel = session.redoStack.last?.label
        outcome.customers = recorded.customerIDs.compactMap { session.workspace.index[$0] }
        let verb = request == .undo ? "Undid" : request == .redo ? "Redid" : "Saved to journal"
        outcome.message = "\(verb): \(step.label)"
        // An edit of many accounts says how many, and how to take it back.
        if request != .undo, request != .redo, outcome.customers.count > 1 { outcome.message += " (" + Format.count(outcome.customers.count, "account") + "; u undoes)" }
        if Self.changesFigures(recorded) {
            reanalyse()
            outcome.model = model
        }
        if outcome.model != nil || Self.changesTable(recorded) { outcome.table = makeTable(session.workspace, analysis) }
        return [.workflow(.edited(outcome))]
    }

    /// The edit for a request, stamped with the time and the author.
    func edit(for request: EditRequest, in w: Workspace, at now: Timestamp) throws -> Edit? {
        let author = session.author
        func ids(_ ks: [Int]) -> [String] { ks.filter { w.customers.indices.contains($0) }.map { w.customers[$0].id } }
        switch request {
        case .triage(let d, let k): return try d.edit(in: w, customer: k, facts: facts, author: author, at: now)
        case .plain(let e, _): return e
        case .note(let ks, let text):
            return Self.batch(ids(ks).map { .addNote(customer: $0, note: Note(text: text, author: author, at: now)) })
        case .strategyOverride(let ks, let s, let reason):
            let o = s.map { Override(value: $0.rawValue, reason: reason, author: author, at: now) }
            return Self.batch(ids(ks).map { .setStrategyOverride(customer: $0, override: o) })
        case .tierOverride(let ks, let t, let reason):
            let o = t.map { Override(value: $0, reason: reason, author: author, at: now) }
            return Self.batch(ids(ks).map { .setTierOverride(customer: $0, override: o) })
        case .undo, .redo: return nil
        }
    }

    static func batch(_ edits: [Edit]) -> Edit? { edits.count <= 1 ? edits.first : .batch(edits) }

    /// Analyses the session's workspace again (after an edit changed a figure, or with a
    /// lifetime-value fit that finished in the background).
    func reanalyse(clv: CLVInputs? = nil) {
        analysis = PortfolioAnalyzer.analyze(session.workspace, asOf: asOf, clv: clv ?? analysis.clv)
        facts = ReviewFactsTable(ScoredReviewFacts(analysis))
        revision += 1
    }

    /// Adopts a lifetime-value fit that finished in the background: re-analyses the current
    /// workspace with it (later edits keep using it) and answers with the new model and table;
    /// a triage queue or what-if in progress is kept.
    public func adoptLifetimeValue(_ clv: CLVInputs, notice: String) -> [Action] {
        reanalyse(clv: clv)
        return [.workflow(.reanalysed(model)), .loaded(makeTable(session.workspace, analysis)), .notice(notice, isError: false)]
    }

    /// Whether an edit changes an analysed figure (score, tier, strategy, contribution).
    static func changesFigures(_ e: Edit) -> Bool {
        switch e {
        case .setRating, .setCostToServe, .setTierOverride, .setStrategyOverride, .setWeights: true
        case .batch(let edits): edits.contains(where: changesFigures)
        default: false
        }
    }

    /// Whether an edit changes a column of the accounts table other than the triage state.
    static func changesTable(_ e: Edit) -> Bool {
        switch e {
        case .setOwner: true
        case .batch(let edits): edits.contains(where: changesTable)
        default: false
        }
    }
}
