import CNcursesw

/// Namespace marker for the terminal module.
public enum AcumenTerminalInfo {
    /// The ncurses version string.
    public static var cursesVersion: String { String(cString: curses_version()) }
}
