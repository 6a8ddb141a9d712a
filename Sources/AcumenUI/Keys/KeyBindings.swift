/// A key map in effect: the default ``KeyMap/table`` or that table with the user's remapping
/// (``KeyRemap``). The reducer binds keys through it and help, palette and footer are drawn
/// from it, so what the screen says is what the keys do.
public struct KeyBindings: Hashable, Sendable {
    /// Every binding, grouped by context in ``KeyContext`` order.
    public let table: [KeyBinding]
    /// (context, key) → binding, the first binding of a key in a context winning.
    let index: [KeyContext: [Key: KeyBinding]]

    /// The built-in key map.
    public static let defaults = KeyBindings(KeyMap.table)

    public init(_ table: [KeyBinding]) {
        self.table = table
        var map: [KeyContext: [Key: KeyBinding]] = [:]
        for b in table { for k in b.keys where map[b.context, default: [:]][k] == nil { map[b.context, default: [:]][k] = b } }
        index = map
    }

    /// The command a key runs in a context: a screen's context, then `.list`, then `.global`;
    /// an overlay's context alone (``KeyContext/lookup``).
    public func command(for key: Key, in context: KeyContext) -> Command? {
        for c in context.lookup { if let b = index[c]?[key] { return b.command } }
        return nil
    }

    /// The bindings whose keys, command name or summary contain `filter` (case-insensitive).
    public func matching(_ filter: String) -> [KeyBinding] {
        let f = filter.lowercased()
        guard !f.isEmpty else { return table }
        return table.filter { b in
            b.summary.lowercased().contains(f) || b.command.rawValue.contains(f) || b.keyNames.lowercased().contains(f)
        }
    }

    /// The bindings matching `filter`, grouped by context with `context`'s first, then moving,
    /// then everywhere, then the other screens (the help overlay's order).
    public func helpRows(_ filter: String, context: KeyContext) -> [KeyBinding] {
        let rows = matching(filter)
        let order = [context, .list, .global] + KeyContext.allCases.filter { ![context, .list, .global].contains($0) }
        return order.flatMap { c in rows.filter { $0.context == c } }
    }

    /// The first binding of a command (for palette descriptions).
    public func binding(for command: Command) -> KeyBinding? { table.first { $0.command == command } }

    /// The footer hints for a context: `key summary` pairs, screen hints first; an overlay's own only.
    public func hints(for context: KeyContext) -> [(key: String, label: String)] {
        if context.isOverlay {
            return table.filter { $0.context == context && $0.hint != nil }.map { (key: $0.keys.first?.name ?? "", label: $0.hint ?? "") }
        }
        let rows = table.filter { $0.hint != nil && ($0.context == context || $0.context == .global || ($0.context == .list && (context == .accounts || context == .portfolio || context == .changes))) }
        let ordered = rows.filter { $0.context == context } + rows.filter { $0.context == .list } + rows.filter { $0.context == .global }
        return ordered.map { (key: $0.keys.first?.name ?? "", label: $0.hint ?? "") }
    }

    /// docs/keys.md for this map (`acumen keys --markdown`).
    public func markdown() -> String {
        var s = "# Keys\n\nGenerated from the key map by `acumen keys --markdown`; the help overlay (`?`) shows the same table.\n"
        for context in KeyContext.allCases {
            let rows = table.filter { $0.context == context }
            guard !rows.isEmpty else { continue }
            s += "\n## \(context.title)\n\n| Keys | Command | What it does |\n|---|---|---|\n"
            for b in rows {
                let keys = b.keys.map { "`" + ($0.name == "`" ? "``" : $0.name) + "`" }.joined(separator: ", ")
                s += "| \(keys) | \(b.command.rawValue) | \(b.summary.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")) |\n"
            }
        }
        return s
    }
}
