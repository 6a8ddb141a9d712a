/// The rules that keep a key meaning one thing: what the key-map test and the loader of the
/// user's remapping (``KeyRemap``) both check.
///
/// 1. A key is bound at most once in a context.
/// 2. A `.list` (moving) key is not also a `.global` key.
/// 3. A screen's key is neither a `.global` key nor a `.list` key — so `g` is "first row" on
///    every screen, never "decide grow" on one of them — except for the few ``refinements``,
///    where the screen's binding does the same thing for that screen.
/// 4. An overlay takes every key while open, so rules 2 and 3 do not reach it; but where typing
///    is text (help's filter, the palette, prompts) no printable key is bound, or it could
///    never be typed.
public enum KeyCollisions {
    /// A screen binding that deliberately takes a shared key, and why it is the same intent.
    public struct Refinement: Hashable, Sendable {
        public var context: KeyContext
        public var key: Key
        public var command: Command
        public var reason: String
    }

    /// The shared keys a screen may take, each for the same intent.
    public static let refinements: [Refinement] = [
        Refinement(context: .accounts, key: .escape, command: .restoreFilter,
                   reason: "Esc undoes the last filter first, then goes back like everywhere"),
        Refinement(context: .weights, key: .enter, command: .typeWeight,
                   reason: "Enter opens the selected weight for typing, as it opens a row elsewhere"),
    ]

    /// Every collision in a table, as sentences naming the keys, commands and contexts; empty
    /// when the table is sound.
    /// - Complexity: O(b · k) for b bindings of at most k keys.
    public static func problems(in table: [KeyBinding]) -> [String] {
        var out: [String] = []
        var owner: [KeyContext: [Key: Command]] = [:]
        for b in table {
            for k in b.keys {
                if let other = owner[b.context]?[k], other != b.command {
                    out.append("\(k.name) is bound to both \(other.rawValue) and \(b.command.rawValue) in \(b.context.title)")
                }
                if owner[b.context]?[k] == nil { owner[b.context, default: [:]][k] = b.command }
            }
        }
        let global = owner[.global] ?? [:], list = owner[.list] ?? [:]
        for (k, c) in list { if let g = global[k] { out.append("\(k.name) is \(c.rawValue) in Moving but \(g.rawValue) everywhere") } }
        for b in table where b.context != .global && b.context != .list && !b.context.isOverlay {
            for k in b.keys {
                guard let shared = global[k].map({ ($0, "everywhere") }) ?? list[k].map({ ($0, "in every list") }) else { continue }
                if refinements.contains(where: { $0.context == b.context && $0.key == k && $0.command == b.command }) { continue }
                out.append("\(k.name) is \(b.command.rawValue) in \(b.context.title) but \(shared.0.rawValue) \(shared.1)")
            }
        }
        for b in table where b.context.takesTyping {
            for k in b.keys where k.typedCharacter != nil {
                out.append("\(k.name) is \(b.command.rawValue) in \(b.context.title), where typing is text")
            }
        }
        return out
    }
}
