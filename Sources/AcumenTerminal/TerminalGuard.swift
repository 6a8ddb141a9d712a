#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Brings the terminal back on every way out: `q`, every catchable signal whose default
/// action ends the process (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM,
/// SIGPIPE, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSYS, SIGSTKFLT) and crashes
/// (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, including a stack overflow, as the
/// handler runs on an alternate signal stack). A signal that is ignored when the guard is
/// installed (SIGXFSZ, which the executable ignores so writes fail with `EFBIG`; SIGHUP under
/// `nohup`) stays ignored.
///
/// The handler only calls async-signal-safe functions: it writes a precomputed reset string
/// (mouse modes and bracketed paste off, attributes reset, cursor shown, keypad mode off —
/// the terminfo `rmkx` captured after `initscr` and the standard `ESC [ ? 1 l ESC >` —,
/// alternate screen left) with `write(2)`, restores
/// the termios saved before curses started, replays what was written to standard error during
/// the session (so a crash message is readable after the restore), then re-raises the signal
/// with the default action.
///
/// The state lives in static storage because a C signal handler cannot capture context; it is
/// written once by ``install(ttyFD:)`` before any handler can run and only read afterwards.
public enum TerminalGuard {
    nonisolated(unsafe) static var savedTermios = termios()
    nonisolated(unsafe) static var haveTermios = false
    nonisolated(unsafe) static var ttyFD: Int32 = 1
    nonisolated(unsafe) static var reset: UnsafeMutableBufferPointer<UInt8>?
    nonisolated(unsafe) static var copyBuffer: UnsafeMutableBufferPointer<UInt8>?
    nonisolated(unsafe) static var stderrLog: Int32 = -1
    nonisolated(unsafe) static var savedStderr: Int32 = -1
    nonisolated(unsafe) static var altStack: UnsafeMutableRawPointer?

    /// Signals after which the terminal is restored: every catchable one whose default action
    /// ends the process (SIGKILL and SIGSTOP cannot be caught; SIGTSTP, SIGWINCH and SIGCONT are
    /// curses' own).
    static let handled: [Int32] = [
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE,
        SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSYS, SIGSTKFLT,
    ]
    /// The signals whose handler this guard installed (not those found ignored).
    nonisolated(unsafe) static var installed: [Int32] = []

    /// Leaves mouse reporting (all modes) and bracketed paste, resets attributes, shows the
    /// cursor, leaves keypad mode (cursor keys and keypad back to normal), leaves the
    /// alternate screen.
    static let resetSequence = modesOff + keypadOff + leaveAlternateScreen

    /// Mouse modes and bracketed paste off, attributes reset, cursor shown.
    static let modesOff = "\u{1b}[?1000l\u{1b}[?1002l\u{1b}[?1003l\u{1b}[?1006l\u{1b}[?2004l\u{1b}[0m\u{1b}[?25h"

    /// Back to the normal screen.
    static let leaveAlternateScreen = "\u{1b}[?1049l"

    /// Keypad off (`rmkx` of xterm and most terminals): normal cursor keys, numeric keypad.
    static let keypadOff = "\u{1b}[?1l\u{1b}>"

    /// Saves the terminal state and installs the handlers. Call before `initscr`.
    /// Standard error is sent to an unlinked temporary file until ``restore()`` replays it.
    public static func install(ttyFD fd: Int32) {
        ttyFD = fd
        haveTermios = tcgetattr(fd, &savedTermios) == 0
        setResetSequence(resetSequence)
        copyBuffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 4096)
        captureStandardError()
        installAlternateStack()
        installed = []
        for sig in handled {
            var old = sigaction()
            if sigaction(sig, nil, &old) == 0, isIgnored(old) { continue }
            var sa = sigaction()
            sa.__sigaction_handler.sa_handler = guardHandler
            sa.sa_flags = Int32(truncatingIfNeeded: SA_ONSTACK) | Int32(truncatingIfNeeded: SA_RESETHAND)
            sigemptyset(&sa.sa_mask)
            if sigaction(sig, &sa, nil) == 0 { installed.append(sig) }
        }
    }

    /// Whether a disposition is SIG_IGN (the handler value 1).
    static func isIgnored(_ action: sigaction) -> Bool {
        guard let handler = action.__sigaction_handler.sa_handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == 1
    }

    /// Adds the terminal's own keypad-off string (terminfo `rmkx`, read once curses knows the
    /// terminal) to the reset, before leaving the alternate screen; the standard one stays.
    static func addKeypadReset(_ rmkx: String) {
        guard !rmkx.isEmpty, rmkx != keypadOff else { return }
        setResetSequence(modesOff + keypadOff + rmkx + leaveAlternateScreen)
    }

    /// Publishes a new reset string. The old buffer is kept (never freed): a handler may be
    /// reading it at this moment.
    static func setResetSequence(_ text: String) {
        let bytes = Array(text.utf8)
        let buf = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buf.initialize(from: bytes)
        reset = buf
    }

    /// Restores the terminal state and standard error on a normal exit (after `endwin`).
    public static func restore() {
        emergencyRestore()
        for sig in installed { signal(sig, SIG_DFL) }
    }

    /// Puts back the saved termios only (before a suspend: the shell gets its own settings).
    static func emergencyRestoreTermiosOnly() {
        if haveTermios { _ = tcsetattr(ttyFD, TCSANOW, &savedTermios) }
    }

    /// What the handler does; async-signal-safe. Safe to call more than once.
    static func emergencyRestore() {
        if let r = reset, let base = r.baseAddress { _ = write(ttyFD, base, r.count) }
        if haveTermios { _ = tcsetattr(ttyFD, TCSANOW, &savedTermios) }
        if savedStderr >= 0, stderrLog >= 0, let c = copyBuffer, let base = c.baseAddress {
            _ = dup2(savedStderr, 2)
            _ = lseek(stderrLog, 0, SEEK_SET)
            while true {
                let n = read(stderrLog, base, c.count)
                if n <= 0 { break }
                _ = write(2, base, n)
            }
            close(stderrLog)
            stderrLog = -1
        }
    }

    /// Sends fd 2 to an unlinked temporary file, so nothing printed during the session lands
    /// on (and vanishes with) the curses screen.
    static func captureStandardError() {
        guard savedStderr < 0 else { return }
        var template = Array("/tmp/acumen-stderr-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { p -> Int32 in
            guard let base = p.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else { return }
        template.withUnsafeBufferPointer { p in if let base = p.baseAddress { _ = unlink(base) } }
        savedStderr = dup(2)
        if savedStderr < 0 || dup2(fd, 2) < 0 { close(fd); return }
        stderrLog = fd
    }

    /// A 64 KiB alternate signal stack, so a stack overflow can still restore the terminal.
    static func installAlternateStack() {
        guard altStack == nil else { return }
        let size = 64 * 1024
        guard let mem = malloc(size) else { return }
        altStack = mem
        var ss = stack_t()
        ss.ss_sp = mem
        ss.ss_size = size
        ss.ss_flags = 0
        sigaltstack(&ss, nil)
    }
}

/// The C signal handler: restore, then let the signal take its default course (the handler
/// was installed with SA_RESETHAND, so the default action is already back in place).
private let guardHandler: @convention(c) (Int32) -> Void = { sig in
    TerminalGuard.emergencyRestore()
    raise(sig)
}
