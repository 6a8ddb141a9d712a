/// Where a binding applies. On a screen, lookup tries the screen's context, then `.list`
/// (moving, shared by every screen), then `.global`. An open overlay is a context of its own
/// that takes every key: lookup tries only it, and a key it does not bind types text (help,
/// palette, prompts: ``takesTyping``), answers "no" (questions) or does nothing.
public enum KeyContext: String, CaseIterable, Sendable, Hashable {
    case global, list, accounts, portfolio, profile, triage, weights, scenarios, changes
    // Overlays
    case help, palette, prompt, columns, confirm, confirmQuit, saveReview, conflict, diff

    /// The heading used in help and docs.
    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .list: "Moving"
        case .accounts: "Accounts"
        case .portfolio: "Portfolio"
        case .profile: "Profile"
        case .triage: "Triage"
        case .weights: "Weights (what-if)"
        case .scenarios: "Scenarios (compare)"
        case .changes: "Changes (over time)"
        case .help: "Help (this list)"
        case .palette: "Command palette"
        case .prompt: "Prompts (the line editor)"
        case .columns: "Column chooser"
        case .confirm: "Questions (confirm an action)"
        case .confirmQuit: "Quit with unsaved edits?"
        case .saveReview: "Review before save"
        case .conflict: "Save conflict"
        case .diff: "Diff of a save conflict"
        }
    }

    /// Whether this is an overlay's context (it takes every key while open).
    public var isOverlay: Bool {
        switch self {
        case .global, .list, .accounts, .portfolio, .profile, .triage, .weights, .scenarios, .changes: false
        case .help, .palette, .prompt, .columns, .confirm, .confirmQuit, .saveReview, .conflict, .diff: true
        }
    }

    /// Whether a printable key not bound here is typed as text (so no printable key may be bound).
    public var takesTyping: Bool { self == .help || self == .palette || self == .prompt }

    /// The contexts a key is looked up in, in order.
    public var lookup: [KeyContext] { isOverlay ? [self] : [self, .list, .global] }
}

/// One row of the key map: keys, the command they run, where, and what it does.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var command: Command
    public var context: KeyContext
    public var summary: String
    /// The footer label when the binding is shown as a hint on its screen, else nil.
    public var hint: String?

    public init(_ keys: [Key], _ command: Command, _ context: KeyContext, _ summary: String, hint: String? = nil) {
        self.keys = keys; self.command = command; self.context = context; self.summary = summary; self.hint = hint
    }

    /// The keys as shown to people: `j / Down`.
    public var keyNames: String { keys.map(\.name).joined(separator: " / ") }
}

