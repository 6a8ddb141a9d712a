extension AppState {
    /// Keys while an overlay is open: it takes them all. The key map gives the command of the
    /// overlay's context (``Overlay/context``; only that context, no fallback); a key it does
    /// not bind types into help's filter, the palette or a prompt, and answers "no" to a question.
    mutating func overlayKey(_ k: Key) -> [Effect] {
        guard let o = overlay else { return [] }
        if let c = keys.command(for: k, in: o.context) { return runOverlay(c, o) }
        switch o {
        case .help(let q, _):
            // ? opened the help and closes it again while nothing is typed.
            if k == .char("?"), q.isEmpty { overlay = nil } else if let ch = k.typedCharacter { overlay = .help(query: q + String(ch), top: 0) }
        case .palette(let q, _):
            if let ch = k.typedCharacter { overlay = .palette(query: q + String(ch), selected: 0) }
        case .prompt(var p):
            guard let ch = k.typedCharacter else { break }
            p.editor.insert(ch)
            livePrompt(p)
            accounts.scrollToCursor(rows: accountRows)
        case .workflow(.input(var t)):
            guard let ch = k.typedCharacter else { break }
            t.editor.insert(ch)
            overlay = .workflow(.input(t))
        case .confirmQuit, .workflow(.confirm), .workflow(.saveReview):
            return runOverlay(.close, o)  // any other key: no
        case .columns, .workflow(.conflict), .workflow(.diff):
            break
        }
        return []
    }

    /// Runs a command of the open overlay's context.
    mutating func runOverlay(_ c: Command, _ o: Overlay) -> [Effect] {
        switch o {
        case .help(let q, let top):
            let page = max(1, height - 6)
            switch c {
            case .close: overlay = nil; return []
            case .selectNext: overlay = .help(query: q, top: top + 1)
            case .selectPrevious: overlay = .help(query: q, top: max(0, top - 1))
            case .pageDown: overlay = .help(query: q, top: top + page)
            case .pageUp: overlay = .help(query: q, top: max(0, top - page))
            case .deleteBackward: overlay = .help(query: String(q.dropLast()), top: 0)
            default: break
            }
            if case .help(let q2, let t2) = overlay {
                overlay = .help(query: q2, top: min(t2, max(0, keys.matching(q2).count - 1)))
            }
        case .palette(let q, let sel):
            let list = AppState.paletteCommands(q)
            switch c {
            case .close: overlay = nil
            case .selectNext: overlay = .palette(query: q, selected: min(sel + 1, max(0, list.count - 1)))
            case .selectPrevious: overlay = .palette(query: q, selected: max(0, sel - 1))
            case .deleteBackward: overlay = .palette(query: String(q.dropLast()), selected: 0)
            case .confirm:
                overlay = nil
                if sel < list.count { return run(list[sel]) }
            default: break
            }
        case .prompt(let p):
            defer { accounts.scrollToCursor(rows: accountRows) }
            return runPrompt(c, p)
        case .columns(let sel): runColumns(c, sel)
        case .confirmQuit:
            overlay = nil
            if c == .confirm { isQuitting = true; return [.quit] }
        case .workflow(let w):
            return runWorkflowOverlay(c, w)
        }
        return []
    }

    /// Commands of a search, filter or export prompt: Enter applies, Esc restores the list as
    /// it was, the line editor's commands edit (a filter or search follows live).
    mutating func runPrompt(_ c: Command, _ p: Prompt) -> [Effect] {
        var p = p
        switch c {
        case .close:
            overlay = nil
            if p.kind == .search { accounts.searchHits = nil }
            if p.kind == .filter {
                accounts.filter = p.previousFilter
                accounts.rebuild(table, resort: false)
            }
            accounts.follow(p.previousRow)
        case .confirm:
            overlay = nil
            promptHistory.record(p.text, kind: p.kind.historyKind)
            switch p.kind {
            case .filter:
                // A filter that does not parse stays in the prompt with its error.
                if accounts.filterError != nil { overlay = .prompt(p); return [] }
                accounts.filter = p.previousFilter
                setFilter(p.text)
            case .search: accounts.search = p.text
            case .export:
                guard let request = ExportRequest(p.text, rows: accounts.view) else {
                    say("Export: give a format (csv, json or markdown) and a file, e.g. csv key-accounts.csv", error: true)
                    return []
                }
                return [.export(request)]
            }
        default:
            let before = p.text
            guard p.editor.perform(c, history: promptHistory[p.kind.historyKind]) else { break }
            if p.text == before { overlay = .prompt(p) } else { livePrompt(p) }
        }
        return []
    }

    /// Commands of the column chooser: move, show/hide, reorder.
    mutating func runColumns(_ c: Command, _ sel: Int) {
        let all = AccountColumn.allCases
        switch c {
        case .close: overlay = nil
        case .moveDown: overlay = .columns(selected: min(sel + 1, all.count - 1))
        case .moveUp: overlay = .columns(selected: max(0, sel - 1))
        case .toggleColumn:
            let col = all[sel]
            if let at = accounts.columns.firstIndex(of: col) {
                if accounts.columns.count > 1 { accounts.columns.remove(at: at) }
            } else { accounts.columns.append(col) }
            accounts.column = min(accounts.column, accounts.columns.count - 1)
        case .moveColumnLeft, .moveColumnRight:
            if let at = accounts.columns.firstIndex(of: all[sel]) {
                let to = at + (c == .moveColumnLeft ? -1 : 1)
                if to >= 0, to < accounts.columns.count { accounts.columns.swapAt(at, to) }
            }
        default: break
        }
    }

    /// Applies a prompt as it is typed: search moves to the first match from where it began;
    /// filter narrows the list live.
    mutating func livePrompt(_ p: Prompt) {
        overlay = .prompt(p)
        switch p.kind {
        case .search:
            accounts.follow(p.previousRow)
            if !p.text.isEmpty { findMatch(p.text, from: accounts.cursor, step: 1) }
        case .filter:
            let before = accounts.filter
            accounts.filter = p.text
            accounts.refilter(table, from: before)
            // Keep following the customer the prompt started on, even if a half-typed query
            // hid it for a keystroke.
            accounts.follow(p.previousRow)
        case .export:
            break
        }
    }

    /// The commands the palette lists for a query, best match first (``PaletteRanking``).
    public static func paletteCommands(_ query: String) -> [Command] { PaletteRanking.rank(query) }
}

