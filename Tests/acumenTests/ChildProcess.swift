import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`, its standard output and error read through
/// pipes, so tests can wait for a line, kill it at a chosen moment and read what it printed.
final class ChildProcess {
    let pid: pid_t
    private var outFD: Int32
    private var errFD: Int32
    private var buffer: [UInt8] = []
    /// Everything read from standard error so far.
    private(set) var errorText = ""

    /// Starts `path` with `arguments`; the child runs with the Swift backtracer off.
    init(_ path: String, _ arguments: [String]) throws {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw ChildError.spawn(errno) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, path, &actions, nil, argv, envp)
        close(outPipe[1]); close(errPipe[1])
        guard rc == 0 else { close(outPipe[0]); close(errPipe[0]); throw ChildError.spawn(rc) }
        pid = child
        outFD = outPipe[0]; errFD = errPipe[0]
        _ = fcntl(errFD, F_SETFL, fcntl(errFD, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if outFD >= 0 { close(outFD) }
        if errFD >= 0 { close(errFD) }
    }

    /// Waits up to `timeout` seconds for a whole line on standard output; nil at EOF or timeout.
    func readLine(timeout: Double = 20) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let nl = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<nl], as: UTF8.self)
                buffer.removeFirst(nl + 1)
                return line
            }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 || outFD < 0 { return nil }
            var p = pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, Int32(min(left, 1) * 1000)) <= 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { read(outFD, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { close(outFD); outFD = -1; drainErrors(); continue }
            buffer += chunk[0..<n]
        }
    }

    /// Reads lines until one starts with `prefix`; returns it (nil at EOF or timeout).
    func waitFor(_ prefix: String, timeout: Double = 20, seen: (String) -> Void = { _ in }) -> String? {
        while let line = readLine(timeout: timeout) {
            seen(line)
            if line.hasPrefix(prefix) { return line }
        }
        return nil
    }

    /// Every remaining line of standard output, until EOF.
    func remainingLines(timeout: Double = 20) -> [String] {
        var lines: [String] = []
        while let l = readLine(timeout: timeout) { lines.append(l) }
        return lines
    }

    /// Sends a signal.
    func signal(_ sig: Int32) { _ = Glibc.kill(pid, sig) }

    /// Waits for the child to end; returns its exit status, or 128 + signal when killed.
    @discardableResult
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        drainErrors()
        let signalNumber = status & 0x7f
        return signalNumber == 0 ? (status >> 8) & 0xff : 128 + signalNumber
    }

    /// Runs a child to completion: its exit status, standard output and standard error.
    static func run(_ path: String, _ arguments: [String], timeout: Double = 60) throws -> (status: Int32, output: String, error: String) {
        let child = try ChildProcess(path, arguments)
        let out = child.remainingLines(timeout: timeout).joined(separator: "\n")
        let status = child.wait()
        return (status, out, child.errorText)
    }

    private func drainErrors() {
        guard errFD >= 0 else { return }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(errFD, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            errorText += String(decoding: chunk[0..<n], as: UTF8.self)
        }
    }

    /// Why a child could not be started.
    enum ChildError: Error { case spawn(Int32) }
}

/// The `acumen` executable built next to the test bundle (or `$ACUMEN_BINARY`).
func acumenBinary() -> String {
    if let path = ProcessInfo.processInfo.environment["ACUMEN_BINARY"] { return path }
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
    // On macOS the test binary sits inside a .xctest bundle; climb out of it.
    while dir.path.contains(".xctest") { dir.deleteLastPathComponent() }
    return dir.appendingPathComponent("acumen").path
}
