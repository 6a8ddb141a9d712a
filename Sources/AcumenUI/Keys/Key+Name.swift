/// Reading a key back from its shown name (`w`, `Ctrl-W`, `Space`, `PgDn`, `F5`), for the
/// user's key remapping file.
extension Key {
    /// The key whose ``name`` is `name` (case-insensitive for named keys and `Ctrl-`), or nil.
    public init?(name: String) {
        if name.count == 1, let ch = name.first {
            guard let k = ch.unicodeScalars.count == 1 ? ch.unicodeScalars.first.flatMap({ Key.fromCodePoint($0.value) }) : .char(ch),
                  case .char = k else { return nil }
            self = k
            return
        }
        let lower = name.lowercased()
        if lower.hasPrefix("ctrl-") || lower.hasPrefix("c-") || lower.hasPrefix("^") {
            let rest = lower.drop { $0 != "-" && $0 != "^" }.dropFirst()
            // Ctrl-H, -I, -J and -M arrive as Backspace, Tab and Enter: never as themselves.
            guard rest.count == 1, let ch = rest.first, ch.isASCII, ch.isLetter || ch == " ", !"hijm".contains(ch) else { return nil }
            self = .ctrl(ch)
            return
        }
        let named: [String: Key] = [
            "space": .char(" "), "up": .up, "down": .down, "left": .left, "right": .right,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
            "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "backspace": .backspace, "tab": .tab,
            "shift-tab": .backTab, "backtab": .backTab, "delete": .delete, "del": .delete, "insert": .insert,
        ]
        if let k = named[lower] { self = k; return }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) { self = .function(n); return }
        return nil
    }
}
