#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import AcumenUI

/// The real terminal, over ncursesw: wide characters through the wide API, only changed cells
/// drawn, colours from the theme (true/256/8 colours or none), keys with a 25 ms escape delay,
/// resize, suspend, mouse, and the terminal restored on every exit (``TerminalGuard``).
public final class NcursesTerminal: Terminal {
    /// Whether the locale is UTF-8; if not, everything non-ASCII draws as `?`.
    public let isUTF8: Bool
    /// Colours the terminal offers (0 when colour is off: monochrome or NO_COLOR).
    public private(set) var colorCount = 0
    /// Notices for the status line (a non-UTF-8 locale, no colours).
    public private(set) var notices: [String] = []
    private var attributes: [attr_t]
    private var pairs: [Int16]
    private var last: CellGrid?
    private var closed = false

    /// Whether the process runs in a UTF-8 locale, after `setlocale(LC_ALL, "")`.
    public static func localeIsUTF8() -> Bool {
        setlocale(LC_ALL, "")
        guard let cs = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: cs).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Starts curses on the controlling terminal. `theme` is used when colours are available
    /// and allowed; `mono` (attributes only) otherwise. `noColor` is `NO_COLOR` being set.
    public init(theme: Theme, mono: Theme, noColor: Bool) {
        isUTF8 = NcursesTerminal.localeIsUTF8()
        TerminalGuard.install(ttyFD: 1)
        initscr()
        if let rmkx = tigetstr("rmkx"), Int(bitPattern: rmkx) != -1 { TerminalGuard.addKeypadReset(String(cString: rmkx)) }
        raw()
        noecho()
        nonl()
        keypad(acumen_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        attributes = Array(repeating: acumen_a_normal(), count: StyleRole.allCases.count)
        pairs = Array(repeating: 0, count: StyleRole.allCases.count)
        if !isUTF8 { notices.append("The locale is not UTF-8: drawing ASCII only (set LANG=C.UTF-8)") }
        let wantColor = theme.usesColor && !noColor && has_colors()
        if wantColor {
            start_color()
            use_default_colors()
            colorCount = Int(acumen_colors())
        }
        configure(wantColor && colorCount >= 8 ? theme : mono)
    }

    /// Maps every role to a colour pair and attributes.
    private func configure(_ theme: Theme) {
        let useColor = theme.usesColor && colorCount >= 8
        for role in StyleRole.allCases {
            let s = theme.style(role)
            var a = acumen_a_normal()
            if s.bold { a |= acumen_a_bold() }
            if s.dim { a |= acumen_a_dim() }
            if s.reverse { a |= acumen_a_reverse() }
            if s.underline { a |= acumen_a_underline() }
            attributes[Int(role.rawValue)] = a
            if useColor, Int(role.rawValue) + 1 < Int(acumen_color_pairs()) {
                let n = Int16(role.rawValue) + 1
                init_pair(n, Int16(s.foreground.index(forColorCount: colorCount)), Int16(s.background.index(forColorCount: colorCount)))
                pairs[Int(role.rawValue)] = n
            }
        }
    }

    public var size: (width: Int, height: Int) {
        (Int(acumen_getmaxx(acumen_stdscr())), Int(acumen_getmaxy(acumen_stdscr())))
    }

    /// Draws only the cells that changed since the last frame (all of them after a resize or
    /// ``invalidate()``). Continuation cells are skipped: the wide grapheme covers them.
    public func draw(_ grid: CellGrid) {
        let full = last.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if full { erase() }
        var cc = cchar_t()
        var chars: [wchar_t] = []
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if !full, let last, last[x, y] == cell { continue }
                guard !cell.isContinuation, let ch = cell.text else { continue }
                chars.removeAll(keepingCapacity: true)
                if isUTF8 {
                    for s in ch.unicodeScalars { chars.append(wchar_t(bitPattern: s.value)) }
                } else {
                    chars.append(wchar_t(NcursesTerminal.asciiFallback(ch)))
                }
                chars.append(0)
                let role = Int(cell.role.rawValue)
                setcchar(&cc, chars, attributes[role], pairs[role], nil)
                mvadd_wch(Int32(y), Int32(x), &cc)
                if !isUTF8, cell.width == 2 {
                    chars[0] = 63
                    setcchar(&cc, chars, attributes[role], pairs[role], nil)
                    mvadd_wch(Int32(y), Int32(x + 1), &cc)
                }
            }
        }
        last = grid
    }

    public func flush() { refresh() }

    /// The ASCII byte drawn for a character in a non-UTF-8 locale: itself if ASCII, a look-alike
    /// for common punctuation, else `?`.
    static func asciiFallback(_ ch: Character) -> UInt8 {
        if let a = ch.asciiValue, a >= 0x20 { return a }
        switch ch {
        case "—", "–", "─": return UInt8(ascii: "-")
        case "·", "•", "●": return UInt8(ascii: ".")
        case "…": return UInt8(ascii: "~")
        case "›", "▶": return UInt8(ascii: ">")
        case "│": return UInt8(ascii: "|")
        case "×": return UInt8(ascii: "x")
        default: return UInt8(ascii: "?")
        }
    }

    /// How long ``nextEvent()`` waits before returning a tick; nil blocks until input.
    public var pollMilliseconds: Int? {
        didSet { timeout(Int32(pollMilliseconds ?? -1)) }
    }

    /// Blocks for the next key, resize or mouse event (or a tick while polling); nil when input has ended.
    public func nextEvent() -> TerminalEvent? {
        var failures = 0
        while failures < 50 {
            var wch: wint_t = 0
            let r = get_wch(&wch)
            if r == ERR, pollMilliseconds != nil { return .tick }
            if r == KEY_CODE_YES {
                let code = Int32(bitPattern: wch)
                if code == acumen_key_resize() { return .resize(width: size.width, height: size.height) }
                if code == acumen_key_mouse() { if let m = mouse() { return .mouse(m) } else { continue } }
                if let k = KeyDecoder.functionKey(code) { return .key(k) }
            } else if r == OK {
                if let k = KeyDecoder.character(UInt32(wch)) { return .key(k) }
            } else {
                failures += 1
            }
        }
        return nil
    }

    private func mouse() -> MouseEvent? {
        var e = MEVENT()
        guard getmouse(&e) == OK else { return nil }
        if acumen_mouse_is_wheel_up(e.bstate) != 0 { return MouseEvent(.wheelUp, x: Int(e.x), y: Int(e.y)) }
        if acumen_mouse_is_wheel_down(e.bstate) != 0 { return MouseEvent(.wheelDown, x: Int(e.x), y: Int(e.y)) }
        if acumen_mouse_is_click(e.bstate) != 0 { return MouseEvent(.click, x: Int(e.x), y: Int(e.y)) }
        return nil
    }

    public func invalidate() {
        last = nil
        clearok(acumen_stdscr(), true)
    }

    /// Ctrl-Z: leave curses, stop with the default SIGTSTP action, resume and redraw.
    public func suspend() {
        endwin()
        TerminalGuard.emergencyRestoreTermiosOnly()
        signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        // Resumed (fg): curses mode comes back with the next refresh.
        reset_prog_mode()
        refresh()
        invalidate()
    }

    public func setMouse(_ enabled: Bool) {
        var old: mmask_t = 0
        mousemask(enabled ? acumen_mouse_mask() : 0, &old)
        mouseinterval(0)
    }

    /// Ends curses and restores the terminal; safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        var old: mmask_t = 0
        mousemask(0, &old)
        endwin()
        TerminalGuard.restore()
    }

    deinit { close() }
}

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

/// Runs the app on the real terminal: starts curses, loops until quit, and always restores
/// the terminal, whatever way the loop ends.
public enum TUISession {
    /// Runs the workbench's runtime on the controlling terminal. Notices from the terminal
    /// (non-UTF-8 locale) go to the status line.
    public static func run(_ runtime: Runtime, theme: Theme, mono: Theme, noColor: Bool, background: BackgroundWork? = nil) {
        let terminal = NcursesTerminal(theme: theme, mono: mono, noColor: noColor)
        defer { terminal.close() }
        if !terminal.isUTF8 { runtime.useGlyphs(.ascii) }
        for n in terminal.notices { runtime.send(.notice(n, isError: false)) }
        runtime.run(terminal: terminal, background: background)
    }
}
