import Foundation
import Testing
@testable import acumen
import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI

/// Outputs write only regular files and check every write (issue 17, item 1): `export -o` and
/// the workbench's export refuse FIFOs, device nodes and directories and leave them as they
/// were; a full standard output ends the command with a non-zero status; errors name the path
/// the user gave, never a temporary file. Special files are made in a temporary folder.
@Suite struct OutputSafetyTests {
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J"

    /// A fresh temporary folder holding a 30-customer demo workspace `ws`.
    static func folder(_ name: String = #function) throws -> String {
        let dir = FileManager.default.temporaryDirectory.path + "/acumen-out-\(getpid())-\(name.filter(\.isLetter))-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try WorkspaceStore.create(dir + "/ws", workspace: DemoGenerator(customers: 30, transactionsPerCustomer: 3, seed: 5).generate()).close()
        return dir
    }

    /// The file type bits of a path (lstat), or 0 when it does not exist.
    static func type(_ path: String) -> mode_t {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : 0
    }

    @Test func exportRefusesAFIFOAndLeavesIt() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/out.fifo"
        try #require(mkfifo(fifo, 0o600) == 0)
        let r = try ChildProcess.run(acumenBinary(), ["export", dir + "/ws", "--format", "csv", "-o", fifo])
        #expect(r.status == 1)
        #expect(r.error.contains("cannot replace \(fifo): it is a FIFO (named pipe), not a regular file"), "\(r.error)")
        #expect(Self.type(fifo) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(AtomicFile.tempPrefix) }.isEmpty)
    }

    @Test func exportRefusesADeviceNodeAndLeavesIt() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let node = dir + "/null"
        guard mknod(node, S_IFCHR | 0o600, dev_t((1 << 8) | 3)  /* makedev(1, 3): the null device */) == 0 else {
            print("OutputSafetyTests: device-node case skipped: mknod needs root (\(String(cString: strerror(errno))))")
            return
        }
        for format in ["csv", "json", "markdown"] {
            let r = try ChildProcess.run(acumenBinary(), ["export", dir + "/ws", "--format", format, "-o", node])
            #expect(r.status == 1)
            #expect(r.error.contains("it is a character device, not a regular file"), "\(r.error)")
            #expect(Self.type(node) == S_IFCHR, "the device node was replaced")
        }
    }

    @Test func exportRefusesADirectoryAndNamesTheGivenPath() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try ChildProcess.run(acumenBinary(), ["export", dir + "/ws", "--format", "json", "-o", dir])
        #expect(r.status == 1)
        #expect(r.error.contains("it is a directory, not a regular file"), "\(r.error)")
        let missing = dir + "/no/such/folder/x.csv"
        let m = try ChildProcess.run(acumenBinary(), ["export", dir + "/ws", "--format", "csv", "-o", missing])
        #expect(m.status == 1)
        #expect(m.error.contains("cannot write \(missing): No such file or directory"), "\(m.error)")
        #expect(!m.error.contains(AtomicFile.tempPrefix))
    }

    @Test func workbenchExportRefusesAFIFO() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/x.fifo"
        try #require(mkfifo(fifo, 0o600) == 0)
        let store = try WorkspaceStore.open(dir + "/ws", options: .init(readOnly: true))
        let ws = store.workspace
        let analysis = PortfolioAnalyzer.analyze(ws, asOf: ws.asOf(fallback: Day(ordinal: 20454)))
        let actions = exportView(try #require(ExportRequest("csv " + fifo, rows: [0, 1])), analysis: analysis, workspace: ws)
        #expect("\(actions)".contains("FIFO"), "\(actions)")
        #expect(Self.type(fifo) == S_IFIFO)
        let file = dir + "/ok.md"
        _ = exportView(try #require(ExportRequest("markdown " + file, rows: [0])), analysis: analysis, workspace: ws)
        #expect(Self.type(file) == S_IFREG)
    }

    /// Standard output on `/dev/full` (opened for writing, never modified) or a pipe closed by
    /// its reader: every command that prints exits non-zero.
    @Test(arguments: [["export", "WS", "--format", "csv", "-o", "-"], ["export", "WS", "--format", "json", "-o", "-"],
                      ["report", "WS"], ["report", "WS", "--format", "json"], ["check", "WS"], ["keys"]])
    func fullStandardOutputFails(arguments: [String]) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let args = arguments.map { $0 == "WS" ? dir + "/ws" : $0 }
        let full = try Self.spawn(acumenBinary(), args, stdout: .path("/dev/full"))
        #expect(full.status != 0, "exit 0 with standard output on /dev/full")
        #expect(full.error.contains("cannot write to standard output: No space left on device"), "\(full.error)")
        let closed = try Self.spawn(acumenBinary(), args, stdout: .closedPipe)
        #expect(closed.status != 0, "exit 0 with standard output on a closed pipe")
    }

    /// Where a child's standard output goes.
    enum Output { case path(String), closedPipe }

    /// Runs a child with standard output on `stdout` and standard error in a temporary file.
    static func spawn(_ exe: String, _ args: [String], stdout: Output) throws -> (status: Int32, error: String) {
        let errPath = FileManager.default.temporaryDirectory.path + "/acumen-err-\(UUID().uuidString)"
        defer { unlink(errPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var fds: [Int32] = [-1, -1]
        switch stdout {
        case .path(let p): posix_spawn_file_actions_addopen(&actions, 1, p, O_WRONLY, 0)
        case .closedPipe:
            guard pipe(&fds) == 0 else { throw ChildProcess.ChildError.spawn(errno) }
            close(fds[0])  // no reader: every write fails (EPIPE or SIGPIPE)
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[1])
        }
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = ([exe] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, exe, &actions, nil, argv, environ)
        if fds[1] >= 0 { close(fds[1]) }
        guard rc == 0 else { throw ChildProcess.ChildError.spawn(rc) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let error = FileManager.default.contents(atPath: errPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let sig = status & 0x7f
        return (sig == 0 ? (status >> 8) & 0xff : 128 + sig, error)
    }
}
