import AcumenCore
import AcumenAnalytics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An open workspace folder: loads it, journals every edit, and saves crash-safely.
///
/// Edits go to the journal (fsynced) *before* they change the in-memory workspace, so an
/// acknowledged edit survives any crash; ``save()`` compacts them into the main files and
/// empties the journal. Each main file records the sequence number of the last journal record
/// it contains (`journalSeq`), so a crash between replacing the files and emptying the journal
/// never applies an edit twice on replay. A file changed on disk since it was loaded is never overwritten
/// silently: ``save(overwriting:)`` reports it and the caller chooses.
public final class WorkspaceStore {
    /// Options for opening.
    public struct Options: Sendable {
        /// Open without taking the lock or writing anything.
        public var readOnly = false
        /// Files larger than this are refused (bytes).
        public var maxFileSize: Int64 = 8 << 30
        /// Write through workspace files that are symlinks (the link is kept, its target is
        /// replaced); when false such a save is refused.
        public var followSymlinks = false
        /// Replay `journal.jsonl` on open (off when reloading to take the files on disk).
        var replayJournal = true
        /// For read-only opens (the CLI's `report`, `export`, `check`, `fit`): when the cache
        /// had to be rebuilt, write it if the lock is free (``refreshCacheUnderLock()``). Only
        /// `.acumen-cache/` is written; the workspace's own files never change.
        public var refreshesCache = false
        /// How `transactions.jsonl` is read in blocks (tests make them tiny).
        var reading = TransactionsFile.Reading()
        /// Options; the defaults take the lock, cap files at 8 GiB and refuse symlinks.
        public init(readOnly: Bool = false, maxFileSize: Int64 = 8 << 30, followSymlinks: Bool = false) {
            self.readOnly = readOnly; self.maxFileSize = maxFileSize; self.followSymlinks = followSymlinks
        }
    }

    /// What identified a file when it was loaded or last saved.
    struct Fingerprint: Equatable {
        var status: FileStatus?
        var hash: UInt64
    }

    public let folder: String
    public internal(set) var workspace: Workspace
    /// Warnings found while loading (e.g. a torn last journal record).
    public private(set) var warnings: [WorkspaceProblem]
    /// The torn last journal record dropped on open (written during a crash, never
    /// acknowledged), if there was one: a notice for the workbench and `acumen check`.
    public var droppedTornRecord: WorkspaceProblem? {
        warnings.first { $0.file == WorkspaceFiles.journal && $0.message.hasPrefix("torn record") }
    }
    /// Why the workspace is read-only, if it is.
    public internal(set) var readOnlyReason: String?
    /// Edits journaled since the last save, per file.
    public internal(set) var pendingEdits: [String: Int] = [:]
    /// True when the transactions changed in memory (imports) and must be rewritten.
    public var transactionsDirty = false
    /// Whether saving transactions also rebuilds the binary cache (not for a freshly created
    /// folder, so `acumen demo` twice with one seed gives identical folders; the first open builds it).
    var writesTransactionCache = true

    let fs: any FileSystem
    let options: Options
    var fingerprints: [String: Fingerprint] = [:]
    var lock: WorkspaceLock?
    /// Sequence number the next journal record gets; numbers grow over the workspace's life.
    var nextSeq = 1
    /// Per main file, the last journal sequence number its content includes.
    var savedSeq: [String: Int] = [:]
    /// Where the journal ended after this process last read or wrote it (nil: unknown, the
    /// next append only appends). An append refuses to write when the file ends elsewhere.
    var journalPosition: Journal.Position?
    /// Bytes a failed append left beyond ``journalPosition`` that it could not roll back.
    var journalOwnTail: Int64 = 0
    /// True when a read-only open parsed the customers or the transactions cleanly but could
    /// not use a cache.
    var cacheIsStale = false
    /// True when a read-only open parsed `transactions.jsonl` cleanly (no valid cache).
    var transactionsParsed = false
    let journal: Journal
    /// Files to read from a committed import's staged copies (read-only opens; ``WorkspacePublish``).
    var readOverlay: [String: String] = [:]
    /// The journal records not yet (wholly) in the main files, oldest first: replayed on open
    /// or appended since; what the save review and "take theirs" read instead of the journal file.
    var unsavedRecords: [Journal.Record] = []
    /// What the save review knows of `customers.jsonl` as last loaded or saved (nil: not known yet).
    var customerLines: CustomerLineIndex?
    /// Increases with every ``replaceWorkspace(_:)``, so a save that finishes in the background
    /// knows whether the transactions it wrote are still the ones in memory.
    var replacements = 0

