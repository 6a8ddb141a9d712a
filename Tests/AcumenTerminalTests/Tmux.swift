import Foundation

/// Drives a real terminal: a detached tmux session running one command.
struct Tmux {
    let session: String

    /// The built `acumen` beside the test bundle (both live in .build/<config>/), or nil.
    static var acumenBinary: String? {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("acumen").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// The tmux binary, or nil when it is not installed.
    static let path: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs a program and returns its status and standard output. Output goes through a
    /// temporary file, not a pipe: the tmux server that `new-session` leaves behind would hold
    /// a pipe open forever. Spawned with posix_spawn and reaped with waitpid.
    @discardableResult
    static func run(_ exe: String, _ args: [String], capture: Bool = true) -> (status: Int32, output: String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("acumen-tmux-\(UUID().uuidString)").path
        defer { unlink(out) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Default signal dispositions and no blocked signals: a test runner that ignores SIGHUP
        // would otherwise pass that on, and the tmux server could never hang up its panes.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = ([exe] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, exe, &actions, &attr, argv, environ) == 0 else { return (-1, "") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = capture ? (FileManager.default.contents(atPath: out).map { String(decoding: $0, as: UTF8.self) } ?? "") : ""
        return ((status >> 8) & 0xFF, text)
    }

    /// Every call uses the session's own server socket (`-L`), never the user's tmux.
    @discardableResult
    func tmux(_ args: [String], capture: Bool = true) -> String { Tmux.run(Tmux.path ?? "tmux", ["-L", session] + args, capture: capture).output }

    /// Starts the session with a shell command at a size.
    /// A server that fails to come up under load is retried (up to three times, each on a fresh
    /// socket) before the test goes on with whatever it got.
    static func start(_ command: String, width: Int, height: Int) -> Tmux {
        var t = Tmux(session: "")
        for _ in 0..<3 {
            let name = "acumen-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            t = Tmux(session: name)
            let started = run(path ?? "tmux", ["-L", name, "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command],
                              capture: false).status == 0
            if started, run(path ?? "tmux", ["-L", name, "has-session", "-t", name], capture: false).status == 0 { return t }
            t.kill()
        }
        return t
    }

    func send(_ keys: String...) { tmux(["send-keys", "-t", session] + keys) }
    func type(_ text: String) { tmux(["send-keys", "-t", session, "-l", text]) }
    func capture() -> String { tmux(["capture-pane", "-p", "-t", session]) }
    func resize(width: Int, height: Int) { tmux(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"]) }
    func alternateScreenOn() -> Bool { tmux(["display", "-p", "-t", session, "#{alternate_on}"]).hasPrefix("1") }
    func panePID() -> Int32? { Int32(tmux(["display", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) }
    /// Ends the session's server and removes its socket file.
    func kill() {
        tmux(["kill-server"], capture: false)
        let base = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        unlink("\(base)/tmux-\(getuid())/\(session)")
    }

    /// Waits until the pane shows `text` (or `timeout` passes); returns the last capture.
    @discardableResult
    func wait(for text: String, timeout: Double = 30) -> String {
        let end = Date().addingTimeInterval(timeout)
        var screen = capture()
        while Date() < end {
            if screen.contains(text) {
                // Settled: two captures 50 ms apart agree, so a half-drawn frame is never read.
                usleep(50_000)
                let again = capture()
                if again == screen { return screen }
                screen = again
                continue
            }
            usleep(50_000)
            screen = capture()
        }
        return screen
    }

    /// Waits until a file exists; returns its contents.
    static func waitForFile(_ path: String, timeout: Double = 30) -> String? {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if let d = FileManager.default.contents(atPath: path), !d.isEmpty { return String(decoding: d, as: UTF8.self) }
            usleep(50_000)
        }
        return nil
    }

    /// The child processes of a process (from /proc), to find the app under the pane's shell.
    static func children(of pid: Int32) -> [Int32] {
        let path = "/proc/\(pid)/task/\(pid)/children"
        guard let d = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: d, as: UTF8.self).split(separator: " ").compactMap { Int32($0) }
    }
}
