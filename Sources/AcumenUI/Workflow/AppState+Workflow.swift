import AcumenAnalytics
import AcumenCore
import AcumenStore

extension AppState {
    /// The workflow commands of every screen: screens 3 and 4, undo/redo, save, Δ columns.
    /// The screens' own commands are routed by ``run(_:)``.
    /// - Returns: nil when the command is not one of them.
    mutating func runWorkflow(_ c: Command) -> [Effect]? {
        switch c {
        case .screenTriage:
            // From another screen the queue in progress is kept; 3 on triage itself, or a
            // finished queue, builds a fresh one.
            let refresh = screen == .triage || (triage.queue?.isFinished ?? true)
            jump(to: .triage)
            return refresh ? startTriage(.needsReview) : []
        case .screenWeights:
            jump(to: .weights)
            prepareWeights()
            return []
        case .screenChanges:
            if screen != .changes { jump(to: .changes) }
            return openChanges()
        case .compareScenarios:
            guard screen != .scenarios else { return [] }
            prepareWeights()  // the trial side is the weights screen's what-if, rebased if stale
            return openScenarios()
        case .undo, .redo: return undoOrRedo(redo: c == .redo)
        case .save:
            guard workflow != nil else { return [] }
            if isSaving { say("Still saving — Ctrl-S again once it says Saved (edits made now are safe in the journal)"); return [] }
            return [.workflow(.reviewSave)]
        case .toggleBaselineDeltas where screen == .accounts || screen == .portfolio:
            return toggleBaselineDeltas()
        default: return nil
        }
    }

    /// Asks the runtime for an edit, unless the workspace is read-only or not loaded.
    mutating func requestEdit(_ r: EditRequest) -> [Effect] {
        guard let m = workflow else { return [] }
        if let why = m.readOnlyReason {
            say("Read-only: " + why, error: true)
            return []
        }
        return [.workflow(.edit(r))]
    }

    /// The customers a bulk edit acts on: the profile's customer, else the marked rows, else
    /// the row under the cursor.
    var editTargets: [Int] {
        if case .profile(let row) = screen { return [row] }
        if !accounts.marks.isEmpty { return accounts.marks.sorted().map(Int.init) }
        return accounts.currentRow.map { [Int($0)] } ?? []
    }

    /// Edits from the profile and bulk edits on the accounts list: each opens a text input.
    mutating func runEditCommand(_ c: Command) -> [Effect]? {
        let targets = editTargets
        let many = targets.count == 1 ? "" : " (" + Format.count(targets.count, "account") + ")"
        switch c {
        case .triageSelection:
            let rows = accounts.marks.isEmpty ? accounts.view.map(Int.init) : accounts.view.filter { accounts.marks.contains($0) }.map(Int.init)
            // A queue of the listed rows sits on top of the list: Esc or q returns to it as it was.
            if screen == .triage { jump(to: .triage) } else { push(.triage) }
            return startTriage(.customers(rows))
        case .setOwner: input(.owner(customers: targets), "Owner\(many): ", text: targets.count == 1 ? ownerText(targets[0]) : "")
        case .addNote: input(.note(customers: targets), "Note\(many): ")
        case .overrideStrategy: input(.strategyOverride(customers: targets), "Strategy\(many) (grow|maintain|nurture|cut-cost: reason, or none): ")
        case .rate:
            guard let k = targets.first else { return [] }
            input(.rating(customer: k), "Rating (criterion 0-10, ? = unknown, e.g. risk 4): ")
        case .setTags:
            guard let k = targets.first else { return [] }
            input(.tags(customers: targets), "Tags\(many) (comma separated): ", text: targets.count == 1 ? tagsText(k) : "")
        case .overrideTier:
            guard let k = targets.first else { return [] }
            input(.tierOverride(customer: k), "Tier (\(table.tierNames.joined(separator: "|")): reason, or none): ")
        default: return nil
        }
        return []
    }

    /// The owner of a row as the list shows it (the prompt's starting text).
    func ownerText(_ k: Int) -> String { k < table.count ? table.ownerName(k) : "" }

    /// The tags of a row (the prompt's starting text).
    func tagsText(_ k: Int) -> String {
        if let p = profile, p.row == k { return p.tags.joined(separator: ", ") }
        return k < table.count ? table.tagText(k) : ""
    }

    /// Opens a text input, unless nothing is loaded or there is nobody to edit.
    mutating func input(_ p: TextInput.Purpose, _ label: String, text: String = "") {
        guard workflow != nil else { return }
        overlay = .workflow(.input(TextInput(p, label: label, text: text)))
    }