/// The one key map: it binds keys, and help, the palette, the footer and docs/keys.md are
/// generated from it.
public enum KeyMap {
    /// Every binding, in help order.
    /// Every binding, grouped by context in ``KeyContext`` order (stable within a context), so the
    /// help lists each context once.
    public static let table: [KeyBinding] = grouped([
        KeyBinding([.char("?"), .function(1)], .help, .global, "Show this help; type to filter", hint: "help"),
        KeyBinding([.char(":")], .palette, .global, "Command palette: run any action by name", hint: "commands"),
        KeyBinding([.escape, .char("q")], .back, .global, "Go back; home to Accounts; quit from Accounts", hint: "back"),
        KeyBinding([.char("Q"), .ctrl("c")], .quit, .global, "Quit (asks only if edits are unsaved)"),
        KeyBinding([.char("1")], .screenAccounts, .global, "Go to Accounts"),
        KeyBinding([.char("2")], .screenPortfolio, .global, "Go to Portfolio"),
        KeyBinding([.char("3")], .screenTriage, .global, "Go to Triage"),
        KeyBinding([.char("4")], .screenWeights, .global, "Go to Weights (what-if)"),
        KeyBinding([.char("5")], .screenChanges, .global, "Go to Changes: one quarter ago against now, same weights"),
        KeyBinding([.char("u")], .undo, .global, "Undo the last edit (any screen)"),
        KeyBinding([.ctrl("r")], .redo, .global, "Redo the last undone edit"),
        KeyBinding([.ctrl("s")], .save, .global, "Save: review pending edits per file, then write"),
        KeyBinding([.ctrl("l")], .repaint, .global, "Repaint the screen"),
        KeyBinding([.ctrl("z")], .suspend, .global, "Suspend to the shell (fg resumes)"),
        KeyBinding([.char("M")], .toggleMouse, .global, "Mouse on/off (wheel scrolls, click selects)"),
        KeyBinding([.char("@")], .setDate, .global, "Type the analysis date (yyyy-MM-dd); the workspace is not edited"),
        KeyBinding([.char("(")], .dateMonthBack, .global, "Analysis date one month back"),
        KeyBinding([.char(")")], .dateMonthForward, .global, "Analysis date one month forward"),
        KeyBinding([.char(",")], .dateQuarterBack, .global, "Analysis date one quarter back"),
        KeyBinding([.char(".")], .dateQuarterForward, .global, "Analysis date one quarter forward"),
        KeyBinding([.ctrl("t")], .saveDate, .global, "Save the date on screen as the workspace's asOf (undoable)"),
        KeyBinding([.char("j"), .down], .moveDown, .list, "Move down"),
        KeyBinding([.char("k"), .up], .moveUp, .list, "Move up"),
        KeyBinding([.pageDown, .ctrl("f")], .pageDown, .list, "Page down"),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp, .list, "Page up"),
        KeyBinding([.ctrl("d")], .halfPageDown, .list, "Half a page down"),
        KeyBinding([.ctrl("u")], .halfPageUp, .list, "Half a page up"),
        KeyBinding([.char("g"), .home], .top, .list, "First row"),
        KeyBinding([.char("G"), .end], .bottom, .list, "Last row"),
        KeyBinding([.char("h"), .left], .columnLeft, .list, "Column or cell to the left"),
        KeyBinding([.char("l"), .right], .columnRight, .list, "Column or cell to the right"),
        KeyBinding([.enter], .open, .list, "Open: drill into the row or cell", hint: "open"),
        KeyBinding([.char("[")], .sortAscending, .accounts, "Sort by the current column, ascending", hint: "sort"),
        KeyBinding([.char("]")], .sortDescending, .accounts, "Sort by the current column, descending"),
        KeyBinding([.char("/")], .search, .accounts, "Search names incrementally", hint: "search"),
        KeyBinding([.char("n")], .searchNext, .accounts, "Next search match"),
        KeyBinding([.char("N")], .searchPrevious, .accounts, "Previous search match"),
        KeyBinding([.char("f")], .filter, .accounts, "Filter live: words or terms (tier:key owner:ann score>80)", hint: "filter"),
        KeyBinding([.char("F")], .filterByCell, .accounts, "Filter by the value under the cursor"),
        KeyBinding([.char("X")], .clearFilter, .accounts, "Clear the filter (Esc restores it)"),
        KeyBinding([.char("x")], .exportView, .accounts, "Export the listed accounts: csv, json or markdown, to a file", hint: "export"),
        KeyBinding([.escape], .restoreFilter, .accounts, "Restore the previous filter; go back when there is none"),
        KeyBinding([.char(" ")], .toggleMark, .accounts, "Mark or unmark the row", hint: "mark"),
        KeyBinding([.char("v")], .markRange, .accounts, "Mark from the last marked row to here"),
        KeyBinding([.char("a")], .markAllFiltered, .accounts, "Mark every filtered row"),
        KeyBinding([.char("A")], .unmarkAll, .accounts, "Unmark every row"),
        KeyBinding([.char("-")], .hideColumn, .accounts, "Hide the current column"),
        KeyBinding([.char("<")], .moveColumnLeft, .accounts, "Move the current column left"),
        KeyBinding([.char(">")], .moveColumnRight, .accounts, "Move the current column right"),
        KeyBinding([.char("C")], .chooseColumns, .accounts, "Choose columns (Space shows/hides, </> reorders)"),
        KeyBinding([.tab], .nextSection, .portfolio, "Next panel", hint: "panel"),
        KeyBinding([.backTab], .previousSection, .portfolio, "Previous panel"),
        KeyBinding([.tab], .nextSection, .changes, "Next section (tiers, ABC, segments, groups, decisions, movers)", hint: "section"),
        KeyBinding([.backTab], .previousSection, .changes, "Previous section"),
    ] + WorkflowKeys.bindings + OverlayKeys.bindings)

    static func grouped(_ rows: [KeyBinding]) -> [KeyBinding] {
        KeyContext.allCases.flatMap { c in rows.filter { $0.context == c } }
    }

    /// The commands the palette offers: every command bound outside the overlays.
    public static let paletteCommands: [Command] = Command.allCases.filter { c in table.contains { $0.command == c && !$0.context.isOverlay } }

    /// The command a key runs in a context (the context, then `.list`, then `.global`).
    public static func command(for key: Key, in context: KeyContext) -> Command? { KeyBindings.defaults.command(for: key, in: context) }

    /// The bindings whose keys, command name or summary contain `filter` (case-insensitive).
    public static func matching(_ filter: String) -> [KeyBinding] { KeyBindings.defaults.matching(filter) }

    /// The first binding of a command (for palette descriptions).
    public static func binding(for command: Command) -> KeyBinding? { KeyBindings.defaults.binding(for: command) }

    /// The footer hints for a context: `key summary` pairs, screen hints first.
    public static func hints(for context: KeyContext) -> [(key: String, label: String)] { KeyBindings.defaults.hints(for: context) }

    /// docs/keys.md, generated from the table (`acumen keys --markdown`).
    public static func markdown() -> String { KeyBindings.defaults.markdown() }
}
