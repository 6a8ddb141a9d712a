import Foundation

/// Work that runs off the input path, whose result the main loop collects between keys.
///
/// `start` runs a computation on a background queue; it must only read values it was given
/// (Sendable) — the app state stays on the main thread. When it finishes, `deliver` (run on the
/// main thread, inside ``collect()``) turns the result into actions.
public final class BackgroundWork: @unchecked Sendable {
    private let lock = NSLock()
    private var running = 0
    private var finished: [() -> [Action]] = []

    public init() {}

    /// True while a started computation has not been collected yet.
    public var isRunning: Bool {
        lock.lock(); defer { lock.unlock() }
        return running > 0 || !finished.isEmpty
    }

    /// Starts `compute` on a background queue; `deliver` receives its result on the main thread.
    public func start<Result: Sendable>(_ compute: @escaping @Sendable () -> Result,
                                        deliver: @escaping (Result) -> [Action]) {
        lock.lock(); running += 1; lock.unlock()
        let box = Delivery(deliver)
        DispatchQueue.global(qos: .userInitiated).async {
            let result = compute()
            self.lock.lock()
            self.running -= 1
            self.finished.append { box.deliver(result) }
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

    /// Carries the main-thread delivery closure through the background queue untouched.
    private final class Delivery<Result>: @unchecked Sendable {
        let deliver: (Result) -> [Action]
        init(_ deliver: @escaping (Result) -> [Action]) { self.deliver = deliver }
    }
}
