import AcumenCore
import AcumenAnalytics
/// What saving would change, per file: the journaled edits and the lines that would differ
/// from the file on disk ("review before save").
public struct PendingChanges: Hashable, Sendable {
    /// The pending changes to one file.
    public struct File: Hashable, Sendable {
        public var name: String
        /// Edits journaled since the last save that touch this file.
        public var edits: Int
        /// One label per journaled edit, oldest first (see ``Edit/label``).
        public var labels: [String]
        /// Lines the save would remove from and add to the file on disk.
        public var removedLines: Int
        public var addedLines: Int
        /// True when the file on disk changed since it was loaded (saving would conflict).
        public var changedOnDisk: Bool
    }

    /// Files with pending edits or differences, in the order settings, customers, transactions.
    public var files: [File]

    /// True when saving would write nothing.
    public var isEmpty: Bool { files.isEmpty }

    /// Collects the pending changes of an open store.
    ///
    /// Reads the journal for the edit labels and diffs each touched file against its bytes on
    /// disk (the transactions file only when it was changed in memory).
    public init(_ store: WorkspaceStore) throws(WorkspaceError) {
        let journal = Journal(path: store.path(WorkspaceFiles.journal), fs: store.fs)
        let records: [Journal.Record]
        do { records = try journal.read(limit: store.options.maxFileSize).records } catch { throw .io(error) }
        let conflicts = Set(try store.filesChangedOnDisk())
        var list: [File] = []
        for name in [WorkspaceFiles.settings, WorkspaceFiles.customers, WorkspaceFiles.transactions] {
            let labels = records.filter { $0.edit.files.contains(name) }.map(\.edit.label)
            let touched = !labels.isEmpty || store.pendingEdits[name] != nil
                || (name == WorkspaceFiles.transactions && store.transactionsDirty)
            guard touched, let new = store.bytesToWrite(name) else { continue }
            let counts = LineDiff(old: try store.bytesOnDisk(name) ?? [], new: new).counts
            list.append(File(name: name, edits: max(labels.count, store.pendingEdits[name] ?? 0), labels: labels,
                             removedLines: counts.removed, addedLines: counts.added, changedOnDisk: conflicts.contains(name)))
        }
        files = list
    }

    /// Summary lines for a prompt, e.g. `customers.jsonl  5 edits  −3 +3 lines`.
    public var summaryLines: [String] {
        files.map { f in
            "\(f.name)  \(f.edits) edit\(f.edits == 1 ? "" : "s")  −\(f.removedLines) +\(f.addedLines) lines"
                + (f.changedOnDisk ? "  (changed on disk!)" : "")
        }
    }
}
