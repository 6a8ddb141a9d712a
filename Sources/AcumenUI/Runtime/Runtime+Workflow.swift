import AcumenAnalytics
import AcumenCore
import AcumenStore

extension Runtime {
    /// Runs one workflow effect (edits, saving, conflicts, triage queues) and returns the
    /// actions carrying its result.
    func perform(_ effect: WorkflowEffect) -> [Action] {
        switch effect {
        case .edit(let request): return edit(request)
        case .reviewSave:
            if saveInFlight { return [.notice("Still saving — Ctrl-S again once it says Saved", isError: false)] }
            do { return [.workflow(.pendingChanges(try PendingChanges(session.store).summaryLines))] } catch {
                return [.workflow(.failed(error.description))]
            }
        case .save(let files): return save(overwriting: files)
        case .takeTheirs(let files):
            do {
                let dropped = try SaveConflict(files: files).takeTheirs(session)
                reanalyse()
                return [.workflow(.loaded(model)), .loaded(view.accountTable()),
                        .notice("Took \(files.joined(separator: ", ")) from disk; dropped \(Format.count(dropped.count, "unsaved edit"))", isError: false)]
            } catch { return [.workflow(.failed(error.description))] }
        case .showDiff(let files):
            do {
                let lines = try SaveConflict(files: files).diffs(session.store).flatMap { f in
                    ["--- \(f.file) (on disk)", "+++ \(f.file) (yours)"] + f.diff.unified(context: 2)
                }
                return [.workflow(.diff(lines))]
            } catch { return [.workflow(.failed(error.description))] }
        case .buildTriage(let source, let order):
            let q = TriageQueue(source: source, order: order, workspace: session.workspace, facts: facts, rules: rules)
            return [.workflow(.triageQueue(q, q.progress(workspace: session.workspace, facts: facts, rules: rules)))]
        case .reorderTriage(let order):
            guard var q = state.triage.queue else { return [] }
            q.reorder(by: order, workspace: session.workspace, facts: facts)
            return [.workflow(.triageQueue(q, q.progress(workspace: session.workspace, facts: facts, rules: rules)))]
        }
    }

    /// The triage rules of the workspace's settings.
    var rules: TriageSettings { TriageSettings(session.workspace.settings) }

