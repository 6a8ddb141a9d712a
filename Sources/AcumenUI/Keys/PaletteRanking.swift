import AcumenCore
/// How the command palette orders the commands for what was typed: the closest matches of the
/// command *name* first, so `save` puts `save` on top (never `quit`) and `scen` the scenario
/// commands (never `sort-ascending`, whose summary merely contains "scen").
///
/// Ranks, best first (ties keep ``Command`` declaration order):
/// 0. the name is the query (`save`);
/// 1. the name starts with it (`sea` → `search`, `search-next`);
/// 2. a word of the name starts with it (`scen` → `save-scenario`);
/// 3. the name contains it;
/// 4. a word of the summary starts with it;
/// 5. the name holds its letters in order (`nxs` → `next-scenario`);
/// 6. the summary contains it.
/// Anything else is left out. Case is ignored; spaces in the query match `-` in names.
public enum PaletteRanking {
    /// The commands matching `query`, best first; every command the palette offers (those bound
    /// outside the overlays) for an empty query.
    /// - Complexity: O(c · (n + q)) for c commands of name and summary length n.
    public static func rank(_ query: String, commands: [Command] = KeyMap.paletteCommands,
                            summary: (Command) -> String = { KeyMap.binding(for: $0)?.summary ?? "" }) -> [Command] {
        let q = TextFolding.fold(query).split(separator: " ").joined(separator: "-")
        guard !q.isEmpty else { return commands }
        var scored: [(rank: Int, at: Int, command: Command)] = []
        for (at, c) in commands.enumerated() {
            if let r = score(q, name: c.rawValue, summary: TextFolding.fold(summary(c))) { scored.append((r, at, c)) }
        }
        return scored.sorted { ($0.rank, $0.at) < ($1.rank, $1.at) }.map(\.command)
    }

    /// The rank of one command for a folded query, or nil when it does not match.
    static func score(_ q: String, name: String, summary: String) -> Int? {
        if name == q { return 0 }
        if name.hasPrefix(q) { return 1 }
        if name.split(separator: "-").contains(where: { $0.hasPrefix(q) }) { return 2 }
        if name.contains(q) { return 3 }
        let words = summary.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        if words.contains(where: { $0.hasPrefix(q) }) { return 4 }
        if isSubsequence(q, of: name) { return 5 }
        if summary.contains(q) { return 6 }
        return nil
    }

    /// Whether every character of `q` occurs in `s` in order.
    static func isSubsequence(_ q: String, of s: String) -> Bool {
        var it = s.makeIterator()
        return q.allSatisfy { ch in
            while let c = it.next() { if c == ch { return true } }
            return false
        }
    }
}
