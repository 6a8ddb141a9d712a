import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An open workspace folder: loads it, journals every edit, and saves crash-safely.
///
/// Edits go to the journal (fsynced) *before* they change the in-memory workspace, so an
/// acknowledged edit survives any crash; ``save()`` compacts them into the main files and
/// empties the journal. A file changed on disk since it was loaded is never overwritten
/// silently: ``save(overwriting:)`` reports it and the caller chooses.
public final class WorkspaceStore {
    /// Options for opening.
    public struct Options: Sendable {
        /// Open without taking the lock or writing anything.
        public var readOnly = false
        /// Files larger than this are refused (bytes).
        public var maxFileSize: Int64 = 8 << 30
        /// Allow replacing files that are symlinks.
        public var followSymlinks = false
        public init(readOnly: Bool = false) { self.readOnly = readOnly }
    }

    /// What identified a file when it was loaded or last saved.
    struct Fingerprint: Equatable {
        var status: FileStatus?
        var hash: UInt64
    }

    public let folder: String
    public private(set) var workspace: Workspace
    /// Warnings found while loading (e.g. a torn last journal record).
    public private(set) var warnings: [WorkspaceProblem]
    /// Why the workspace is read-only, if it is.
    public private(set) var readOnlyReason: String?
    /// Edits journaled since the last save, per file.
    public private(set) var pendingEdits: [String: Int] = [:]
    /// True when the transactions changed in memory (imports) and must be rewritten.
    public var transactionsDirty = false

    let fs: any FileSystem
    let options: Options
    private var fingerprints: [String: Fingerprint] = [:]
    private var lock: WorkspaceLock?
    private var nextSeq = 1
    private var journal: Journal

    /// True when edits cannot be saved.
    public var isReadOnly: Bool { readOnlyReason != nil }

    private init(folder: String, workspace: Workspace, fs: any FileSystem, options: Options) {
        self.folder = folder; self.workspace = workspace; self.fs = fs; self.options = options
        warnings = []
        journal = Journal(path: folder + "/" + WorkspaceFiles.journal, fs: fs)
    }

    func path(_ file: String) -> String { folder + "/" + file }

    /// Opens a workspace folder.
    /// - Throws: ``WorkspaceError/invalid(_:)`` with every problem found, or an I/O error.
    ///   Loading never modifies the data files.
    public static func open(_ folder: String, fs: any FileSystem = PosixFileSystem(), options: Options = Options()) throws(WorkspaceError) -> WorkspaceStore {
        let store = WorkspaceStore(folder: folder, workspace: Workspace(), fs: fs, options: options)
        try store.load()
        return store
    }

    private func readFile(_ file: String, problems: inout [WorkspaceProblem]) throws(WorkspaceError) -> [UInt8]? {
        let p = path(file)
        let st: FileStatus?
        do { st = try fs.status(p) } catch { throw .io(error) }
        guard let st else { return nil }
        if st.isDirectory {
            problems.append(WorkspaceProblem(file: file, line: 0, message: "is a directory; expected a file"))
            return nil
        }
        if st.size > options.maxFileSize {
            problems.append(WorkspaceProblem(file: file, line: 0, message: "is \(st.size) bytes, over the limit of \(options.maxFileSize)"))
            return nil
        }
        do {
            let bytes = try fs.read(p, limit: options.maxFileSize)
            fingerprints[file] = Fingerprint(status: st, hash: Checksum.fingerprint(bytes))
            return bytes
        } catch {
            problems.append(WorkspaceProblem(file: file, line: 0, message: error.description))
            return nil
        }
    }

