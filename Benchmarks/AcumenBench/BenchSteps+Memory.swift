import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI
import Foundation

/// The workbench's own resident memory (issue 16 item 5), measured in a child process
/// (`acumen-bench --memory-probe`) so the benchmark's other steps do not pollute it: the warm
/// open, the first screen as `acumen open` builds it, the lifetime-value fit and the
/// eight-quarter history (and the search keys, the save review's index) in the background,
/// 100 triage decisions, five strategy overrides and five ratings on a profile (edits that change
/// figures: the overrides patch the analysis, each rating re-analyses), and a save (Ctrl-S, confirmed), each followed by its resident memory
/// (`/proc/self/statm`) and the peak so far (`getrusage`). Each background job of the warm-up
/// reports when it has computed (the first one is the fit, before its adoption), and one more
/// line when the fit has been adopted (its criteria in a new analysis, before the history).
extension BenchSteps {
    /// The phases the probe reports, in order.
    static let memoryPhases = ["open (warm)", "analysis + runtime set-up", "first screen", "after the fit + history (background)", "after 100 edits",
                                       "after 5 overrides and 5 ratings (figure edits)", "after a save"]

    /// From the accounts list, the first account's profile: five times a strategy override
    /// with a reason (`O`) and a rating (`r`), each confirmed with Enter.
    static func figureEdits(_ round: Int) -> [TerminalEvent] {
        func typed(_ text: String) -> [TerminalEvent] { text.map { .key(.char($0)) } + [.key(.enter)] }
        let keys: [TerminalEvent] = [.key(.char("O"))] + typed((round % 2 == 0 ? "grow" : "cut cost") + ": probe \(round)")
            + [.key(.char("r"))] + typed("satisfaction \(round + 3)")
        return round == 0 ? [.key(.char("1")), .key(.enter)] + keys : keys
    }

