extension AppState {
    /// Keys while an overlay is open: it takes them all.
    mutating func overlayKey(_ k: Key) -> [Effect] {
        guard let o = overlay else { return [] }
        switch o {
        case .help(let q, let top):
            switch k {
            case .escape, .enter, .function(1): overlay = nil
            case .char("?") where q.isEmpty: overlay = nil
            case .down, .ctrl("n"): overlay = .help(query: q, top: top + 1)
            case .up, .ctrl("p"): overlay = .help(query: q, top: max(0, top - 1))
            case .pageDown: overlay = .help(query: q, top: top + max(1, height - 6))
            case .pageUp: overlay = .help(query: q, top: max(0, top - max(1, height - 6)))
            case .backspace: overlay = .help(query: String(q.dropLast()), top: 0)
            default: if let ch = k.typedCharacter { overlay = .help(query: q + String(ch), top: 0) }
            }
            if case .help(let q2, let t2) = overlay {
                overlay = .help(query: q2, top: min(t2, max(0, keys.matching(q2).count - 1)))
            }
        case .palette(let q, let sel):
            let count = AppState.paletteCommands(q).count
            switch k {
            case .escape: overlay = nil
            case .down, .ctrl("n"), .tab: overlay = .palette(query: q, selected: min(sel + 1, max(0, count - 1)))
            case .up, .ctrl("p"), .backTab: overlay = .palette(query: q, selected: max(0, sel - 1))
            case .backspace: overlay = .palette(query: String(q.dropLast()), selected: 0)
            case .enter:
                overlay = nil
                let list = AppState.paletteCommands(q)
                if sel < list.count { return run(list[sel]) }
            default: if let ch = k.typedCharacter { overlay = .palette(query: q + String(ch), selected: 0) }
            }
        case .prompt(var p):
            switch k {
            case .escape:
                overlay = nil
                if p.kind == .search { accounts.searchHits = nil }
                if p.kind == .filter {
                    accounts.filter = p.previousFilter
                    accounts.rebuild(table, resort: false)
                }
                accounts.follow(p.previousRow)
            case .enter:
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
                        notice = "Export: give a format (csv, json or markdown) and a file, e.g. csv key-accounts.csv"
                        noticeIsError = true
                        return []
                    }
                    return [.export(request)]
                }
            default:
                let before = p.text
                guard p.editor.handle(k, history: promptHistory[p.kind.historyKind]) else { break }
                if p.text == before { overlay = .prompt(p) } else { livePrompt(p) }
            }
            accounts.scrollToCursor(rows: accountRows)
        case .columns(let sel):
            let all = AccountColumn.allCases
            switch k {
            case .escape, .enter, .char("q"), .char("C"): overlay = nil
            case .down, .char("j"): overlay = .columns(selected: min(sel + 1, all.count - 1))
            case .up, .char("k"): overlay = .columns(selected: max(0, sel - 1))
            case .char(" "):
                let c = all[sel]
                if let at = accounts.columns.firstIndex(of: c) {
                    if accounts.columns.count > 1 { accounts.columns.remove(at: at) }
                } else { accounts.columns.append(c) }
                accounts.column = min(accounts.column, accounts.columns.count - 1)
            case .char("<"), .char(">"):
                if let at = accounts.columns.firstIndex(of: all[sel]) {
                    let to = at + (k == .char("<") ? -1 : 1)
                    if to >= 0, to < accounts.columns.count { accounts.columns.swapAt(at, to) }
                }
            default: break
            }
        case .workflow(let w):
            return workflowOverlayKey(w, k)
        case .confirmQuit:
            switch k {
            case .char("y"), .char("Y"): overlay = nil; isQuitting = true; return [.quit]
            default: overlay = nil
            }
        }
        return []
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

/// A window over the current screen that takes the keys while it is open.
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
