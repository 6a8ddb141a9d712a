import AcumenCore
import AcumenAnalytics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Saving: change detection, crash-safe replacement of the main files, emptying the journal.
extension WorkspaceStore {
    /// Replaces the whole in-memory workspace (imports); it is written on the next save.
    public func replaceWorkspace(_ w: Workspace) {
        workspace = w
        replacements += 1
        transactionsDirty = true
        pendingEdits[WorkspaceFiles.customers, default: 0] += 1
        pendingEdits[WorkspaceFiles.settings, default: 0] += 1
    }

    /// Files whose content on disk differs from what was loaded or last saved.
    ///
    /// Size, mtime, ctime and inode are compared first; when any differs the content hash
    /// decides, so a `touch` or a rewrite with identical bytes is not a conflict.
    public func filesChangedOnDisk() throws(WorkspaceError) -> [String] {
        var changed: [String] = []
        for (file, fp) in fingerprints.sorted(by: { $0.key < $1.key }) {
            let p = path(file)
            let st: FileStatus?
            do { st = try fs.status(p) } catch { throw .io(error) }
            if st == fp.status { continue }
            guard let st, st.isRegular || (st.isSymlink && options.followSymlinks) else { changed.append(file); continue }
            let bytes: [UInt8]
            do { bytes = try fs.read(p, limit: options.maxFileSize) } catch { throw .io(error) }
            if Checksum.fingerprint(bytes) != fp.hash { changed.append(file) }
        }
        return changed
    }

    /// True when there is anything to save.
    public var hasUnsavedEdits: Bool { !pendingEdits.isEmpty || transactionsDirty }

    /// The bytes the next ``save(overwriting:)`` would write, per file (those it must write
    /// and those it will skip because they are unchanged).
    public func encodedFiles() -> [(file: String, bytes: [UInt8])] {
        var files: [(file: String, bytes: [UInt8])] = [
            (WorkspaceFiles.settings, WorkspaceCodec.encodeSettings(settingsToSave())),
            (WorkspaceFiles.customers, WorkspaceCodec.encodeCustomers(workspace.customers, headerExtra: customersHeaderToSave())),
        ]
        if transactionsDirty || fingerprints[WorkspaceFiles.transactions] == nil {
            files.append((WorkspaceFiles.transactions, WorkspaceCodec.encodeTransactions(workspace)))
        }
        return files
    }

    /// The settings as the next save writes them (with the journal sequence number they include).
    func settingsToSave() -> Settings {
        var settings = workspace.settings
        let seq = seqToSave(WorkspaceFiles.settings)
        if seq > 0 { settings.extra[Self.journalSeqKey] = .int(seq) }
        return settings
    }

    /// The header members of `customers.jsonl` as the next save writes them.
    func customersHeaderToSave() -> [String: JSONValue] {
        var header = workspace.customersHeaderExtra
        let seq = seqToSave(WorkspaceFiles.customers)
        if seq > 0 { header[Self.journalSeqKey] = .int(seq) }
        return header
    }

    /// The journal sequence number a file includes once saved now.
    func seqToSave(_ file: String) -> Int {
        pendingEdits[file] != nil ? lastSeq : savedSeq[file, default: 0]
    }

    /// Writes the main files crash-safely and empties the journal: ``prepareSave(overwriting:)``,
    /// ``SavePlan/write()`` and ``finishSave(_:)`` in one go (the workbench runs the middle
    /// step in the background).
    /// - Parameter overwriting: files the user chose to overwrite although they changed on disk.
    /// - Throws: ``WorkspaceError/changedOnDisk(_:)`` before writing anything when another
    ///   program changed a file; I/O errors leave the previous files and the journal intact and
    ///   the edits in memory, so the save can be retried.
    public func save(overwriting: Set<String> = []) throws(WorkspaceError) {
        try finishSave(try prepareSave(overwriting: overwriting).write())
    }

    /// The first step of a save, on the store's thread: checks that this session still owns
    /// the workspace, that every amount fits, and that no file changed on disk (unless chosen
    /// to be overwritten); then takes an immutable snapshot of what to write. O(1) apart from
    /// the checks: the workspace is a copy-on-write value.
    /// - Throws: ``WorkspaceError/changedOnDisk(_:)`` (nothing written), read-only, invalid.
    public func prepareSave(overwriting: Set<String> = []) throws(WorkspaceError) -> SavePlan {
        try checkOwnership()
        // The transactions as loaded were checked by the open (the parse, or the cache's row
        // checks); only an import changes them (`transactionsDirty`). Not scanning them here
        // keeps ten million mapped rows out of memory during a save of edits.
        let beyond = MoneyBounds.check(transactionsDirty ? workspace.transactions : TransactionTable(), customers: workspace.customers)
        if !beyond.isEmpty { throw .invalid(beyond) }
        let conflicts = try filesChangedOnDisk().filter { !overwriting.contains($0) }
        if !conflicts.isEmpty { throw .changedOnDisk(conflicts) }
        let files = [WorkspaceFiles.settings, WorkspaceFiles.customers, WorkspaceFiles.transactions]
        return SavePlan(snapshot: SavePlan.Snapshot(workspace), folder: folder, fs: fs, followSymlinks: options.followSymlinks,
                        maxFileSize: options.maxFileSize, settings: settingsToSave(), customersHeader: customersHeaderToSave(),
                        writesTransactions: transactionsDirty || fingerprints[WorkspaceFiles.transactions] == nil,
                        unchangedCustomers: overwriting.contains(WorkspaceFiles.customers) ? nil : unchangedCustomerLines,
                        seqs: Dictionary(uniqueKeysWithValues: files.map { ($0, seqToSave($0)) }),
                        known: fingerprints.compactMapValues { $0.status == nil ? nil : $0.hash },
                        seq: lastSeq, replacements: replacements)
    }

