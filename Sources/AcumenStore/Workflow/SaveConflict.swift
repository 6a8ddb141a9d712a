import AcumenCore
import AcumenAnalytics
/// Files that changed on disk since Acumen loaded them, found when saving, and the three ways
/// out: keep mine (overwrite them), take theirs (reload them, keeping unsaved edits to the
/// other files), or look at the difference first. Never a silent overwrite.
public struct SaveConflict: Hashable, Sendable {
    /// The workspace files changed on disk (e.g. `settings.json`).
    public var files: [String]

    public init(files: [String]) { self.files = files }

    /// "Keep mine": saves, overwriting the conflicting files.
    public func keepMine(_ session: EditSession) throws(WorkspaceError) -> SaveOutcome {
        try session.save(overwriting: Set(files))
    }

    /// "Take theirs": see ``EditSession/takeTheirs(_:)``.
    @discardableResult
    public func takeTheirs(_ session: EditSession) throws(WorkspaceError) -> [Journal.Record] {
        try session.takeTheirs(self)
    }

    /// True when "take theirs" drops this unsaved edit: it changes a file taken from disk.
    public func drops(_ edit: Edit) -> Bool { !WorkspaceStore.files(of: edit).isDisjoint(with: files) }

    /// The unsaved edits "take theirs" would drop, oldest first, from the store's unsaved edits
    /// in memory without changing anything — for the prompt to list (``Edit/label``) before the
    /// user confirms. (An edit to another file that no longer applies to the reloaded files is
    /// dropped too; that is known only when it is replayed.)
    public func editsTakingTheirsDrops(_ store: WorkspaceStore) -> [Journal.Record] {
        store.unsavedRecords.filter { r in WorkspaceStore.unsaved(r.edit, seq: r.seq, savedSeq: store.savedSeq).map(drops) ?? false }
    }

    /// "Show diff": per conflicting file, the file on disk (old) against what saving would
    /// write (new).
    public func diffs(_ store: WorkspaceStore) throws(WorkspaceError) -> [(file: String, diff: LineDiff)] {
        var out: [(String, LineDiff)] = []
        for f in files {
            let disk = try store.bytesOnDisk(f) ?? []
            out.append((f, LineDiff(old: disk, new: store.bytesToWrite(f) ?? [])))
        }
        return out
    }
}

extension WorkspaceStore {
    /// The bytes saving would write to a workspace file now (nil for files it does not write).
    public func bytesToWrite(_ file: String) -> [UInt8]? {
        switch file {
        case WorkspaceFiles.settings: WorkspaceCodec.encodeSettings(workspace.settings)
        case WorkspaceFiles.customers: WorkspaceCodec.encodeCustomers(workspace.customers, headerExtra: workspace.customersHeaderExtra)
        case WorkspaceFiles.transactions: WorkspaceCodec.encodeTransactions(workspace)
        default: nil
        }
    }

    /// The bytes of a workspace file on disk now, nil when it does not exist.
    public func bytesOnDisk(_ file: String) throws(WorkspaceError) -> [UInt8]? {
        do {
            guard try fs.status(path(file)) != nil else { return nil }
            return try fs.read(path(file), limit: options.maxFileSize)
        } catch { throw .io(error) }
    }
}