    private func load() throws(WorkspaceError) {
        let st: FileStatus?
        do { st = try fs.status(folder) } catch { throw .io(error) }
        guard let st, st.isDirectory || st.isSymlink else { throw .notAWorkspace(folder) }
        var problems: [WorkspaceProblem] = []
        guard let customerBytes = try readFile(WorkspaceFiles.customers, problems: &problems) else {
            if problems.isEmpty { throw .notAWorkspace(folder) }
            throw .invalid(problems)
        }
        if !options.readOnly {
            let (lock, holder) = WorkspaceLock.acquire(folder: folder)
            if let lock { self.lock = lock } else {
                readOnlyReason = "another Acumen (\(holder)) has this workspace open; changes cannot be saved here"
            }
        } else {
            readOnlyReason = "opened read-only"
        }
        if !isReadOnly {
            AtomicFile(fs: fs).removeStaleTemporaries(in: folder)
            AtomicFile(fs: fs).removeStaleTemporaries(in: folder + "/" + TransactionCache.folderName)
        }
        let settingsBytes = try readFile(WorkspaceFiles.settings, problems: &problems)
        let settings = settingsBytes.map { WorkspaceCodec.decodeSettings($0, problems: &problems) } ?? Settings()
        var extra: [String: JSONValue] = [:]
        let (customers, index) = WorkspaceCodec.decodeCustomersIndexed(customerBytes, headerExtra: &extra, problems: &problems)
        var w = Workspace(settings: settings, customers: customers, index: index, transactions: TransactionTable())
        w.customersHeaderExtra = extra
        try loadTransactions(into: &w, index: index, problems: &problems)
        if problems.contains(where: { $0.severity == .error }) { throw .invalid(problems) }
        // Replay the journal.
        let (records, journalProblems): ([Journal.Record], [WorkspaceProblem])
        do { (records, journalProblems) = try journal.read(limit: options.maxFileSize) } catch { throw .io(error) }
        problems += journalProblems
        if journalProblems.contains(where: { $0.severity == .error }) { throw .invalid(problems) }
        for r in records {
            do { try w.apply(r.edit, author: r.author, at: r.at) } catch {
                problems.append(WorkspaceProblem(file: WorkspaceFiles.journal, line: 0, message: "edit #\(r.seq) cannot be replayed: \(error)"))
                throw .invalid(problems)
            }
            pendingEdits[r.edit.file, default: 0] += 1
            nextSeq = r.seq + 1
        }
        workspace = w
        warnings = problems
    }

    /// Loads transactions from the binary cache when it matches the file, else parses the
    /// file and (when writable and valid) rebuilds the cache.
    private func loadTransactions(into w: inout Workspace, index: [String: Int], problems: inout [WorkspaceProblem]) throws(WorkspaceError) {
        let file = WorkspaceFiles.transactions
        let st: FileStatus?
        do { st = try fs.status(path(file)) } catch { throw .io(error) }
        if let st, st.isRegular, problems.isEmpty,
           let cached = TransactionCache.load(folder: folder, status: st, customers: w.customers) {
            w.transactions = cached.table
            w.transactionsHeaderExtra = cached.headerExtra
            fingerprints[file] = Fingerprint(status: st, hash: cached.contentHash)
            return
        }
        guard let bytes = try readFile(file, problems: &problems) else { return }
        var extra: [String: JSONValue] = [:]
        let before = problems.count
        w.transactions = WorkspaceCodec.decodeTransactions(bytes, index: index, headerExtra: &extra, problems: &problems)
        w.transactionsHeaderExtra = extra
        if problems.count == before, !isReadOnly { storeTransactionCache(w) }
    }

    /// Rebuilds the transaction cache for the file as last loaded or saved.
    private func storeTransactionCache(_ w: Workspace) {
        guard let fp = fingerprints[WorkspaceFiles.transactions], let st = fp.status else { return }
        let key = TransactionCache.Key(size: st.size, modifiedNanoseconds: st.modifiedNanoseconds, inode: st.inode,
                                       contentHash: fp.hash, customerIDsHash: TransactionCache.idsHash(w.customers))
        TransactionCache.store(folder: folder, key: key, table: w.transactions, headerExtra: w.transactionsHeaderExtra, fs: fs)
    }

    /// Journals an edit (written and fsynced), then applies it.
    /// - Returns: the edit that undoes it.
    /// - Throws: when read-only, when the edit is invalid, or when the journal cannot be written
    ///   (then nothing changed in memory either).
    @discardableResult
    public func record(_ edit: Edit, author: String, at: Timestamp) throws(WorkspaceError) -> Edit {
        if let readOnlyReason { throw .readOnly(readOnlyReason) }
        // Validate without copying the workspace (a copy of a million customers costs ~0.5 s).
        do { try workspace.validate(edit) } catch { throw .edit(error) }
        if case .batch = edit {
            // Later edits of a batch may depend on earlier ones: apply it to a copy first.
            var trial = workspace
            let inverse: Edit
            do { inverse = try trial.apply(edit, author: author, at: at) } catch { throw .edit(error) }
            try appendToJournal(edit, author: author, at: at)
            workspace = trial
            return inverse
        }
        try appendToJournal(edit, author: author, at: at)
        do { return try workspace.apply(edit, author: author, at: at) } catch { throw .edit(error) }
    }

    private func appendToJournal(_ edit: Edit, author: String, at: Timestamp) throws(WorkspaceError) {
        do { try journal.append([Journal.Record(seq: nextSeq, at: at, author: author, edit: edit)]) } catch { throw .io(error) }
        nextSeq += 1
        pendingEdits[edit.file, default: 0] += 1
    }

