/// A key press, independent of the terminal library that read it.
public enum Key: Hashable, Sendable {
    /// A printable character (including space).
    case char(Character)
    /// A control chord: `.ctrl("d")` is Ctrl-D.
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab, delete, insert
    case function(Int)

    /// The name shown in help, the footer and docs/keys.md (`j`, `Ctrl-D`, `PgDn`, `Space`).
    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .function(let n): return "F\(n)"
        }
    }

    /// The key for a byte/code point read in raw mode: control codes become `.ctrl`, Enter,
    /// Tab, Esc and Backspace their own cases; nil for anything else unprintable.
    public static func fromCodePoint(_ v: UInt32) -> Key? {
        switch v {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .ctrl(" ")
        case 1...26: return Unicode.Scalar(v + 96).map { .ctrl(Character($0)) }
        case 28...31: return nil
        default:
            guard v >= 0x20, !TextSanitizer.isUnsafe(v), let s = Unicode.Scalar(v) else { return nil }
            return .char(Character(s))
        }
    }

    /// The printable character of a key, if it types one (for prompts).
    public var typedCharacter: Character? {
        if case .char(let c) = self { return c }
        return nil
    }
}
