import AcumenAnalytics
import AcumenCore
import AcumenStore

/// The workbench's one runtime: it owns the only ``Workspace`` (through the ``EditSession``
/// and its store) and the current analysis, runs every effect the reducer asks for, and after
/// every change of the model hands the reducer fresh view models derived from it.
///
/// One keypress: ``send(_:)`` runs the action through the pure reducer (``AppState/update(_:)``),
/// interprets each effect it returns (``perform(_:)``) — terminal effects on the terminal,
/// edits through the session, saves, exports, triage queues — and feeds the answers back as
/// actions, in order, until none are left; then ``derive()`` brings the view models the
/// visible screen needs (profile, triage card, Δ columns) up to date with the model, so
/// nothing is drawn from an older state. The executable and every test drive this same type.
///
/// One edit: the session journals it (fsynced) and applies it to the store's workspace — the
/// only copy; the runtime then derives what the edit changed: the touched rows of the accounts
/// table, or, when an analysed figure changed, a new analysis and a full table (see
/// ``edit(_:)``). The state never applies an edit itself.
public final class Runtime {
    /// Everything on screen; changed by the reducer (and, while the runtime builds a new
    /// analysis, by ``AppState/letGoOfAnalysis(for:)``, so the old one is not held beside it).
    public internal(set) var state: AppState
    public let session: EditSession
    /// The analysis of the workspace as last analysed, and its review facts.
    public internal(set) var analysis: PortfolioAnalysis
    public internal(set) var facts: ScoredReviewFacts
    /// Increases with every new analysis.
    public internal(set) var analysisRevision = 0
    /// Increases with every change of the workspace or the analysis: view models built at an
    /// older revision are rebuilt before the next frame.
    public internal(set) var modelRevision = 0
    /// The analysis date in effect (moved by ``Effect/analyseAt(_:)``).
    var asOf: Day
    let clock: () -> Timestamp
    /// A monotonic clock in milliseconds: how long status messages have been shown
    /// (``Action/tick(milliseconds:)``). Tests may replace it.
    public var uptime: () -> Int = Runtime.monotonicMilliseconds()
    /// The terminal while ``run(terminal:background:)`` runs (terminal effects go to it).
    var terminal: (any Terminal)?
    /// Where work off the input path runs while ``run(terminal:background:)`` runs (a date
    /// change re-analyses there); without it (tests) the work runs at once.
    var background: BackgroundWork?
    /// What the derived view models were built for, so each is built once per change.
    var profileBuilt: (row: Int, revision: Int)?
    var cardBuilt: (customer: Int, revision: Int)?
    var deltasSent = -1
    /// The what-if generation whose full ranking was last asked for, and whether one is being
    /// computed in the background (one at a time: the next starts when it lands).
    var rankingAsked = -1
    var rankingRuns = false
    var rankingCancel: RankingCancel?
    /// The table whose search keys were handed to the background queue.
    var warmedSearch: ObjectIdentifier?
    /// The search keys wait their turn in the background (``warmSearchIndex()``).
    var searchWarmQueued = false
    /// The analysis of no customers last made (``emptyAnalysis``).
    var placeholder: PortfolioAnalysis?
    /// An edit left kept sort buckets stale: they are sorted again in the background
    /// (``warmSortOrders()``).
    var sortOrdersStale = false
    /// The eight-quarter account history for the date it was computed at (once per load and
    /// date; see ``accountHistory()``), and the date it is being computed for.
    var history: (day: Day, value: AccountHistory)?
    var historyPending: Day?
    /// Set by a re-analysis after an edit: ``send(_:)`` returns freed memory once the update is done.
    var returnMemoryAfterUpdate = false
    /// The accounts table whose full listing still follows the first frame (a large workspace
    /// opens on a preview of its first rows: ``finishFirstScreen()``); nil once listed.
    var firstScreenPending: AccountTable?
    /// A save is writing in the background (``save(overwriting:)``); another was asked for meanwhile.
    var saveInFlight = false
    var saveQueued = false
    /// Writes an export (the executable's file writer: a file, crash-safely, asking before it
    /// overwrites); nil where exporting is not wired.
    public var exporter: ((ExportRequest, PortfolioAnalysis, Workspace) -> [Action])?

