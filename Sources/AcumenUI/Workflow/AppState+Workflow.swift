import AcumenAnalytics
import AcumenCore
import AcumenStore

extension AppState {
    /// Workflow commands: screens 3 and 4, undo/redo/save everywhere, edits from the profile
    /// and bulk edits on the accounts list, and the triage and weights screens' keys.
    /// - Returns: nil when the command is not a workflow command on this screen.
    mutating func runWorkflow(_ c: Command) -> [Effect]? {
        switch c {
        case .screenTriage:
            // From another screen the queue in progress is kept; 3 on triage itself, or a
            // finished queue, builds a fresh one.
            let refresh = screen == .triage || (triage.queue?.isFinished ?? true)
            jump(to: .triage)
            if refresh { startTriage(.needsReview) }
            return []
        case .screenWeights:
            jump(to: .weights)
            prepareWeights()
            return []
        case .undo: return requestEdit(.undo)
        case .redo: return requestEdit(.redo)
        case .save:
            guard workflow != nil else { return [] }
            return [.workflow(.reviewSave)]
        case .toggleBaselineDeltas where screen == .accounts || screen == .portfolio:
            return toggleBaselineDeltas()
        default: break
        }
        switch screen {
        case .triage: return runTriage(c)
        case .weights: return runWeights(c)
        case .accounts, .profile: return runEditCommand(c)
        case .portfolio: return nil
        }
    }

    /// Sends an edit to the shell, unless the workspace is read-only or not loaded.
    mutating func requestEdit(_ r: EditRequest) -> [Effect] {
        guard let m = workflow else { return [] }
        if let why = m.readOnlyReason {
            notice = "Read-only: " + why; noticeIsError = true
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
            jump(to: .triage)
            startTriage(.customers(rows))
            return []
        case .setOwner: input(.owner(customers: targets), "Owner\(many): ", text: targets.count == 1 ? ownerText(targets[0]) : "")
        case .addNote: input(.note(customers: targets), "Note\(many): ")
        case .overrideStrategy: input(.strategyOverride(customers: targets), "Strategy\(many) (grow|maintain|nurture|cut-cost: reason, or none): ")
        case .rate:
            guard let k = targets.first else { return [] }
            input(.rating(customer: k), "Rating (criterion 0-10, ? = unknown, e.g. risk 4): ")
        case .setTags:
            guard let k = targets.first else { return [] }
            input(.tags(customer: k), "Tags (comma separated): ", text: workflow?.workspace.customers[k].tags.joined(separator: ", ") ?? "")
        case .overrideTier:
            guard let k = targets.first else { return [] }
            input(.tierOverride(customer: k), "Tier (\(table.tierNames.joined(separator: "|")): reason, or none): ")
        default: return nil
        }
        return []
    }

    func ownerText(_ k: Int) -> String { workflow.map { $0.workspace.customers[k].owner } ?? "" }

    /// Opens a text input, unless nothing is loaded or there is nobody to edit.
    mutating func input(_ p: TextInput.Purpose, _ label: String, text: String = "") {
        guard workflow != nil else { return }
        overlay = .workflow(.input(TextInput(p, label: label, text: text)))
    }

    /// Applies a result from the shell.
    mutating func workflowEvent(_ e: WorkflowEvent) -> [Effect] {
        switch e {
        case .loaded(let m):
            workflow = m
            triage.queue = nil
            weights.whatIf = nil
            if screen == .triage { startTriage(.needsReview) }
            if screen == .weights { prepareWeights() }
            hasUnsavedEdits = m.hasPendingEdits
            return []
        case .reanalysed(let m):
            workflow = m
            if let w = weights.whatIf, weights.revision != m.analysisRevision {
                weights.whatIf = w.rebased(on: m.analysis)
                weights.revision = m.analysisRevision
            }
            if weights.showDeltas { fillBaselineDeltas() }
            refreshTriageCounts()
        case .edited(let o): return edited(o)
        case .pendingChanges(let lines):
            if lines.isEmpty { say("Nothing to save") } else { overlay = .workflow(.saveReview(lines)) }
        case .saved:
            hasUnsavedEdits = false
            say("Saved")
        case .conflict(let files): overlay = .workflow(.conflict(files))
        case .diff(let lines):
            if case .workflow(.conflict(let files)) = overlay { overlay = .workflow(.diff(files: files, lines: lines, top: 0)) }
        case .failed(let message): say(message, error: true)
        case .confirm(let c): overlay = .workflow(.confirm(c))
        }
        return []
    }

    /// An edit came back from the shell: only now does the state say it happened.
    mutating func edited(_ o: EditOutcome) -> [Effect] {
        if o.isError { say(o.message, error: true); return [] }
        guard var m = workflow else { return [] }
        workflow = nil  // keep the workspace uniquely referenced while it is edited in place
        if let fresh = o.model {
            m = fresh
        } else if let e = o.recorded {
            do { try m.workspace.apply(e, author: o.author, at: o.at) } catch { say("\(error)", error: true) }
            m.rules = TriageSettings(m.workspace.settings)
        }
        m.undoLabel = o.undoLabel
        m.redoLabel = o.redoLabel
        workflow = m
        let changed = o.recorded != nil
        var effects: [Effect] = []
        if let t = o.table { effects += update(.loaded(t)) }
        for k in o.customers where k < table.count && k < m.count { table.triage[k] = Self.triageState(m.reviewState(k)) }
        if changed { hasUnsavedEdits = true }
        if !o.message.isEmpty { say(o.message) }
        switch o.request {
        case .triage(let d, let k):
            if d.advances, triage.queue?.current == k { triage.queue?.advance() }
        case .undo, .redo:
            if screen == .triage, let k = o.customers.first { triage.queue?.move(toCustomer: k) }
        default: break
        }
        if weights.whatIf != nil, weights.revision != m.analysisRevision, let w = weights.whatIf {
            weights.whatIf = w.rebased(on: m.analysis)
            weights.revision = m.analysisRevision
        }
        if weights.showDeltas { fillBaselineDeltas() }
        if triage.queue != nil { refreshTriageCounts() }
        if case .profile(let row) = screen, o.table == nil { effects.append(.loadProfile(row)) }
        return effects
    }

    /// The accounts table's triage code for a review state.
    static func triageState(_ s: ReviewState) -> AccountTable.TriageState {
        switch s {
        case .unreviewed: .unreviewed
        case .skipped: .skipped
        case .stale: .stale
        case .current(let r): r.status == .decided ? .decided : .accepted
        }
    }

    /// Shows a notice in the status line.
    mutating func say(_ text: String, error: Bool = false) {
        notice = TextSanitizer.sanitize(text); noticeIsError = error
    }

    /// The status line of the triage and weights screens.
    var workflowStatus: String {
        guard let m = workflow else { return " loading the analysis…" }
        var s = ""
        if screen == .triage, let q = triage.queue, let p = triageProgress {
            let g = { (n: Int) in Format.grouped(Int64(n)) }
            s = " \(g(p.position)) of \(g(p.total)) · decided \(g(p.decided)) · skipped \(g(p.skipped)) · order: \(q.order.rawValue)"
        } else if screen == .weights, let w = weights.whatIf {
            s = " baseline: \(TextSanitizer.sanitize(w.baselineName)) · trying: \(TextSanitizer.sanitize(w.scenarioName ?? (w.isChanged ? "edited" : "baseline")))"
                + " · \(Format.grouped(Int64(w.comparison.movedUp))) up, \(Format.grouped(Int64(w.comparison.movedDown))) down"
        }
        if let u = m.undoLabel { s += " · u: undo " + TextSanitizer.sanitize(u) }
        return s
    }
}
