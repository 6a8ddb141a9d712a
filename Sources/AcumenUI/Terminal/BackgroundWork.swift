import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Work that runs off the input path, whose result the main loop collects between keys.
///
/// `start` runs a computation on a background queue; it must only read values it was given
/// (Sendable) — the app state stays on the main thread. When it finishes, `deliver` (run on the
/// main thread, inside ``collect()``) turns the result into actions.
///
/// Work that can wait its turn (the workbench's warm-up after the first frame: the lifetime-value
/// fit, the history, the search keys, the save review's index) goes through ``inTurn(_:)``: one
/// job at a time, in the order asked, the next begun only when the one before has landed, so
/// their working memory never adds up (issue 16 item 5) and on two cores they do not take turns
/// on the same core. Around each such job the freed memory goes back to the system
/// (``Allocator/returnFreedMemory()``).
public final class BackgroundWork: @unchecked Sendable {
    private let lock = NSLock()
    private var running = 0
    private var finished: [() -> [Action]] = []
    /// Work waiting its turn (begun on the main thread), whether one is being begun, and how
    /// many begun in turn have not landed yet.
    private var turns: [() -> Void] = []
    private var beginning = false
    private var inTurnRunning = 0

    /// Called on the background queue after each job begun in turn has computed, before its
    /// freed memory goes back (the benchmark's memory probe reports the peak of each job).
    public var onTurnComputed: (@Sendable () -> Void)? {
        get { lock.lock(); defer { lock.unlock() }; return turnObserver }
        set { lock.lock(); turnObserver = newValue; lock.unlock() }
    }
    private var turnObserver: (@Sendable () -> Void)?

    public init() {}

    /// True while a started computation has not been collected yet.
    public var isRunning: Bool {
        lock.lock(); defer { lock.unlock() }
        return running > 0 || !finished.isEmpty || !turns.isEmpty
    }

    /// True when a computation has finished and waits for ``collect()``.
    public var hasFinished: Bool {
        lock.lock(); defer { lock.unlock() }
        return !finished.isEmpty
    }

    /// Runs `begin` on the main thread once the work begun in turn before it has landed (at once
    /// when none is waiting). What `begin` starts (``start(_:deliver:)``) is that turn's job;
    /// a `begin` that starts nothing passes the turn on at once.
    public func inTurn(_ begin: @escaping () -> Void) {
        lock.lock(); turns.append(begin); lock.unlock()
        advance()
    }

    /// Begins the waiting turns until one starts a job (main thread).
    private func advance() {
        while true {
            lock.lock()
            guard inTurnRunning == 0, !beginning, !turns.isEmpty else { lock.unlock(); return }
            let begin = turns.removeFirst()
            beginning = true
            lock.unlock()
            begin()
            lock.lock(); beginning = false; lock.unlock()
        }
    }

    /// Starts `compute` on a background queue; `deliver` receives its result on the main thread.
    public func start<Result: Sendable>(_ compute: @escaping @Sendable () -> Result,
                                        deliver: @escaping (Result) -> [Action]) {
        lock.lock()
        running += 1
        let inTurn = beginning
        if inTurn { inTurnRunning += 1 }
        lock.unlock()
        let box = Delivery(deliver)
        DispatchQueue.global(qos: .userInitiated).async {
            // In turn: what the job before freed (and its delivery dropped) goes back first,
            // and this job's temporaries once it is done.
            if inTurn { Allocator.returnFreedMemory() }
            let result = compute()
            if inTurn { self.onTurnComputed?(); Allocator.returnFreedMemory() }
            self.lock.lock()
            self.running -= 1
            self.finished.append {
                let actions = box.deliver(result)
                if inTurn { self.landed() }
                return actions
            }
            self.lock.unlock()
        }
    }

    /// Waits until no computation is running (results may still wait for ``collect()``).
    /// - Returns: false when `seconds` passed first.
    @discardableResult
    public func waitUntilComputed(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            lock.lock(); let busy = running > 0; lock.unlock()
            if !busy { return true }
            usleep(1000)
        }
        return false
    }

    /// The actions of every computation finished since the last call (main thread).
    public func collect() -> [Action] {
        lock.lock()
        let done = finished
        finished = []
        lock.unlock()
        return done.flatMap { $0() }
    }

    /// A job begun in turn has landed: the next turn may begin (main thread).
    private func landed() {
        lock.lock(); inTurnRunning -= 1; lock.unlock()
        advance()
    }

    /// Carries the main-thread delivery closure through the background queue untouched.
    private final class Delivery<Result>: @unchecked Sendable {
        let deliver: (Result) -> [Action]
        init(_ deliver: @escaping (Result) -> [Action]) { self.deliver = deliver }
    }
}