    /// Replaces the whole in-memory workspace (imports); it is written on the next save.
    public func replaceWorkspace(_ w: Workspace) {
        workspace = w
        transactionsDirty = true
        pendingEdits[WorkspaceFiles.customers, default: 0] += 1
        pendingEdits[WorkspaceFiles.settings, default: 0] += 1
    }

    /// Files whose content on disk differs from what was loaded or last saved.
    public func filesChangedOnDisk() throws(WorkspaceError) -> [String] {
        var changed: [String] = []
        for (file, fp) in fingerprints.sorted(by: { $0.key < $1.key }) {
            let p = path(file)
            let st: FileStatus?
            do { st = try fs.status(p) } catch { throw .io(error) }
            if st == fp.status { continue }
            guard let st, st.isRegular else { changed.append(file); continue }
            let bytes: [UInt8]
            do { bytes = try fs.read(p, limit: options.maxFileSize) } catch { throw .io(error) }
            if Checksum.fingerprint(bytes) != fp.hash { changed.append(file) }
        }
        return changed
    }

    /// True when there is anything to save.
    public var hasUnsavedEdits: Bool { !pendingEdits.isEmpty || transactionsDirty }

    /// Writes the main files crash-safely and empties the journal.
    /// - Parameter overwriting: files the user chose to overwrite although they changed on disk.
    /// - Throws: ``WorkspaceError/changedOnDisk(_:)`` before writing anything when another
    ///   program changed a file; I/O errors leave the previous files and the journal intact.
    public func save(overwriting: Set<String> = []) throws(WorkspaceError) {
        if let readOnlyReason { throw .readOnly(readOnlyReason) }
        let conflicts = try filesChangedOnDisk().filter { !overwriting.contains($0) }
        if !conflicts.isEmpty { throw .changedOnDisk(conflicts) }
        let writer = AtomicFile(fs: fs)
        var files: [(String, [UInt8])] = [
            (WorkspaceFiles.settings, WorkspaceCodec.encodeSettings(workspace.settings)),
            (WorkspaceFiles.customers, WorkspaceCodec.encodeCustomers(workspace.customers, headerExtra: workspace.customersHeaderExtra)),
        ]
        if transactionsDirty || fingerprints[WorkspaceFiles.transactions] == nil {
            files.append((WorkspaceFiles.transactions, WorkspaceCodec.encodeTransactions(workspace)))
        }
        for (file, bytes) in files {
            if let fp = fingerprints[file], fp.hash == Checksum.fingerprint(bytes), fp.status != nil { continue }
            do {
                try writer.replace(path(file), with: bytes, allowSymlink: options.followSymlinks)
                fingerprints[file] = Fingerprint(status: try fs.status(path(file)), hash: Checksum.fingerprint(bytes))
            } catch { throw .io(error) }
            if file == WorkspaceFiles.transactions { storeTransactionCache(workspace) }
        }
        do { try journal.reset() } catch { throw .io(error) }
        pendingEdits = [:]
        transactionsDirty = false
    }

    /// Takes the version on disk of the given files, dropping unsaved edits to them.
    public func reload() throws(WorkspaceError) {
        let fresh = try WorkspaceStore.open(folder, fs: fs, options: Options(readOnly: true))
        workspace = fresh.workspace
        fingerprints = fresh.fingerprints
        pendingEdits = [:]
    }

    /// Creates a new workspace folder (mode 0777 less umask) and writes all its files.
    public static func create(_ folder: String, workspace: Workspace, fs: any FileSystem = PosixFileSystem()) throws(WorkspaceError) -> WorkspaceStore {
        if mkdir(folder, 0o777) != 0 && errno != EEXIST { throw .io(IOFailure(operation: "create folder", path: folder, code: errno)) }
        let store = WorkspaceStore(folder: folder, workspace: workspace, fs: fs, options: Options())
        let (lock, holder) = WorkspaceLock.acquire(folder: folder)
        guard let lock else { throw .readOnly("another Acumen (\(holder)) has \(folder) open") }
        store.lock = lock
        store.transactionsDirty = true
        do {
            for file in [WorkspaceFiles.settings, WorkspaceFiles.customers, WorkspaceFiles.transactions] where try fs.status(store.path(file)) != nil {
                // Existing files are replaced deliberately: record them as loaded so save() accepts them.
                let bytes = try fs.read(store.path(file), limit: store.options.maxFileSize)
                store.fingerprints[file] = Fingerprint(status: try fs.status(store.path(file)), hash: Checksum.fingerprint(bytes))
            }
        } catch { throw .io(error) }
        try store.save()
        return store
    }

    /// Releases the lock; the store must not be used afterwards.
    public func close() {
        lock?.release()
        lock = nil
    }
}