    /// Sequence number of the last acknowledged (journaled) edit, 0 if none.
    public var lastSeq: Int { nextSeq - 1 }

    /// Header key holding ``savedSeq`` in `settings.json` and `customers.jsonl`.
    static let journalSeqKey = "journalSeq"

    /// True when edits cannot be saved.
    public var isReadOnly: Bool { readOnlyReason != nil }

    init(folder: String, workspace: Workspace, fs: any FileSystem, options: Options) {
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

    private func load() throws(WorkspaceError) {
        let st: FileStatus?
        do { st = try fs.status(folder) } catch { throw .io(error) }
        guard let st, st.isDirectory || st.isSymlink else { throw .notAWorkspace(folder) }
        readOverlay = try WorkspacePublish.recover(folder: folder, fs: fs, readOnly: options.readOnly)
        var problems: [WorkspaceProblem] = []
        var cachedCustomers = try cachedCustomers()
        var customerBytes: [UInt8] = []
        if cachedCustomers == nil {
            guard let bytes = try readFile(WorkspaceFiles.customers, problems: &problems) else {
                if problems.isEmpty { throw .notAWorkspace(folder) }
                throw .invalid(problems)
            }
            customerBytes = bytes
        }
        if !options.readOnly {
            switch WorkspaceLock.take(folder: folder) {
            case .acquired(let lock): self.lock = lock
            case .heldBy(let holder): readOnlyReason = "another Acumen (\(holder)) has this workspace open; changes cannot be saved here"
            case .unavailable(let why): readOnlyReason = why + "; opened read-only, changes cannot be saved here"
            }
        } else {
            readOnlyReason = "opened read-only"
        }
        if !isReadOnly {
            AtomicFile(fs: fs).removeStaleTemporaries(in: folder)
            AtomicFile(fs: fs).removeStaleTemporaries(in: folder + "/" + TransactionCache.folderName)
        }
        let settingsBytes = try readFile(WorkspaceFiles.settings, problems: &problems)
        var settings = settingsBytes.map { WorkspaceCodec.decodeSettings($0, problems: &problems) } ?? Settings()
        savedSeq[WorkspaceFiles.settings] = Self.journalSeq(settings.extra.removeValue(forKey: Self.journalSeqKey),
                                                            file: WorkspaceFiles.settings, bytes: settingsBytes ?? [], problems: &problems)
        let customersBefore = problems.count
        var extra: [String: JSONValue] = [:]
        var w: Workspace
        // The customers as parsed from the file (a cold open), kept for its cache; a warm open
        // keeps no second reference, so the journal's edits change the only copy in place.
        var parsed: (customers: CustomerList, index: CustomerIndex)?
        var idsHash: UInt64?
        if let loaded = cachedCustomers {
            extra = loaded.headerExtra
            idsHash = loaded.idsHash
            w = Workspace(settings: settings, customers: loaded.customers, index: loaded.index, transactions: TransactionTable())
        } else {
            let decoded = WorkspaceCodec.decodeCustomersIndexed(customerBytes, headerExtra: &extra, problems: &problems)
            let list = CustomerList(decoded.customers)
            w = Workspace(settings: settings, customers: list, index: decoded.index, transactions: TransactionTable())
            parsed = (list, decoded.index)
        }
        cachedCustomers = nil
        let fileHeader = extra
        savedSeq[WorkspaceFiles.customers] = Self.journalSeq(extra.removeValue(forKey: Self.journalSeqKey),
                                                             file: WorkspaceFiles.customers, bytes: customerBytes, problems: &problems)
        customerBytes = []  // the file's bytes are not needed any more: release them before the transactions
        if problems.count != customersBefore { parsed = nil }
        w.customersHeaderExtra = extra
        let parsedTransactions = try loadTransactions(into: &w, index: w.index, idsHash: idsHash, problems: &problems)
        if problems.contains(where: { $0.severity == .error }) { throw .invalid(problems) }
        if options.replayJournal { try replayJournal(into: &w, problems: &problems) }
        // Only a workspace that opened without errors gets a cache; the customers' cache holds
        // the file as read, before the journal's edits.
        if !isReadOnly {
            storeCaches(transactions: parsedTransactions ? w : nil, customers: parsed.map { ($0.customers, fileHeader, $0.index) })
        }
        if parsed != nil, isReadOnly { cacheIsStale = true }
        workspace = w
        warnings = problems
        if cacheIsStale, isReadOnly, options.refreshesCache {
            refreshCacheUnderLock(customers: parsed.map { ($0.customers, fileHeader, $0.index) })
        }
    }

    /// The customers from a valid columnar cache of `customers.jsonl`, or nil (then the file is
    /// parsed). Never for a committed import's staged copy or a file that cannot be read.
    private func cachedCustomers() throws(WorkspaceError) -> CustomerCache.Loaded? {
        let file = WorkspaceFiles.customers
        guard readOverlay.isEmpty else { return nil }
        let st: FileStatus?
        do { st = try fs.status(path(file)) } catch { throw .io(error) }
        guard let st, st.isRegular, st.size <= options.maxFileSize, isReadable(path(file)),
              let loaded = CustomerCache.load(folder: folder, status: st) else { return nil }
        fingerprints[file] = Fingerprint(status: st, hash: loaded.contentHash)
        return loaded
    }

    /// Rebuilds the customers' cache for `customers.jsonl` as just read (before the journal).
    func storeCustomerCache(_ customers: CustomerList, headerExtra: [String: JSONValue], index: CustomerIndex? = nil) {
        guard let fp = fingerprints[WorkspaceFiles.customers], let st = fp.status, st.isRegular else { return }
        CustomerCache.store(folder: folder, key: CustomerCache.Key(st, contentHash: fp.hash), customers: customers,
                            headerExtra: headerExtra, fs: fs, index: index)
    }

    /// A file's `journalSeq`: absent is 0; anything but an integer in 0…``Journal/maxSeq`` is
    /// an error at the field's position (a crafted huge number must never reach arithmetic).
    static func journalSeq(_ value: JSONValue?, file: String, bytes: [UInt8], problems: inout [WorkspaceProblem]) -> Int {
        guard let value else { return 0 }
        if let n = value.intValue, n >= 0, n <= Journal.maxSeq { return n }
        let p = WorkspaceProblem(file: file, line: 1, field: journalSeqKey,
            message: "\(JSONWriter.compact(value)) is not a journal sequence number (an integer from 0 to 2^53 = \(Journal.maxSeq))")
        problems += WorkspaceCodec.locatePretty([p], in: bytes)
        return 0
    }

    /// Loads transactions from the binary cache when it matches the file, else parses the file.
    /// - Returns: true when the file was parsed without problems (the caller then rebuilds the
    ///   cache, once the whole workspace has opened without errors).
    /// - Parameter idsHash: ``TransactionCache/idsHash(_:)`` of `w.customers` when known.
    private func loadTransactions(into w: inout Workspace, index: CustomerIndex, idsHash: UInt64?,
                                  problems: inout [WorkspaceProblem]) throws(WorkspaceError) -> Bool {
        let file = WorkspaceFiles.transactions
        let st: FileStatus?
        do { st = try fs.status(readOverlay[file] ?? path(file)) } catch { throw .io(error) }
        if let st, st.isRegular, problems.isEmpty, readOverlay.isEmpty, isReadable(path(file)),
           // The money bounds: the rows' checked by the load, the costs to serve by the
           // customers' decoder or cache.
           let cached = TransactionCache.load(folder: folder, status: st, customers: w.customers, idsHash: idsHash) {
            w.transactions = cached.table
            w.transactionsHeaderExtra = cached.headerExtra
            fingerprints[file] = Fingerprint(status: st, hash: cached.contentHash)
            return false
        }
        var extra: [String: JSONValue] = [:]
        let before = problems.count
        guard let table = try readTransactions(index: index, headerExtra: &extra, problems: &problems) else { return false }
        w.transactions = table
        w.transactionsHeaderExtra = extra
        guard problems.count == before else { return false }
        if isReadOnly { cacheIsStale = true; transactionsParsed = true }
        return true
    }

    /// True when the file can be opened for reading: a cache never hides an unreadable file.
    private func isReadable(_ p: String) -> Bool {
        guard let fd = try? fs.open(p, flags: O_RDONLY | O_NOFOLLOW | O_NONBLOCK, mode: 0) else { return false }
        fs.close(fd)
        return true
    }

    /// Rebuilds the transaction cache for the file as last loaded or saved.
    func storeTransactionCache(_ w: Workspace) {
        guard writesTransactionCache, let fp = fingerprints[WorkspaceFiles.transactions], let st = fp.status else { return }
        let key = TransactionCache.Key(size: st.size, modifiedNanoseconds: st.modifiedNanoseconds, inode: st.inode,
                                       contentHash: fp.hash, customerIDsHash: TransactionCache.idsHash(w.customers),
                                       changedNanoseconds: st.changedNanoseconds)
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
        if let problem = MoneyBounds.costProblem(of: edit, in: workspace) { throw .invalid([problem]) }
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

    /// Releases the lock; the store must not be used afterwards.
    public func close() {
        lock?.release()
        lock = nil
    }
}
