import AcumenCore
import AcumenAnalytics
/// An editing session over an open workspace: every edit goes through
/// ``WorkspaceStore/record(_:author:at:)`` (journaled and fsynced before it counts), with a
/// session-wide undo and redo.
///
/// Undo records the inverse edit and redo records the edit again, so both are journaled,
/// appear in the customer's history, and survive a crash like any other edit. A failed edit
/// (read-only workspace, full disk, invalid edit) changes nothing: neither the workspace nor
/// the stacks.
public final class EditSession {
    /// One undoable step: the edit that was made, what undoes it, and a label for the UI.
    public struct Step: Hashable, Sendable {
        /// The edit as made (what redo records again).
        public var edit: Edit
        /// The edit that undoes it.
        public var inverse: Edit
        /// A human description, e.g. `owner of C0042: Zoë`.
        public var label: String
    }

    public let store: WorkspaceStore
    /// Who edits: written into the journal, notes, reviews and history.
    public var author: String
    /// Steps that can be undone, oldest first.
    public private(set) var undoStack: [Step] = []
    /// Steps that can be redone, the next to redo last.
    public private(set) var redoStack: [Step] = []
    /// Increases whenever the workspace changes through this session, so views know to recompute.
    public private(set) var revision = 0

    /// Starts a session on an open store.
    public init(store: WorkspaceStore, author: String) {
        self.store = store; self.author = author
    }

    /// The workspace as it stands (every recorded edit applied).
    public var workspace: Workspace { store.workspace }

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// Records an edit and makes it undoable. A new edit empties the redo stack.
    /// - Returns: the step recorded.
    /// - Throws: the store's error; then nothing changed.
    @discardableResult
    public func perform(_ edit: Edit, label: String? = nil, at: Timestamp) throws(WorkspaceError) -> Step {
        let inverse = try store.record(edit, author: author, at: at)
        let step = Step(edit: edit, inverse: inverse, label: label ?? edit.label)
        undoStack.append(step)
        redoStack.removeAll()
        revision += 1
        return step
    }

    /// Records several edits as one undoable step (a bulk action); one edit is recorded as itself.
    @discardableResult
    public func perform(all edits: [Edit], label: String, at: Timestamp) throws(WorkspaceError) -> Step? {
        guard let first = edits.first else { return nil }
        return try perform(edits.count == 1 ? first : .batch(edits), label: label, at: at)
    }

    /// Undoes the last step by recording its inverse.
    /// - Returns: the step undone, or nil when there is nothing to undo.
    @discardableResult
    public func undo(at: Timestamp) throws(WorkspaceError) -> Step? {
        guard let step = undoStack.last else { return nil }
        let redo = try store.record(step.inverse, author: author, at: at)
        undoStack.removeLast()
        redoStack.append(Step(edit: redo, inverse: step.inverse, label: step.label))
        revision += 1
        return step
    }

    /// Redoes the last undone step by recording it again.
    /// - Returns: the step redone, or nil when there is nothing to redo.
    @discardableResult
    public func redo(at: Timestamp) throws(WorkspaceError) -> Step? {
        guard let step = redoStack.last else { return nil }
        let inverse = try store.record(step.edit, author: author, at: at)
        redoStack.removeLast()
        let redone = Step(edit: step.edit, inverse: inverse, label: step.label)
        undoStack.append(redone)
        revision += 1
        return redone
    }

    /// Saves, or describes the conflict when files changed on disk since they were loaded.
    /// - Parameter overwriting: files to overwrite although they changed ("keep mine").
    /// - Throws: other store errors (read-only, I/O); the journal keeps the edits.
    public func save(overwriting: Set<String> = []) throws(WorkspaceError) -> SaveOutcome {
        do {
            try store.save(overwriting: overwriting)
            return .saved
        } catch {
            if case .changedOnDisk(let files) = error { return .conflict(SaveConflict(files: files)) }
            throw error
        }
    }

    /// Resolves a save conflict by taking the other program's files ("take theirs"): the
    /// conflicting files are reloaded from disk and only the unsaved edits to the *other* files
    /// are recorded again. Undo history is cleared (it refers to the replaced state).
    /// - Returns: the edits dropped because they changed a file taken from disk.
    @discardableResult
    public func takeTheirs(_ conflict: SaveConflict) throws(WorkspaceError) -> [Journal.Record] {
        let records = store.unsavedRecords
        let savedSeq = store.savedSeq
        try store.reload()
        var dropped: [Journal.Record] = []
        for r in records {
            guard let edit = WorkspaceStore.unsaved(r.edit, seq: r.seq, savedSeq: savedSeq) else { continue }
            if conflict.drops(edit) { dropped.append(r); continue }
            do { try store.record(edit, author: r.author, at: r.at) } catch {
                if case .edit = error { dropped.append(r); continue }
                throw error
            }
        }
        undoStack.removeAll()
        redoStack.removeAll()
        revision += 1
        return dropped
    }
}

/// What ``EditSession/save(overwriting:)`` did.
public enum SaveOutcome: Hashable, Sendable {
    case saved
    /// Nothing was written: files changed on disk; the user chooses how to resolve.
    case conflict(SaveConflict)
}
