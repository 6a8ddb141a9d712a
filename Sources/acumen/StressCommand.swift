import Foundation
import AcumenAnalytics
import AcumenCore
import AcumenStore
import ArgumentParser

/// `acumen stress-save DIR` (hidden): the child process of the reliability tests.
///
/// Records edits one by one and prints `ack SEQ` (unbuffered) after each ``WorkspaceStore/record``
/// returns, announces `pending FILE HASH` before each save and `saved SEQ` after it, so a
/// parent that kills it with SIGKILL knows which edits were acknowledged and which file
/// versions may be on disk. Options put it under a file-size limit (`EFBIG`), a umask, or make
/// it hold the workspace lock until killed. Edit `SEQ` adds the note `stress-SEQ` to customer
/// `SEQ % count`; every fifth is a batch that also sets the monetary weight to `SEQ`.
struct StressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stress-save", abstract: "Reliability test child (internal).",
                                                    shouldDisplay: false)

    @Argument(help: "Workspace folder.")
    var directory: String

    @Option(help: "Edits to record (then exit).")
    var edits = 1_000_000

    @Option(help: "Save after every this many edits.")
    var saveEvery = 5

    @Option(help: "Extra bytes of padding in each note.")
    var noteBytes = 0

    @Option(help: "Create a demo workspace with this many customers first.")
    var create: Int?

    @Option(help: "Set RLIMIT_FSIZE to this many bytes (SIGXFSZ ignored, so writes fail with EFBIG).")
    var fileSizeLimit: Int?

    @Flag(help: "After a failed save, lift the file-size limit and save again.")
    var retry = false

    @Option(help: "umask to set first (octal, e.g. 077).")
    var umask: String?

    @Flag(help: "Open, print `locked PID`, and keep the lock until killed.")
    var holdLock = false

    @Flag(help: "Write through symlinked workspace files.")
    var followSymlinks = false

    @Flag(help: "Save as the workbench does: write the files on another thread while edits go on.")
    var background = false

    func run() throws {
        if let umask, let mask = mode_t(umask, radix: 8) { _ = Glibc.umask(mask) }
        if let create {
            do { try WorkspaceStore.create(directory, workspace: DemoGenerator(customers: create, seed: 7).generate()).close() } catch { throw fail(error) }
            emit("created")
        }
        if let fileSizeLimit {
            _ = signal(SIGXFSZ, SIG_IGN)
            var limit = rlimit()
            getrlimit(RLIMIT_FSIZE_VALUE, &limit)
            limit.rlim_cur = rlim_t(fileSizeLimit)
            guard setrlimit(RLIMIT_FSIZE_VALUE, &limit) == 0 else { throw ValidationError("setrlimit failed") }
        }
        let store: WorkspaceStore
        do { store = try WorkspaceStore.open(directory, options: .init(followSymlinks: followSymlinks)) } catch { throw fail(error) }
        if let reason = store.readOnlyReason { emit("readonly \(reason)"); throw ExitCode(2) }
        if holdLock {
            emit("locked \(getpid())")
            while true { sleep(60) }
        }
        emit("ready \(store.lastSeq)")
        let count = store.workspace.customers.count
        guard count > 0 else { return }
        let pad = String(repeating: "x", count: max(0, noteBytes))
        var saving = BackgroundSave()
        for k in 1...max(1, edits) {
            let seq = store.lastSeq + 1
            let id = store.workspace.customers[seq % count].id
            let at = Timestamp(seconds: 1_764_000_000 + Int64(seq))
            let note = Edit.addNote(customer: id, note: Note(text: "stress-\(seq)" + pad, author: "stress", at: at))
            let edit = seq % 5 == 0 ? Edit.batch([note, .setWeights([.monetary: Double(seq)])]) : note
            do { try store.record(edit, author: "stress", at: at) } catch { throw fail(error) }
            emit("ack \(seq)")
            if background {
                try saving.step(store, start: k % max(1, saveEvery) == 0, last: k == edits, emit: emit)
            } else if k % max(1, saveEvery) == 0 || k == edits { try save(store) }
        }
    }

    /// Saves, announcing the file versions first; on failure reports and maybe retries.
    private func save(_ store: WorkspaceStore) throws {
        for (file, bytes) in store.encodedFiles() { emit("pending \(file) \(String(Checksum.fingerprint(bytes), radix: 16))") }
        do {
            try store.save()
            emit("saved \(store.lastSeq)")
        } catch {
            emit("save-failed \(error.description)")
            emit("unsaved \(store.hasUnsavedEdits) edits-in-memory \(store.workspace.customers.reduce(0) { $0 + $1.notes.count })")
            guard retry else { throw ExitCode(3) }
            var limit = rlimit()
            getrlimit(RLIMIT_FSIZE_VALUE, &limit)
            limit.rlim_cur = limit.rlim_max
            setrlimit(RLIMIT_FSIZE_VALUE, &limit)
            do { try store.save() } catch { throw fail(error) }
            emit("retry-saved \(store.lastSeq)")
        }
    }

    /// Writes one line to standard output at once, unbuffered, so a SIGKILL loses nothing printed.
    func emit(_ line: String) { writeStandardOutput(line + "\n", sanitize: false) }
}

/// `RLIMIT_FSIZE` as the type `getrlimit` takes on Glibc.
private let RLIMIT_FSIZE_VALUE = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
