import AcumenCore
import AcumenAnalytics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The journal side of a store: replay on open, appends, and the ownership checks before each write.
extension WorkspaceStore {
    /// Applies the journal's records that the main files do not contain yet; cuts a torn tail.
    func replayJournal(into w: inout Workspace, problems: inout [WorkspaceProblem]) throws(WorkspaceError) {
        let contents: Journal.Contents
        let position: Journal.Position?
        let linked: Bool
        do {
            linked = try fs.status(journal.path)?.isSymlink == true
            position = try journal.position()
            contents = try journal.load(limit: options.maxFileSize)
        } catch { throw .io(error) }
        if linked, !isReadOnly {
            problems.append(WorkspaceProblem(file: WorkspaceFiles.journal, line: 0,
                message: "is a symbolic link; Acumen never writes through links: replace it with the file it points to (or open read-only)"))
            throw .invalid(problems)
        }
        problems += contents.problems
        if contents.problems.contains(where: { $0.severity == .error }) { throw .invalid(problems) }
        // Sequence numbers were checked to lie within 0…Journal.maxSeq (2^53): `+ 1` cannot overflow.
        nextSeq = (savedSeq.values.max() ?? 0) + 1
        var skipped = 0
        for r in contents.records {
            nextSeq = max(nextSeq, r.seq + 1)
            guard let edit = Self.unsaved(r.edit, seq: r.seq, savedSeq: savedSeq) else { skipped += 1; continue }
            do { try w.apply(edit, author: r.author, at: r.at) } catch {
                problems.append(WorkspaceProblem(file: WorkspaceFiles.journal, line: r.line, field: "edit",
                                                 message: "edit #\(r.seq) cannot be replayed: \(error)"))
                throw .invalid(problems)
            }
            for file in Self.files(of: edit) { pendingEdits[file, default: 0] += 1 }
            unsavedRecords.append(r)
        }
        if unsavedRecords.contains(where: { MoneyBounds.setsCostToServe($0.edit) }) {  // costs set by edits (the files' own were checked on load)
            let beyond = MoneyBounds.check(TransactionTable(), customers: w.customers)
            if !beyond.isEmpty { throw .invalid(problems + beyond) }
        }
        journalPosition = position.map { Journal.Position(length: contents.length, inode: $0.inode) }
        guard !isReadOnly else { return }
        do {
            if !contents.records.isEmpty && skipped == contents.records.count {
                journalPosition = try journal.reset()  // a crash hit after the files were saved
            } else if contents.validLength < contents.length {
                try journal.cut(to: contents.validLength)
                journalPosition?.length = contents.validLength
            }
        } catch { throw .io(error) }
    }

    /// The part of a journaled edit that the main files do not contain yet (nil: all saved).
    static func unsaved(_ edit: Edit, seq: Int, savedSeq: [String: Int]) -> Edit? {
        if case .batch(let edits) = edit {
            let rest = edits.compactMap { unsaved($0, seq: seq, savedSeq: savedSeq) }
            return rest.isEmpty ? nil : .batch(rest)
        }
        return seq > savedSeq[edit.file, default: 0] ? edit : nil
    }

    /// The main files an edit changes.
    static func files(of edit: Edit) -> Set<String> {
        if case .batch(let edits) = edit { return edits.reduce(into: []) { $0.formUnion(files(of: $1)) } }
        return [edit.file]
    }

    /// Appends one record; on failure nothing changes (the journal is cut back, `nextSeq` kept).
    ///
    /// Refuses, and makes the session read-only, when the lock or the journal changed behind
    /// this process's back: then another writer may be at work, and appending could bury or
    /// cut its acknowledged edits.
    func appendToJournal(_ edit: Edit, author: String, at: Timestamp) throws(WorkspaceError) {
        guard nextSeq <= Journal.maxSeq else {
            throw .invalid([WorkspaceProblem(file: WorkspaceFiles.journal, line: 0, field: "seq",
                message: "the journal's sequence numbers are used up (the next would be \(nextSeq), above 2^53); the edit was not recorded")])
        }
        try checkOwnership()
        let record = Journal.Record(seq: nextSeq, at: at, author: author, edit: edit)
        do {
            journalPosition = try journal.append([record], expected: journalPosition, ownTail: journalOwnTail)
            journalOwnTail = 0
        } catch {
            if error.code == Journal.changedBehindOurBack {
                throw loseOwnership("\(WorkspaceFiles.journal) changed behind this Acumen's back (another program or another Acumen wrote to it)")
            }
            // A failed append rolls itself back; if even that failed, remember the bytes as ours.
            if let p = journalPosition, let now = try? journal.position(), now.inode == p.inode, now.length > p.length {
                journalOwnTail = now.length - p.length
            }
            throw .io(error)
        }
        nextSeq += 1
        for file in Self.files(of: edit) { pendingEdits[file, default: 0] += 1 }
        unsavedRecords.append(record)
    }

    /// Checks that this session still owns the workspace: the lock file is the one it locked
    /// and the journal ends where this session left it. Otherwise the session becomes read-only.
    /// - Throws: ``WorkspaceError/readOnly(_:)`` saying why.
    func checkOwnership() throws(WorkspaceError) {
        if let readOnlyReason { throw .readOnly(readOnlyReason) }
        if let why = lock?.lostReason() { throw loseOwnership(why) }
        if let expected = journalPosition {
            let now: Journal.Position?
            do { now = try journal.position() } catch { throw .io(error) }
            if now?.inode != expected.inode || (now?.length ?? 0) < expected.length
                || (now?.length ?? 0) > expected.length + journalOwnTail {
                throw loseOwnership("\(WorkspaceFiles.journal) changed behind this Acumen's back (another program or another Acumen wrote to it)")
            }
        }
    }

    /// Makes the session read-only after it lost the workspace to another writer.
    /// - Returns: the error to throw.
    func loseOwnership(_ why: String) -> WorkspaceError {
        let reason = why + "; this session is now read-only so it cannot overwrite another writer's edits"
            + " (every edit it acknowledged is in the journal); close and reopen the workspace"
        readOnlyReason = reason
        lock?.release()
        lock = nil
        return .readOnly(reason)
    }
}