    /// Starts a runtime on an open store: the session, the first accounts table and the model.
    /// - Parameters:
    ///   - analysis: the analysis of the store's workspace (its CLV inputs are reused when an
    ///     edit needs a new analysis).
    ///   - clock: the time stamped on edits.
    ///   - state: the initial state (size, theme glyphs, sort); the runtime loads it.
    ///   - firstScreenFrom: from this many accounts, a table opening ranked by score shows its
    ///     first rows from the analysis' ranking and lists every row after the first frame
    ///     (``finishFirstScreen()``).
    public init(store: WorkspaceStore, analysis: PortfolioAnalysis, author: String,
                clock: @escaping () -> Timestamp, state: AppState, firstScreenFrom: Int = Runtime.firstScreenFrom) {
        session = EditSession(store: store, author: author)
        self.analysis = analysis
        asOf = analysis.asOf
        self.clock = clock
        facts = ScoredReviewFacts(analysis)
        self.state = state
        send(.workflow(.loaded(model)))
        let table = view.accountTable()
        if table.count >= firstScreenFrom, let rows = firstScreenRows(table) {
            send(.workflow(.firstScreen(table, rows: rows)))
            firstScreenPending = table
        } else {
            send(.loaded(table))
        }
    }

    /// The workspace as it stands (every recorded edit applied): the only one.
    public var workspace: Workspace { session.workspace }

    /// The view-model builder over the workspace and the current analysis.
    public var view: WorkspaceView { WorkspaceView(workspace: session.workspace, analysis: analysis) }

    /// The model summary the reducer works with (no workspace: see ``WorkflowModel``).
    public var model: WorkflowModel {
        var m = WorkflowModel(analysis: analysis, settings: session.workspace.settings, facts: facts)
        m.readOnlyReason = session.store.readOnlyReason
        m.analysisRevision = analysisRevision
        m.undoLabel = session.undoStack.last?.label
        m.redoLabel = session.redoStack.last?.label
        m.undoScope = session.undoStack.last.map { EditScope($0.edit) }
        m.redoScope = session.redoStack.last.map { EditScope($0.edit) }
        m.hasPendingEdits = session.store.hasUnsavedEdits
        return m
    }

    /// Replaces the glyph set (a terminal without UTF-8 draws ASCII).
    public func useGlyphs(_ glyphs: GlyphSet) { state.glyphs = glyphs }

    /// Replaces the key map in effect (the user's keys.json remapping).
    public func useKeys(_ keys: KeyBindings) { state.keys = keys }

    /// Runs an action, every effect it causes and every answer, in order; then brings the
    /// visible view models up to date.
    public func send(_ action: Action) {
        if firstScreenPending != nil, !keepsFirstScreen(action) { finishFirstScreen() }
        var queue = [action]
        var k = 0
        while k < queue.count {
            for effect in state.update(queue[k]) { queue += perform(effect) }
            k += 1
            if k == queue.count { queue += derive() }
        }
        // The analysis a re-analysis replaced is gone now that the new table is on screen: its
        // freed columns go back to the system (a few ms, after an edit that took ~100 ms).
        if returnMemoryAfterUpdate {
            returnMemoryAfterUpdate = false
            BackgroundWork.returnFreedMemory()
        }
    }

    /// Runs effects and returns the actions carrying their results.
    func perform(_ effect: Effect) -> [Action] {
        switch effect {
        case .quit: break
        case .repaint: terminal?.invalidate()
        case .suspend: terminal?.suspend(); terminal?.invalidate()
        case .setMouse(let on): terminal?.setMouse(on)
        case .loadProfile(let row): return profile(row)
        case .export(let request): return export(request)
        case .workflow(let w): return perform(w)
        case .analyseAt(let day): return analyse(at: day)
        case .compareEarlier(let day): return compare(earlier: day)
        case .intent: break  // applied by the reducer; never reaches the runtime
        }
        return []
    }

