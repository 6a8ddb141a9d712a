import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Runs independent pieces of work on all cores and collects their results in order.
///
/// The caller guarantees the pieces share nothing mutable; each result goes to its own slot.
public enum Parallel {
    /// Calls `body(k)` for `k` in `0..<count` concurrently and returns the results in order.
    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        let slots = Slots<T>(count)
        withoutActuallyEscaping(body) { escaping in
            let work = Unchecked(escaping)
            DispatchQueue.concurrentPerform(iterations: count) { k in slots.set(k, work.value(k)) }
        }
        return slots.values()
    }

    /// Runs two independent computations side by side and returns both results.
    public static func pair<A, B>(_ a: () -> A, _ b: () -> B) -> (A, B) {
        let results = map(2) { k -> Either<A, B> in k == 0 ? .first(a()) : .second(b()) }
        if case .first(let x) = results[0], case .second(let y) = results[1] { return (x, y) }
        return (a(), b())  // not reached: map returns the results in order
    }

    private enum Either<A, B> {
        case first(A)
        case second(B)
    }

    /// Number of worker threads worth using.
    public static var cores: Int { max(1, sysconfCores()) }

    private static func sysconfCores() -> Int {
        #if canImport(Glibc)
        return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
        return 2
        #endif
    }

    /// A value moved across threads by a caller that guarantees exclusive use.
    private struct Unchecked<V>: @unchecked Sendable {
        let value: V
        init(_ value: V) { self.value = value }
    }

    /// One result slot per piece of work, written once each from different threads.
    private final class Slots<T>: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<T?>
        init(_ count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }
        func set(_ k: Int, _ v: T) { buffer[k] = v }
        func values() -> [T] { buffer.compactMap { $0 } }
        deinit {
            _ = buffer.deinitialize()
            buffer.deallocate()
        }
    }
}
