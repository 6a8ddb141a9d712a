import AcumenCore
import AcumenAnalytics

/// What saving would change, per file: the journaled edits and the records and lines that
/// would differ from the file on disk ("review before save").
///
/// The counts are what `diff old new` reports after the save, computed from the edit list
/// without reading the journal or rewriting the files: the store keeps the unsaved edits in
/// memory, and for `customers.jsonl` a ``CustomerLineIndex`` of the file as last loaded or
/// saved — one line per customer, in workspace order, so the lines that change are the header
/// (when it changes), the lines of the customers the unsaved edits touch, and the lines on disk
/// that are not in canonical form; no other line changes. `settings.json` is small and is
/// encoded and diffed whole. The whole-file diff is the fallback when the index's premise does
/// not hold (the file changed on disk, an import replaced the workspace, a hand-written file
/// without one line per customer).
///
/// - Complexity: O(edits) plus, once per version of `customers.jsonl` not written by this
///   store, O(file) to build its index (``WorkspaceStore/prepareSaveReview()``, run in the
///   background by the workbench); 100k customers with a bulk edit of 30k: a few milliseconds.
public struct PendingChanges: Hashable, Sendable {
    /// The pending changes to one file.
    public struct File: Hashable, Sendable {
        public var name: String
        /// Edits journaled since the last save that touch this file.
        public var edits: Int
        /// One label per journaled edit, oldest first (see ``Edit/label``).
        public var labels: [String]
        /// Records whose line(s) the save changes: customers in `customers.jsonl`,
        /// transactions in `transactions.jsonl`, and 1 for `settings.json` when it changes.
        public var changedRecords: Int
        /// Lines the save would remove from and add to the file on disk (as `diff` counts them).
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
    /// Takes the edit labels and the customers they touch from the store's unsaved edits (in
    /// memory), then counts the changed lines of each touched file.
    public init(_ store: WorkspaceStore) throws(WorkspaceError) {
        let unsaved = store.unsavedEdits
        // One pass over the edits (a bulk edit may hold 100,000): files and customers touched.
        var touchedFiles: [Set<String>] = []
        var touched = [Bool](repeating: false, count: store.workspace.customers.count)
        let index = store.workspace.index
        for edit in unsaved {
            var files = Set<String>()
            Self.collect(edit, files: &files) { id in if let k = index[id] { touched[k] = true } }
            touchedFiles.append(files)
        }
        let conflicts = Set(try store.filesChangedOnDisk())
        var list: [File] = []
        for name in [WorkspaceFiles.settings, WorkspaceFiles.customers, WorkspaceFiles.transactions] {
            let labels = unsaved.indices.filter { touchedFiles[$0].contains(name) }.map { unsaved[$0].label }
            let isTouched = !labels.isEmpty || store.pendingEdits[name] != nil
                || (name == WorkspaceFiles.transactions && store.transactionsDirty)
            guard isTouched else { continue }
            let counts: Counts
            if name == WorkspaceFiles.customers, !conflicts.contains(name), !store.transactionsDirty,
               let fast = try Self.customerCounts(store, touched: touched) {
                counts = fast
            } else {
                guard let c = try Self.wholeFileCounts(store, name) else { continue }
                counts = c
            }
            guard counts.lines > 0 || !labels.isEmpty else { continue }
            list.append(File(name: name, edits: max(labels.count, store.pendingEdits[name] ?? 0), labels: labels,
                             changedRecords: counts.records, removedLines: counts.lines, addedLines: counts.added,
                             changedOnDisk: conflicts.contains(name)))
        }
        files = list
    }

    /// Adds the files an edit touches and passes each customer it touches to `customer`
    /// (a batch's, recursively) without building a set per edit.
    static func collect(_ edit: Edit, files: inout Set<String>, customer: (String) -> Void) {
        guard case .batch(let edits) = edit else {
            files.insert(edit.file)
            if let id = edit.customerID { customer(id) }
            return
        }
        var last = ""
        for e in edits {
            if case .batch = e { collect(e, files: &files, customer: customer); continue }
            let file = e.file
            if file != last { files.insert(file); last = file }
            if let id = e.customerID { customer(id) }
        }
    }

    /// Changed records and removed/added lines of one file.
    struct Counts {
        var records: Int
        /// Lines removed.
        var lines: Int
        var added: Int
    }

    /// The counts from encoding the whole file and diffing it with the file on disk.
    static func wholeFileCounts(_ store: WorkspaceStore, _ name: String) throws(WorkspaceError) -> Counts? {
        guard let new = store.encodedFile(name) else { return nil }
        let old = try store.bytesOnDisk(name) ?? []
        if name == WorkspaceFiles.settings {
            let diff = LineDiff(old: old, new: new).counts
            return Counts(records: diff.removed + diff.added > 0 ? 1 : 0, lines: diff.removed, added: diff.added)
        }
        let diff = unmatchedLines(old: old, new: new)
        return Counts(records: diff.addedRecords, lines: diff.removed, added: diff.added)
    }

    /// Lines of `old` with no equal line left in `new` and the reverse (multiset difference):
    /// what `diff` reports when the common lines keep their order, as records of a JSON Lines
    /// file that Acumen rewrites do (each line holds a unique id). Unlike ``LineDiff`` it has no
    /// distance cap, so a bulk edit of 30,000 lines is counted exactly.
    /// `addedRecords` leaves out the header (the first line).
    static func unmatchedLines(old: [UInt8], new: [UInt8]) -> (removed: Int, added: Int, addedRecords: Int) {
        let oldStarts = lineStarts(old), newStarts = lineStarts(new)
        var counts: [ArraySlice<UInt8>: Int] = [:]
        counts.reserveCapacity(oldStarts.count)
        for k in 0..<max(0, oldStarts.count - 1) { counts[old[oldStarts[k]..<oldStarts[k + 1]], default: 0] += 1 }
        var added = 0, addedRecords = 0
        for k in 0..<max(0, newStarts.count - 1) {
            let l = new[newStarts[k]..<newStarts[k + 1]]
            if let n = counts[l], n > 0 { counts[l] = n - 1 } else { added += 1; addedRecords += k > 0 ? 1 : 0 }
        }
        return (counts.values.reduce(0, +), added, addedRecords)
    }

    /// The counts of `customers.jsonl` from its line index and the touched customers; nil
    /// when the file on disk does not hold exactly one line per customer after the header.
    static func customerCounts(_ store: WorkspaceStore, touched: [Bool]) throws(WorkspaceError) -> Counts? {
        guard let index = try store.customerLineIndex() else { return nil }
        var records = touched.reduce(0) { $0 + ($1 ? 1 : 0) }
        for k in index.differing where !touched[k] { records += 1 }
        let header = WorkspaceCodec.customersHeaderLine(store.customersHeaderToSave()) != index.headerLine ? 1 : 0
        return Counts(records: records, lines: records + header, added: records + header)
    }

    /// Offsets where each line starts, plus the end offset (see ``CustomerLineIndex/lineStarts(_:)``).
    static func lineStarts(_ bytes: [UInt8]) -> [Int] { CustomerLineIndex.lineStarts(bytes) }

    /// Summary lines for a prompt, e.g. `customers.jsonl  5 edits  3 records  −4 +4 lines`.
    public var summaryLines: [String] {
        files.map { f in
            "\(f.name)  \(f.edits) edit\(f.edits == 1 ? "" : "s")  \(f.changedRecords) record\(f.changedRecords == 1 ? "" : "s")"
                + "  −\(f.removedLines) +\(f.addedLines) lines" + (f.changedOnDisk ? "  (changed on disk!)" : "")
        }
    }
}