/// A window over the current screen that takes the keys while it is open: each kind is a
/// context of the key map (``context``).
public enum Overlay: Hashable, Sendable {
    /// The key map, filtered by what was typed.
    case help(query: String, top: Int)
    /// Every command by name; Enter runs the selected one.
    case palette(query: String, selected: Int)
    /// A one-line text prompt (search or filter) typed live.
    case prompt(Prompt)
    /// Show/hide and reorder the accounts columns.
    case columns(selected: Int)
    /// "Quit with unsaved edits?"
    case confirmQuit
    /// Text input, save review, conflict prompt and diff of the edit workflows.
    case workflow(WorkflowOverlay)

    /// The key-map context of the overlay: it alone is looked up while the overlay is open.
    public var context: KeyContext {
        switch self {
        case .help: .help
        case .palette: .palette
        case .prompt, .workflow(.input): .prompt
        case .columns: .columns
        case .confirmQuit: .confirmQuit
        case .workflow(.confirm): .confirm
        case .workflow(.saveReview): .saveReview
        case .workflow(.conflict): .conflict
        case .workflow(.diff): .diff
        }
    }
}

/// A live text prompt.
public struct Prompt: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case search, filter, export }
    public var kind: Kind
    /// The text and cursor; a pre-filled text starts selected (typing replaces it).
    public var editor: LineEditor
    /// The text typed (setting it replaces the text, cursor at the end).
    public var text: String {
        get { editor.text }
        set { editor.setText(newValue) }
    }
    /// The filter (or cursor row for search) to restore on Esc.
    public var previousFilter: String
    public var previousRow: Int32?

    public init(kind: Kind, text: String, previousFilter: String, previousRow: Int32?) {
        self.kind = kind; self.editor = LineEditor(text); self.previousFilter = previousFilter; self.previousRow = previousRow
    }

    /// The label before the typed text.
    public var label: String {
        switch kind {
        case .search: "/"
        case .filter: "filter: "
        case .export: "export (csv|json|markdown) FILE: "
        }
    }
}
