import AcumenCore
import AcumenAnalytics

/// What the save review reads from the store: the unsaved edits (kept in memory, never read
/// back from the journal) and the line index of `customers.jsonl`.
extension WorkspaceStore {
    /// The part of each journaled edit that the main files do not contain yet, oldest first.
    /// - Complexity: O(unsaved edits), from memory.
    public var unsavedEdits: [Edit] {
        // A record newer than every file's saved part is unsaved whole: no batch is rebuilt.
        let newest = savedSeq.values.max() ?? 0
        return unsavedRecords.compactMap { $0.seq > newest ? $0.edit : Self.unsaved($0.edit, seq: $0.seq, savedSeq: savedSeq) }
    }

    /// The journal records with a part the main files do not contain yet, oldest first, as
    /// journaled (``unsavedEdits`` gives the unsaved parts).
    public var unsavedJournalRecords: [Journal.Record] {
        unsavedRecords.filter { Self.unsaved($0.edit, seq: $0.seq, savedSeq: savedSeq) != nil }
    }

    /// The bytes the next save would write to one file (nil for a file it does not write).
    func encodedFile(_ name: String) -> [UInt8]? {
        switch name {
        case WorkspaceFiles.settings: WorkspaceCodec.encodeSettings(settingsToSave())
        case WorkspaceFiles.customers: WorkspaceCodec.encodeCustomers(workspace.customers, headerExtra: customersHeaderToSave())
        case WorkspaceFiles.transactions:
            transactionsDirty || fingerprints[WorkspaceFiles.transactions] == nil ? WorkspaceCodec.encodeTransactions(workspace) : nil
        default: nil
        }
    }

    /// The line index of `customers.jsonl` if it describes the file as last loaded or saved
    /// and the customers in memory (same count, same order).
    var validCustomerLines: CustomerLineIndex? {
        guard let lines = customerLines, let fp = fingerprints[WorkspaceFiles.customers], fp.hash == lines.hash,
              lines.customers == workspace.customers.count else { return nil }
        if let a = lines.status, let b = fp.status, a != b { return nil }
        return lines
    }

    /// The line index of `customers.jsonl`, built now (reading the file) when no valid one is
    /// kept; nil when the file does not hold one line per customer.
    func customerLineIndex() throws(WorkspaceError) -> CustomerLineIndex? {
        if let lines = validCustomerLines { return lines }
        guard let build = saveReviewPreparation() else { return nil }
        adoptSaveReviewPreparation(build())
        return validCustomerLines
    }

    /// The work that makes the first save review of a loaded file fast, to run off the input
    /// path (any thread): reads `customers.jsonl` and compares each line with its customer's
    /// encoding. Nil when there is nothing to prepare (an index is kept, or no file was loaded).
    /// Hand the result to ``adoptSaveReviewPreparation(_:)`` on the store's thread.
    /// - Complexity: O(file size + customers); ~0.1 s of CPU at 100k customers.
    /// - Parameter again: prepare even when a valid index is kept (benchmarks).
    public func saveReviewPreparation(again: Bool = false) -> (@Sendable () -> CustomerLineIndex?)? {
        guard validCustomerLines == nil || again, let fp = fingerprints[WorkspaceFiles.customers] else { return nil }
        let fs = self.fs, path = path(WorkspaceFiles.customers), limit = options.maxFileSize
        let customers = workspace.customers
        return {
            // Read in windows (CustomerLineIndex.streamed), not whole: the same index in a few MB.
            guard let size = fp.status?.size ?? (try? fs.status(path))?.size, size <= limit else { return nil }
            return CustomerLineIndex.streamed(path: path, fs: fs, status: fp.status, hash: fp.hash, customers: customers)
        }
    }

    /// Keeps a line index built by ``saveReviewPreparation()`` if it still describes the file
    /// as loaded (a save or a reload meanwhile makes it stale: it is dropped).
    public func adoptSaveReviewPreparation(_ lines: CustomerLineIndex?) {
        guard let lines, let fp = fingerprints[WorkspaceFiles.customers], fp.hash == lines.hash, fp.status == lines.status,
              lines.customers == workspace.customers.count else { return }
        customerLines = lines
    }
}