    /// The line index of `customers.jsonl` when the edit list proves the file needs no
    /// rewrite: no unsaved edit touches a customer (nor replaced the workspace), and the kept
    /// index says the file on disk is exactly the canonical encoding of these customers — one
    /// line per customer, none differing (a file Acumen wrote, or one checked line by line) —
    /// under the header the save would write. Nil (encode and compare) otherwise.
    var unchangedCustomerLines: CustomerLineIndex? {
        guard pendingEdits[WorkspaceFiles.customers] == nil, let lines = validCustomerLines, lines.differing.isEmpty,
              fingerprints[WorkspaceFiles.customers]?.status != nil,
              lines.headerLine == WorkspaceCodec.customersHeaderLine(customersHeaderToSave()) else { return nil }
        return lines
    }

    /// The last step of a save, on the store's thread: adopts the files ``SavePlan/write()``
    /// replaced (their fingerprints and the journal sequence numbers they include), then
    /// empties the journal — or, when edits were recorded while the files were written, keeps
    /// it: the files say which records they include, so the later ones replay on open and are
    /// saved by the next save. Those later edits stay unsaved here too.
    /// - Throws: the write's I/O failure (what was written is adopted; the journal is intact).
    public func finishSave(_ r: SavePlan.Result) throws(WorkspaceError) {
        for w in r.written + (r.writtenDespiteFailure.map { [$0] } ?? []) {
            fingerprints[w.file] = Fingerprint(status: w.status, hash: w.hash)
            savedSeq[w.file] = w.seq
            if w.file == WorkspaceFiles.transactions, r.replacements == replacements { storeTransactionCache(workspace) }
        }
        if var lines = r.customerLines, let fp = fingerprints[WorkspaceFiles.customers], fp.hash == lines.hash {
            lines.status = lines.status ?? fp.status
            customerLines = lines
        }
        if let failure = r.failure { throw .io(failure) }
        if lastSeq == r.seq {
            do { journalPosition = try journal.reset(); journalOwnTail = 0 } catch {
                journalPosition = nil  // unknown: the next append cuts nothing and appends safely
                throw .io(error)
            }
            unsavedRecords = []
        } else {
            unsavedRecords = unsavedRecords.filter { Self.unsaved($0.edit, seq: $0.seq, savedSeq: savedSeq) != nil }
        }
        pendingEdits = [:]
        for rec in unsavedRecords {
            guard let edit = Self.unsaved(rec.edit, seq: rec.seq, savedSeq: savedSeq) else { continue }
            for file in Self.files(of: edit) { pendingEdits[file, default: 0] += 1 }
        }
        if r.replacements == replacements { transactionsDirty = false }
    }

    /// Takes the version on disk, dropping every unsaved edit (the journal is emptied, so they
    /// are not replayed on the next open either).
    /// - Throws: when read-only or the files on disk are invalid; then nothing changes.
    public func reload() throws(WorkspaceError) {
        try checkOwnership()
        var reading = options
        reading.readOnly = true
        reading.replayJournal = false
        let fresh = try WorkspaceStore.open(folder, fs: fs, options: reading)
        do { journalPosition = try journal.reset(); journalOwnTail = 0 } catch { throw .io(error) }
        transactionsDirty = false
        unsavedRecords = []
        customerLines = nil
        workspace = fresh.workspace
        fingerprints = fresh.fingerprints
        savedSeq = fresh.savedSeq
        nextSeq = max(nextSeq, fresh.nextSeq, (fresh.savedSeq.values.max() ?? 0) + 1)
        pendingEdits = [:]
    }

    /// Creates a new workspace folder (mode 0777 less umask) and writes all its files.
    public static func create(_ folder: String, workspace: Workspace, fs: any FileSystem = PosixFileSystem(),
                              options: Options = Options()) throws(WorkspaceError) -> WorkspaceStore {
        if mkdir(folder, 0o777) != 0 && errno != EEXIST { throw .io(IOFailure(operation: "create folder", path: folder, code: errno)) }
        let store = WorkspaceStore(folder: folder, workspace: workspace, fs: fs, options: options)
        switch WorkspaceLock.take(folder: folder) {
        case .acquired(let lock): store.lock = lock
        case .heldBy(let holder): throw .readOnly("another Acumen (\(holder)) has \(folder) open")
        case .unavailable(let why): throw .readOnly(why)
        }
        store.transactionsDirty = true
        do {
            for file in [WorkspaceFiles.settings, WorkspaceFiles.customers, WorkspaceFiles.transactions] where try fs.status(store.path(file)) != nil {
                // Existing files are replaced deliberately: record them as loaded so save() accepts them.
                let bytes = try fs.read(store.path(file), limit: store.options.maxFileSize)
                store.fingerprints[file] = Fingerprint(status: try fs.status(store.path(file)), hash: Checksum.fingerprint(bytes))
            }
        } catch { throw .io(error) }
        store.writesTransactionCache = false
        try store.publish()
        store.writesTransactionCache = true
        return store
    }
}