    /// The view models the visible screen shows that are missing or older than the model.
    func derive() -> [Action] {
        var out: [Action] = []
        if let w = state.weights.whatIf, !w.isRanked { out += rankWhatIf(w, generation: state.weights.generation) }
        warmSearchIndex()
        warmSortOrders()
        switch state.screen {
        case .profile(let row):
            if profileBuilt?.row != row || profileBuilt?.revision != modelRevision { out += profile(row) }
        case .triage:
            if let k = state.triage.queue?.current,
               cardBuilt?.customer != k || cardBuilt?.revision != modelRevision || state.triage.card?.customer != k {
                cardBuilt = (k, modelRevision)
                if let c = view.triageCard(k) { out.append(.workflow(.triageCard(c))) }
            }
        case .accounts:
            let w = state.weights
            if w.showDeltas, let what = w.whatIf, what.isRanked, state.table.deltaGeneration != w.generation, deltasSent != w.generation,
               what.analysis.count == state.table.count {
                deltasSent = w.generation
                let c = what.comparison
                let n = state.table.count
                out.append(.workflow(.deltas(score: (0..<n).map { c.scoreDelta($0) }, rank: (0..<n).map { Int32(c.rankDelta($0)) },
                                             generation: w.generation)))
            }
        default: break
        }
        return out
    }

    /// The profile facts of a row, as the workspace stands now.
    func profile(_ row: Int) -> [Action] {
        profileBuilt = (row, modelRevision)
        return view.profile(row: row, history: accountHistory()).map { [.profileLoaded($0)] } ?? []
    }

    /// The main loop: read an event → ``send(_:)`` → draw the frame (only changed cells reach
    /// the terminal). Runs until the state quits or input ends.
    /// - Parameter background: work running off the input path (a lifetime-value fit on a
    ///   large workspace); while it runs the loop wakes every 100 ms to collect its result,
    ///   so keys are never held up by it.
    public func run(terminal: any Terminal, background: BackgroundWork? = nil) {
        self.terminal = terminal
        self.background = background
        defer { self.terminal = nil; self.background = nil }
        let (w, h) = terminal.size
        if w != state.width || h != state.height { send(.resize(width: w, height: h)) }
        // The warm-up, one job at a time after a fit already started: the history, the
        // search keys (asked by the first frame's derive), then the save review's index.
        _ = accountHistory()
        send(.tick(milliseconds: uptime()))
        draw(terminal)
        releaseScanMemory()
        listFirstScreenInBackground()
        warmSearchIndex()
        prepareSaveReview()
        terminal.pollMilliseconds = pollInterval
        while !state.isQuitting, let event = terminal.nextEvent() {
            // The clock first, so a message said by this event knows when it was shown.
            send(.tick(milliseconds: uptime()))
            if let action = event.action { send(action) }
            if let background {
                // What a job landing now scanned (the fit, the history) goes back at once, not
                // only when all the warm-up is done.
                let landing = background.hasFinished
                for action in background.collect() { send(action) }
                if landing { releaseScanMemory() }
            }
            terminal.pollMilliseconds = pollInterval
            if state.isQuitting { break }
            draw(terminal)
            // The frame's sparklines read the listed accounts' transactions in place, and each
            // read maps the kernel's whole (up to 2 MB) page-cache folio: 80 MB of the mapped
            // cache at 1M accounts, held through the warm-up. They go back after every frame
            // (the next maps the few it needs again from the page cache; a background scan
            // running meanwhile maps its current block again).
            releaseScanMemory()
        }
        finishSaveBeforeQuitting()
    }

    /// How long the loop may wait for a key: 100 ms while background work runs (20 ms while a
    /// what-if re-rank runs: it lands within a few frames), until the next queued status
    /// message is due while one waits; else indefinitely (nil).
    var pollInterval: Int? {
        [background?.isRunning == true ? (rankingRuns ? 20 : 100) : nil, state.status.wakeIn].compactMap { $0 }.min()
    }

    /// A clock of milliseconds since the call, that never goes back.
    static func monotonicMilliseconds() -> () -> Int {
        let start = ContinuousClock.now
        return {
            let d = start.duration(to: .now).components
            return Int(d.seconds) * 1_000 + Int(d.attoseconds / 1_000_000_000_000_000)
        }
    }

    /// The frame of the state now.
    public var frame: CellGrid {
        var grid = CellGrid(width: state.width, height: state.height)
        state.render(into: &grid)
        return grid
    }

    func draw(_ terminal: any Terminal) {
        terminal.draw(frame)
        terminal.flush()
    }
}
