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
}

/// A live text prompt.
public struct Prompt: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case search, filter }
    public var kind: Kind
    public var text: String
    /// The filter (or cursor row for search) to restore on Esc.
    public var previousFilter: String
    public var previousRow: Int32?

    public init(kind: Kind, text: String, previousFilter: String, previousRow: Int32?) {
        self.kind = kind; self.text = text; self.previousFilter = previousFilter; self.previousRow = previousRow
    }

    /// The label before the typed text.
    public var label: String { kind == .search ? "/" : "filter: " }
}
