import AcumenModel

/// Runs the workflow effects against the open workspace: records edits through the
/// ``EditSession`` (journaled and fsynced before anything reports success), re-analyses when
/// an edit changes a figure, saves, and resolves save conflicts.
///
/// Lives outside the pure reducer; the executable creates one and routes
/// ``Effect/workflow(_:)`` to ``perform(_:)``.
public final class WorkflowShell {
    public let session: EditSession
    public private(set) var model: WorkflowModel
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
        var m = WorkflowModel(workspace: session.workspace, analysis: analysis)
        m.readOnlyReason = session.store.readOnlyReason
        model = m
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
                refresh(reanalyse: true)
                return [.workflow(.loaded(model)), .loaded(makeTable(model.workspace, model.analysis)),
                        .notice("Took \(files.joined(separator: ", ")) from disk; dropped \(dropped.count) unsaved edit\(dropped.count == 1 ? "" : "s")", isError: false)]
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

    /// Records an edit request and answers with the new model.
    func edit(_ request: EditRequest) -> [Action] {
        let w = session.workspace
        let now = clock()
        let step: EditSession.Step?
        do {
            switch request {
            case .undo: step = try session.undo(at: now)
            case .redo: step = try session.redo(at: now)
            default:
                guard let edit = try self.edit(for: request, in: w, at: now) else {
                    return [.workflow(.edited(EditOutcome(request: request, model: model, table: nil, message: "", isError: false, customers: [])))]
                }
                step = try session.perform(edit, at: now)
            }
        } catch {
            let message = (error as? WorkspaceError)?.description ?? String(describing: error)
            return [.workflow(.edited(EditOutcome(request: request, model: nil, table: nil, message: message, isError: true, customers: [])))]
        }
        guard let step else {
            let what = request == .undo ? "Nothing to undo" : "Nothing to redo"
            return [.workflow(.edited(EditOutcome(request: request, model: model, table: nil, message: what, isError: false, customers: [])))]
        }
        let changed = request == .undo ? step.inverse : step.edit
        let figures = Self.changesFigures(changed)
        refresh(reanalyse: figures)
        let ids = changed.customerIDs
        let indices = ids.compactMap { model.workspace.index[$0] }
        let verb = request == .undo ? "Undid" : request == .redo ? "Redid" : "Saved to journal"
        let table = figures || Self.changesTable(changed) ? makeTable(model.workspace, model.analysis) : nil
        return [.workflow(.edited(EditOutcome(request: request, model: model, table: table,
                                              message: "\(verb): \(step.label)", isError: false, customers: indices)))]
    }

    /// The edit for a request, stamped with the time and the author.
    func edit(for request: EditRequest, in w: Workspace, at now: Timestamp) throws -> Edit? {
        let author = session.author
        func ids(_ ks: [Int]) -> [String] { ks.filter { w.customers.indices.contains($0) }.map { w.customers[$0].id } }
        switch request {
        case .triage(let d, let k): return try d.edit(in: w, customer: k, facts: model.facts, author: author, at: now)
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

    /// Adopts a lifetime-value fit that finished in the background: re-analyses the current
    /// workspace with it (later edits keep using it) and answers with the new model and table.
    public func adoptLifetimeValue(_ clv: CLVInputs, notice: String) -> [Action] {
        let w = session.workspace
        let revision = model.analysisRevision + 1
        var m = WorkflowModel(workspace: w, analysis: PortfolioAnalyzer.analyze(w, asOf: asOf, clv: clv))
        m.analysisRevision = revision
        m.undoLabel = session.undoStack.last?.label
        m.redoLabel = session.redoStack.last?.label
        m.readOnlyReason = session.store.readOnlyReason
        model = m
        return [.workflow(.loaded(model)), .loaded(makeTable(model.workspace, model.analysis)), .notice(notice, isError: false)]
    }

    /// Re-reads the session's workspace into the model, re-analysing when figures changed.
    func refresh(reanalyse: Bool) {
        let w = session.workspace
        if reanalyse {
            let revision = model.analysisRevision + 1
            model = WorkflowModel(workspace: w, analysis: PortfolioAnalyzer.analyze(w, asOf: asOf, clv: model.analysis.clv))
            model.analysisRevision = revision
        } else {
            model.workspace = w
            model.rules = TriageSettings(w.settings)
        }
        model.undoLabel = session.undoStack.last?.label
        model.redoLabel = session.redoStack.last?.label
        model.readOnlyReason = session.store.readOnlyReason
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