    /// Records an edit request and answers with the view models it changed: the touched rows
    /// of the accounts table, or a new analysis and a full table when it changed an analysed
    /// figure; the model summary (undo labels, scenarios) and the triage counts always.
    /// - Complexity: O(touched rows) for master data and triage decisions; a full analysis
    ///   and table otherwise.
    func edit(_ request: EditRequest) -> [Action] {
        let now = clock()
        var outcome = EditOutcome(request: request)
        let step: EditSession.Step?
        // The review states of the queued accounts the edit will touch, to update the queue's
        // counts without a recount of the whole queue (O(queue) at 100,000 per keypress).
        var before: [(Int, ReviewState)] = []
        do {
            switch request {
            case .undo:
                before = queuedReviewStates(session.undoStack.last?.inverse)
                step = try session.undo(at: now)
            case .redo:
                before = queuedReviewStates(session.redoStack.last?.edit)
                step = try session.redo(at: now)
            default:
                guard let edit = try self.edit(for: request, at: now) else { return [.workflow(.edited(outcome))] }
                before = queuedReviewStates(edit)
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
        modelRevision += 1
        outcome.recorded = true
        outcome.edit = recorded
        outcome.customers = recorded.customerIDs.compactMap { session.workspace.index[$0] }
        let verb = request == .undo ? "Undid" : request == .redo ? "Redid" : "Saved to journal"
        outcome.message = "\(verb): \(step.label)"
        // An edit of many accounts says how many, and how to take it back.
        if request != .undo, request != .redo, outcome.customers.count > 1 { outcome.message += " (" + Format.count(outcome.customers.count, "account") + "; u undoes)" }
        if request != .undo, case .deleteScenario = recorded { outcome.message += " (u undoes it)" }
        if request != .undo, request != .redo, case .saveScenario = recorded, case .saveScenario = step.inverse {
            outcome.message += " (replaced the scenario of that name; u undoes it)"
        }
        let change = Self.figureChange(recorded), analysed = analysisRevision
        if change == .ratings, let touched = updateRatings(of: outcome.customers) {
            // The rated accounts, and those they pushed over a tier edge: their standing,
            // triage state and queue counts, as after an override — no table is built.
            let pushed = touched.filter { !outcome.customers.contains($0) }
            before += queuedReviewStates(pushed, tierBefore: { [tierNames = analysis.tierNames, old = state.table.tier] k in
                k < old.count && Int(old[k]) < tierNames.count ? tierNames[Int(old[k])] : ""
            })
            outcome.standings = view.standings(touched, columns: true)
            outcome.rows = view.rowRefresh(touched)
            outcome.triageCounts = triageCounts(after: before)
            sortOrdersStale = true
        } else if change != .none, !(change == .overrides && updateOverrides(of: outcome.customers)) {
            // (A rating update that failed after all has put a full analysis in effect.)
            if analysisRevision == analysed { reanalyse(keepingScan: true) }
            outcome.table = accountTableKeepingMasterData()
            outcome.triageCounts = state.triage.queue?.progress(workspace: session.workspace, facts: facts, rules: rules)
        } else {
            if change == .overrides { outcome.standings = view.standings(outcome.customers) }
            outcome.rows = view.rowRefresh(outcome.customers)
            outcome.triageCounts = triageCounts(after: before)
        }
        outcome.model = model
        return [.workflow(.edited(outcome))]
    }

    /// The review state of customer `k` as the workspace stands.
    func reviewState(_ k: Int) -> ReviewState {
        ReviewState(review: session.workspace.customers[k].review, index: k, facts: facts, rules: rules)
    }

    /// The review states of the accounts an edit touches that are in the triage queue.
    func queuedReviewStates(_ edit: Edit?) -> [(Int, ReviewState)] {
        guard let edit else { return [] }
        let w = session.workspace
        return queuedReviewStates(edit.customerIDs.compactMap { w.index[$0] })
    }

    /// The review states of accounts `ks` that are in the triage queue, as the facts stand, or
    /// with the tier `tierBefore` names for each (accounts a rating pushed over a tier edge:
    /// only their tier moved, and the facts already hold the new one).
    func queuedReviewStates(_ ks: [Int], tierBefore: ((Int) -> String)? = nil) -> [(Int, ReviewState)] {
        guard let q = state.triage.queue, state.triage.counts != nil else { return [] }
        let cs = session.workspace.customers
        // A triage decision touches the account shown: no search of the queue for it.
        return ks.filter { q.current == $0 || q.entries.contains($0) }.map { k in
            guard let tierBefore else { return (k, reviewState(k)) }
            let facts = TierBefore(facts: facts, customer: k, tier: tierBefore(k))
            return (k, ReviewState(review: cs[k].review, index: k, facts: facts, rules: rules))
        }
    }

    /// The triage counts on screen with accounts moved from the review states `before` to
    /// theirs now (nil without counts).
    func triageCounts(after before: [(Int, ReviewState)]) -> TriageProgress? {
        guard var counts = state.triage.counts else { return nil }
        for (k, old) in before {
            counts.count(old, sign: -1)
            counts.count(reviewState(k))
        }
        return counts
    }

    /// The edit for a request, stamped with the time and the author; customers by id.
    func edit(for request: EditRequest, at now: Timestamp) throws -> Edit? {
        let w = session.workspace
        let author = session.author
        func ids(_ ks: [Int]) -> [String] { ks.filter { w.customers.indices.contains($0) }.map { w.customers[$0].id } }
        switch request {
        case .triage(let d, let k): return try d.edit(in: w, customer: k, facts: facts, author: author, at: now)
        case .plain(let e, _): return e
        case .note(let ks, let text):
            return Self.batch(ids(ks).map { .addNote(customer: $0, note: Note(text: text, author: author, at: now)) })
        case .owner(let ks, let owner): return Self.batch(ids(ks).map { .setOwner(customer: $0, owner: owner) })
        case .tags(let ks, let tags): return Self.batch(ids(ks).map { .setTags(customer: $0, tags: tags) })
        case .rating(let k, let c, let v): return Self.batch(ids([k]).map { .setRating(customer: $0, criterion: c, value: v) })
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
    /// workspace with it (later edits keep using it) and answers with the new model, table and
    /// triage counts; a triage queue or what-if in progress is kept.
    /// - Parameter fittedAsOf: the date the fit was made for; a fit for a date no longer on
    ///   screen (the user moved the date meanwhile, which refits) is dropped.
    public func adoptLifetimeValue(_ clv: CLVInputs, fittedAsOf: Day? = nil, notice: String) -> [Action] {
        if let fittedAsOf, fittedAsOf != asOf || state.time.pending != nil { return [] }
        let ws = session.workspace
        if analysis.asOf == asOf, analysis.count == ws.customers.count, analysis.settings == ws.settings,
           analysis.transactions.count == ws.transactions.count {
            // Every edit that changes an analysed figure re-analysed at once, so only the fit's
            // criteria differ from a fresh analysis: update those (no second full analysis
            // beside the first, ~240 MB at 1M customers), with the workspace's customers.
            adopt(analysis.withLifetimeValue(clv, customers: ws.customers))
        } else {
            reanalyse(clv: clv)
        }
        var out: [Action] = [.workflow(.reanalysed(model)), .loaded(accountTableKeepingMasterData())]
        if let q = state.triage.queue {
            out.append(.workflow(.triageQueue(q, q.progress(workspace: session.workspace, facts: facts, rules: rules))))
        }
        return out + [.notice(notice, isError: false)]
    }

    /// Runs an export through the executable's writer (``exporter``), with the current
    /// analysis and the workspace as it stands.
    func export(_ request: ExportRequest) -> [Action] {
        guard let exporter else { return [.notice("Export is not available here", isError: true)] }
        return exporter(request, analysis, session.workspace)
    }
}

/// Review facts as they were for one account whose tier alone moved: the facts now, with its
/// tier named as before (a rating pushed it over a tier edge; its score and recommendation did
/// not change).
private struct TierBefore: ReviewFacts {
    let facts: ScoredReviewFacts
    let customer: Int
    let tier: String

    var count: Int { facts.count }
    func score(_ k: Int) -> Double { facts.score(k) }
    func tierName(_ k: Int) -> String { k == customer ? tier : facts.tierName(k) }
    func recommendation(_ k: Int) -> Strategy { facts.recommendation(k) }
}