    /// Runs the probe in a child process and returns one measurement per phase and the peak.
    func memorySteps() throws -> [Measurement] {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                                  ?? CommandLine.arguments[0])
        child.arguments = ["--workspace", folder, "--memory-probe"] + (asOf.map { ["--as-of", $0.iso] } ?? [])
        let pipe = Pipe()
        child.standardOutput = pipe
        try child.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        var out: [Measurement] = []
        for line in output.split(separator: "\n") {
            let f = line.split(separator: "\t")
            guard f.count == 4, f[0] == "memory", let resident = Double(f[2]), let peak = Double(f[3]) else { continue }
            out.append(Measurement(name: "workbench memory: \(f[1]) (MB resident)", size: label, samples: [resident]))
            out.append(Measurement(name: "workbench memory: \(f[1]) (MB peak so far)", size: label, samples: [peak]))
        }
        return out
    }

    /// The child's side: opens the workspace as `acumen open` does and reports each phase on
    /// standard output as `memory<TAB>phase<TAB>resident MB<TAB>peak MB`. With
    /// `ACUMEN_MALLOC_STATS` set, glibc's `malloc_stats` follows each phase on standard error
    /// (the heap in use, apart from mapped files and freed memory not yet returned); with
    /// `ACUMEN_PROBE_EXIT_AFTER=PHASE` the probe exits after the first phase whose name starts
    /// so, and under `heaptrack` its leak report is then the heap alive at that phase.
    func memoryProbe() throws {
        func report(_ phase: String) {
            let line = "memory\t\(phase)\t\(residentMegabytes())\t\(peakMemoryMegabytes())\n"
            FileHandle.standardOutput.write(Data(line.utf8))
            if ProcessInfo.processInfo.environment["ACUMEN_MALLOC_STATS"] != nil, let f = dlsym(dlopen(nil, RTLD_NOW), "malloc_stats") {
                FileHandle.standardError.write(Data("== \(phase)\n".utf8))
                unsafeBitCast(f, to: (@convention(c) () -> Void).self)()
            }
            if let stop = ProcessInfo.processInfo.environment["ACUMEN_PROBE_EXIT_AFTER"], phase.hasPrefix(stop) { exit(0) }
        }
        let store = try WorkspaceStore.open(folder)
        defer { store.close() }
        report(Self.memoryPhases[0])
        // As `acumen open`: nothing but the runtime holds the workspace or the analysis.
        let (asOf, fitInBackground) = {
            let ws = store.workspace
            let asOf = self.asOf ?? ws.asOf(fallback: (ws.lastTransactionDay ?? Day(ordinal: 0)).adding(days: 1))
            // From 50,000 customers the fit follows the first frame in the background.
            return (asOf, ws.settings.clv.enabled && ws.customers.count >= 50_000)
        }()
        var state = AppState(width: 120, height: 40, workspaceName: "bench")
        state.accounts.sortColumn = .score
        state.accounts.sortDescending = true
        let runtime = Runtime(store: store, analysis: fitInBackground ? PortfolioAnalyzer.analyze(store.workspace, asOf: asOf)
                                : WorkspaceView.analysing(store.workspace, asOf: asOf).analysis,
                              author: "bench", clock: { Timestamp(seconds: 1_767_225_600) }, state: state)
        report(Self.memoryPhases[1])
        let background = BackgroundWork()
        // Each job of the warm-up (in turn: the fit, the history, the search keys and sort
        // orders, the save review's index) on a line of its own: its peak, and what it keeps.
        let jobs = JobCounter()
        let stop = ProcessInfo.processInfo.environment["ACUMEN_PROBE_EXIT_AFTER"]
        background.onTurnComputed = {
            let phase = "background job \(jobs.next()) computed"
            if ProcessInfo.processInfo.environment["ACUMEN_MALLOC_STATS"] != nil, let st = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
                FileHandle.standardError.write(Data((phase + ": " + st.split(separator: "\n").filter { $0.hasPrefix("Rss") || $0.hasPrefix("VmHWM") }.joined(separator: " ") + "\n").utf8))
            }
            FileHandle.standardOutput.write(Data("memory\t\(phase)\t\(residentMegabytes())\t\(peakMemoryMegabytes())\n".utf8))
            if let stop, phase.hasPrefix(stop) { exit(0) }
        }
        if fitInBackground {
            runtime.fitLifetimeValueInBackground(background, notice: "Lifetime value fitted.") {
                report("the fit adopted (a new analysis), before the history")
            }
        }
        let edits: [TerminalEvent] = [.key(.char("3"))] + Array(repeating: .key(.char("a")), count: 100)
        let script: [(events: [TerminalEvent], phase: String)] = [
            ([], Self.memoryPhases[2]),
            ([], Self.memoryPhases[3]),
            (edits, Self.memoryPhases[4]),
            (Self.figureEdits(0), "figure edits: override + rating 1"),
            (Self.figureEdits(1), "figure edits: override + rating 2"),
            (Self.figureEdits(2), "figure edits: override + rating 3"),
            (Self.figureEdits(3), "figure edits: override + rating 4"),
            (Self.figureEdits(4), Self.memoryPhases[5]),
            ([.key(.ctrl("s")), .key(.ctrl("s"))], Self.memoryPhases[6]),
        ]
        runtime.run(terminal: ProbeTerminal(script: script, background: background, report: report), background: background)
    }
}

/// A terminal that plays the probe's script: each step's keys, then ticks until the background
/// work is done and collected, then the step's report; input ends after the last step.
final class ProbeTerminal: Terminal {
    let size = (width: 120, height: 40)
    var pollMilliseconds: Int?
    private var script: [(events: [TerminalEvent], phase: String)]
    private var pending: [TerminalEvent] = []
    private var waiting: String?
    private let background: BackgroundWork
    private let report: (String) -> Void

    init(script: [(events: [TerminalEvent], phase: String)], background: BackgroundWork, report: @escaping (String) -> Void) {
        self.script = script
        self.background = background
        self.report = report
    }

    func nextEvent() -> TerminalEvent? {
        if !pending.isEmpty { return pending.removeFirst() }
        if let phase = waiting {
            // The runtime collects finished work after every event: tick until none is left.
            if background.isRunning {
                usleep(20_000)
                return .tick
            }
            report(phase)
            waiting = nil
        }
        guard !script.isEmpty else { return nil }
        let step = script.removeFirst()
        if step.phase == BenchSteps.memoryPhases[2] {
            report(step.phase)  // the first frame is drawn before the first event is asked for
            return .tick
        }
        pending = step.events
        waiting = step.phase
        return pending.isEmpty ? .tick : pending.removeFirst()
    }

    func draw(_ grid: CellGrid) {}
    func flush() {}
    func invalidate() {}
    func suspend() {}
    func setMouse(_ enabled: Bool) {}
}

/// Numbers the probe's background jobs (called from the background queue).
final class JobCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// The next job's number, from 1.
    func next() -> Int {
        lock.lock(); defer { lock.unlock() }
        count += 1
        return count
    }
}