    /// `u` / `r`: on the weights screen the what-if's own steps first; a step of the session
    /// that this screen does not show asks for a second press, naming what it undoes.
    mutating func undoOrRedo(redo: Bool) -> [Effect] {
        if screen == .weights, undoWhatIf(redo: redo) { return [] }
        guard let m = workflow else { return [] }
        let verb = redo ? "redo" : "undo"
        guard let label = redo ? m.redoLabel : m.undoLabel else { say("Nothing to " + verb); return [] }
        let scope = (redo ? m.redoScope : m.undoScope) ?? .account
        if !scope.isVisible(on: screen), pendingUndo != label {
            pendingUndo = label
            say("\(redo ? "r" : "u") again to \(verb) \(label) (not shown on this screen)")
            return []
        }
        pendingUndo = nil
        return requestEdit(redo ? .redo : .undo)
    }

    /// Applies a result from the runtime.
    mutating func workflowEvent(_ e: WorkflowEvent) -> [Effect] {
        switch e {
        case .loaded(let m):
            workflow = m
            triage.queue = nil
            triage.card = nil
            weights.whatIf = nil
            weights.undoStack = []; weights.redoStack = []
            hasUnsavedEdits = m.hasPendingEdits
            summary = portfolioFigures(table)
            if screen == .weights { prepareWeights() }
            if screen == .triage { return startTriage(.needsReview) }
            return []
        case .firstScreen(let t, let rows):
            table = t
            accounts.showFirst(rows, of: t)
            accounts.scrollToCursor(rows: accountRows)
        case .reanalysed(let m):
            workflow = m
            // A fit or another date: the what-if follows at once, shown or not (it would keep
            // the replaced analysis alive until shown).
            if weights.whatIf != nil { prepareWeights() }
            if scenarios.comparison != nil { compareScenarios() }
        case .edited(let o): return edited(o)
        case .pendingChanges(let lines):
            if lines.isEmpty { say("Nothing to save") } else { overlay = .workflow(.saveReview(lines)) }
        case .saving:
            isSaving = true
            say("Saving… keep working: every edit is safe in the journal", progress: true)
        case .saved(let pending):
            isSaving = false
            hasUnsavedEdits = pending
            say(pending ? "Saved; the edits made while saving are in the journal, not yet in the files" : "Saved")
        case .saveFailed(let message):
            isSaving = false
            say(message, error: true)
        case .conflict(let files, let drops):
            isSaving = false
            overlay = .workflow(.conflict(WorkflowOverlay.Conflict(files: files, drops: drops)))
        case .diff(let lines):
            if case .workflow(.conflict(let c)) = overlay { overlay = .workflow(.diff(c, lines: lines, top: 0)) }
        case .failed(let message): say(message, error: true)
        case .triageQueue(let q, let counts):
            if triage.queue?.current != q.current { triage.card = nil }
            triage.queue = q
            triage.counts = counts
        case .triageCard(let c):
            triage.card = c
        case .deltas(let score, let rank, let generation):
            guard weights.showDeltas, generation == weights.generation, score.count == table.count else { return [] }
            table.deltaScore = score
            table.deltaRank = rank
            table.deltaGeneration = generation
            if let s = accounts.sortColumn, s.isBaselineDelta { accounts.rebuild(table, resort: true) }
        case .whatIfRanked(let s, let generation):
            guard generation == weights.generation, var w = weights.whatIf, w.ranked(s) else { return [] }
            weights.whatIf = w
        case .confirm(let c): overlay = .workflow(.confirm(c))
        }
        return []
    }

    /// An edit came back from the runtime with the view models it changed: only now does the
    /// state say it happened.
    mutating func edited(_ o: EditOutcome) -> [Effect] {
        if o.isError { say(o.message, error: true); return [] }
        if let m = o.model { workflow = m }
        var effects: [Effect] = []
        if let t = o.table {
            effects += update(.loaded(t))
        } else if !o.rows.isEmpty {
            table.refresh(o.rows)
            if let s = o.standings { summary.move(table.apply(s), in: table) }
            var moving: [AccountColumn] = [.owner, .tags, .triage]
            if o.standings != nil { moving += [.tier, .strategy] }
            if o.standings?.columns != nil { moving.append(.score) }
            let rows = o.rows.map(\.row)
            if let c = accounts.sortColumn, moving.contains(c) {
                accounts.move(rows: rows, table)
                accounts.scrollToCursor(rows: accountRows)
            } else if !accounts.filter.isEmpty {
                accounts.refilter(rows: rows, table)
            }
        }
        if let c = o.triageCounts { triage.counts = c }
        if o.recorded { hasUnsavedEdits = true }
        if !o.message.isEmpty { say(o.message) }
        if o.recorded, screen == .weights, case .plain(let e, let label) = o.request {
            weights.undoStack.append(WeightsState.Step(weights: [:], label: label + " (" + e.label + ")", isSessionEdit: true))
            weights.redoStack.removeAll()
        }
        switch o.request {
        case .triage(let d, let k):
            if d.advances, triage.queue?.current == k { triage.queue?.advance() }
        case .undo, .redo:
            if screen == .triage, let k = o.customers.first { triage.queue?.move(toCustomer: k) }
        default: break
        }
        if whatIfOnShow { prepareWeights() }
        if let e = o.edit { followScenarioEdit(e, reanalysed: o.table != nil || o.standings != nil) }
        return effects
    }

