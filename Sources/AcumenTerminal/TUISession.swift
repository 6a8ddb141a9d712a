import AcumenUI

/// Runs the app on the real terminal: starts curses, loops until quit, and always restores
/// the terminal, whatever way the loop ends.
public enum TUISession {
    /// Runs `state` on the controlling terminal. `perform` answers effects that need the
    /// outside world. Notices from the terminal (non-UTF-8 locale) go to the status line.
    public static func run(_ state: inout AppState, theme: Theme, mono: Theme, noColor: Bool,
                           perform: (Effect) -> [Action]) {
        let terminal = NcursesTerminal(theme: theme, mono: mono, noColor: noColor)
        defer { terminal.close() }
        if !terminal.isUTF8 { state.glyphs = .ascii }
        for n in terminal.notices { _ = state.update(.notice(n, isError: false)) }
        AppRunner.run(&state, terminal: terminal, perform: perform)
    }
}
