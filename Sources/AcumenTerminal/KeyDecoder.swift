import CNcursesw
import AcumenUI

/// Turns what `get_wch` returns into ``Key``s: function-key codes (`KEY_UP`, `KEY_NPAGE`, …)
/// and characters (control codes become `.ctrl`, printable ones `.char`).
enum KeyDecoder {
    /// A function-key code (`get_wch` returned `KEY_CODE_YES`).
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        default:
            for n in 1...12 where code == acumen_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    /// A character code.
    static func character(_ value: UInt32) -> Key? { Key.fromCodePoint(value) }
}
