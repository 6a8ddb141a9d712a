import AcumenAnalytics
import AcumenCore
import AcumenStore

extension AppState {
    /// The reducer: applies one action and returns the effects for the runtime. Pure: no I/O,
    /// no clock, no terminal. What a screen asked of the root (``Intent``) is applied here,
    /// before the effects leave.
    public mutating func update(_ action: Action) -> [Effect] {
        applyingIntents(reduce(action))
    }

    /// One action through the routing switch.
    mutating func reduce(_ action: Action) -> [Effect] {
        switch action {
        case .resize(let w, let h):
            width = max(0, w); height = max(0, h)
            accounts.scrollToCursor(rows: accountRows)
            return []
        case .loaded(let t):
            table = t
            summary = portfolioFigures(t)
            accounts.marks = accounts.marks.filter { Int($0) < t.count }
            accounts.rebuild(t, resort: true)
            accounts.scrollToCursor(rows: accountRows)
            if case .profile(let row) = screen, row < t.count { return [.loadProfile(row)] }
            return []
        case .profileLoaded(let facts):
            if case .profile(let row) = screen, row == facts.row { profile = facts }
            return []
        case .notice(let text, let isError):
            say(text, error: isError)
            return []
        case .tick(let milliseconds):
            status.tick(milliseconds)
            return []
        case .mouse(let m):
            return mouse(m)
        case .command(let c):
            return run(c)
        case .workflow(let event):
            let effects = workflowEvent(event)
            // A new analysis (an edit, a fit landing, another date) recompares an open Changes screen.
            return screen == .changes ? effects + refreshChanges() : effects
        case .dateAnalysed(let day):
            dateAnalysed(day)
            return screen == .changes ? refreshChanges() : []
        case .changesLoaded(let c):
            // A stale answer (another date asked for meanwhile) is dropped.
            if c.earlier.asOf == changes.earlierDay, c.later.asOf == workflow?.analysis.asOf { changes.adopt(c) }
            return []
        case .key(let k):
            if overlay != nil { return overlayKey(k) }
            status.keyPressed()
            guard let c = keys.command(for: k, in: context) else { return [] }
            if c != .undo && c != .redo { pendingUndo = nil }
            return run(c)
        }
    }

    /// Runs a command on the current screen.
    public mutating func run(_ c: Command) -> [Effect] {
        switch c {
        case .help: overlay = .help(query: "", top: 0); return []
        case .palette: overlay = .palette(query: "", selected: 0); return []
        case .back: return goBack()
        case .quit: return requestQuit()
        case .repaint: return [.repaint]
        case .suspend: return [.suspend]
        case .toggleMouse:
            mouseEnabled.toggle()
            say(mouseEnabled ? "Mouse on: wheel scrolls, click selects (M turns it off)" : "Mouse off")
            return [.setMouse(mouseEnabled)]
        case .screenAccounts: jump(to: .accounts); return []
        case .screenPortfolio: jump(to: .portfolio); return []
        default:
            if let effects = runTime(c) ?? runWorkflow(c) { return effects }
            // The one routing switch: each screen's update gets the commands of its context and
            // changes only its own state; what it asks of other screens comes back as intents.
            let effects: [Effect]
            switch screen {
            case .accounts: effects = runEditCommand(c) ?? runAccounts(c)
            case .portfolio: effects = runPortfolio(c)
            case .profile: effects = runEditCommand(c) ?? runProfile(c)
            case .triage: effects = runTriage(c) ?? []
            case .weights: effects = runWeights(c) ?? []
            case .scenarios: effects = runScenarios(c)
            case .changes: effects = runChanges(c)
            }
            return applyingIntents(effects)
        }
    }

    /// Replaces the stack with a top-level screen.
    mutating func jump(to s: Screen) {
        stack = [s]
        backStack = []
        profile = nil
        // A drill-in's fixed set of accounts belongs to the stack it was pushed on.
        if accounts.scope != nil { accounts.scope = nil; accounts.rebuild(table, resort: false) }
    }

    /// Pops the stack; at the root of another screen goes home to Accounts; asks to quit only
    /// from the Accounts root (so Esc on a screen opened with a number key never ends the app).
    mutating func goBack() -> [Effect] {
        guard stack.count > 1 else {
            guard screen == .accounts else { jump(to: .accounts); return [] }
            return requestQuit()
        }
        if case .profile = stack.removeLast() { profile = nil; profileTop = 0 }
        if let m = backStack.popLast() { restore(m) }
        if case .profile(let row) = screen { return [.loadProfile(row)] }
        if screen == .changes { return refreshChanges() }
        return []
    }

    /// Quits at once, or asks first when edits are unsaved.
    mutating func requestQuit() -> [Effect] {
        if hasUnsavedEdits { overlay = .confirmQuit; return [] }
        isQuitting = true
        return [.quit]
    }

    /// Opens a customer's profile on top of the stack.
    mutating func openProfile(_ row: Int) -> [Effect] {
        guard row >= 0, row < table.count else { return [] }
        if case .profile = screen {
            stack[stack.count - 1] = .profile(row)  // the next account replaces the open one
        } else {
            push(.profile(row))
        }
        profile = nil
        profileTop = 0
        return [.loadProfile(row)]
    }

    /// Mouse: the wheel moves, a click selects a row of the accounts list.
    mutating func mouse(_ m: MouseEvent) -> [Effect] {
        guard mouseEnabled, overlay == nil else { return [] }
        switch m.kind {
        case .wheelUp: return run(.moveUp) + run(.moveUp) + run(.moveUp)
        case .wheelDown: return run(.moveDown) + run(.moveDown) + run(.moveDown)
        case .click:
            guard screen == .accounts else { return [] }
            let row = accounts.top + m.y - 2
            if m.y >= 2, row >= accounts.top, row < min(accounts.view.count, accounts.top + accountRows) {
                accounts.cursor = row
            }
            return []
        }
    }

    /// The portfolio figures of a table with the Pareto figures of the model's ABC analysis.
    func portfolioFigures(_ t: AccountTable) -> PortfolioFigures {
        PortfolioFigures(t, abc: workflow?.analysis.abc, measure: workflow?.analysis.settings.abc.measure.rawValue ?? "revenue")
    }
}