    /// Shows a message in the status line, or queues it behind the one shown (``StatusQueue``);
    /// a progress message gives way to the next one.
    mutating func say(_ text: String, error: Bool = false, progress: Bool = false) {
        status.post(TextSanitizer.sanitize(text), error ? .error : progress ? .progress : .info)
    }

    /// The status line of the triage and weights screens.
    var workflowStatus: String {
        guard workflow != nil else { return " loading the analysis…" }
        var s = ""
        if screen == .triage, let q = triage.queue, let p = triageProgress {
            let g = { (n: Int) in Format.grouped(Int64(n)) }
            s = " \(g(p.position)) of \(g(p.total)) · decided \(g(p.decided)) · skipped \(g(p.skipped)) · order: \(q.order.rawValue)"
        } else if screen == .weights, let w = weights.whatIf {
            s = " baseline: \(TextSanitizer.sanitize(w.baselineName)) · trying: \(TextSanitizer.sanitize(w.scenarioName ?? (w.isChanged ? "edited" : "baseline")))"
                + " · \(Format.grouped(Int64(w.comparison.movedUp))) up, \(Format.grouped(Int64(w.comparison.movedDown))) down"
                + (w.isRanked ? "" : " · re-ranking…")
        }
        return s + undoHint
    }

    /// What `u` will undo here, before it does (`· u: undo Revenue weight 15 → 18`).
    var undoHint: String {
        if screen == .weights, let step = weights.undoStack.last, !step.isSessionEdit { return " · u: undo " + TextSanitizer.sanitize(step.label) }
        guard let m = workflow, let u = m.undoLabel else { return "" }
        let hidden = !(m.undoScope ?? .account).isVisible(on: screen)
        return " · u: undo " + TextSanitizer.sanitize(u) + (hidden ? " (not on this screen)" : "")
    }
}

extension AppState {
    /// Whether a what-if is on screen: the weights screen, the scenario comparison, or the Δ
    /// columns. Only then is it rebased at once on a new analysis (two full scorings, ~70 ms
    /// at 1M accounts); otherwise ``prepareWeights()`` rebases it when it is next shown.
    var whatIfOnShow: Bool {
        weights.whatIf != nil && (screen == .weights || screen == .scenarios || weights.showDeltas)
    }

    /// Lets go of the analysis the view models hold (the workflow model, the accounts
    /// table's filter source and monthly series) for `placeholder`, while the runtime builds
    /// the next one: the old and the new analysis are then never held side by side (at 1M
    /// customers each is ~250 MB). The runtime answers with the new model and table in the
    /// same update; nothing is drawn in between.
    ///
    /// The table's score column (the analysis' own, which a rating writes into) goes too, with
    /// the score's sort buckets that hold it: the runtime's answer brings new scores either way
    /// (a new table, or the updated columns, ``AccountTable/Standings/columns``).
    mutating func letGoOfAnalysis(for placeholder: PortfolioAnalysis) {
        workflow?.analysis = placeholder
        workflow?.facts = ScoredReviewFacts(placeholder)
        table.filterSource = nil
        table.monthlyRow = nil
        table.score = []
        accounts.sortOrders.forget(.score)
        // The what-if keeps its weights and names; its scorings follow the new analysis when
        // it is next shown (``prepareWeights()``: the revision no longer matches).
        if let w = weights.whatIf { weights.whatIf = w.rebased(on: placeholder) }
        // The scenario comparison is built again from the new analysis with the edit's answer
        // (``followScenarioEdit(_:reanalysed:)``); the Changes screen asks again for its
        // comparison when next shown (the analysis revision moved).
        if let c = scenarios.comparison { scenarios.comparison = c.rebased(on: placeholder) }
        changes.comparison = nil
    }
}
