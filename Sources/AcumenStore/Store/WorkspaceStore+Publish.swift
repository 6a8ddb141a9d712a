import AcumenCore
/// Saving every changed file as one commit, for imports and new workspaces.
extension WorkspaceStore {
    /// Writes the changed main files all-or-nothing (``WorkspacePublish``) and empties the
    /// journal. Unlike ``save(overwriting:)``, which replaces file by file and relies on the
    /// journal to complete a file a crash left old, this never leaves some files new and others
    /// old: an import has no journal record to replay.
    /// - Throws: ``WorkspaceError/changedOnDisk(_:)`` before writing anything when another
    ///   program changed a file; an I/O error before the commit leaves every file as it was and
    ///   the workspace in memory, so it can be retried.
    public func publish() throws(WorkspaceError) {
        try checkOwnership()  // the lock and the journal are still this session's
        let conflicts = try filesChangedOnDisk()
        if !conflicts.isEmpty { throw .changedOnDisk(conflicts) }
        let files = encodedFiles().filter { f in
            guard let fp = fingerprints[f.file], fp.status != nil else { return true }
            return fp.hash != Checksum.fingerprint(f.bytes)
        }
        let seqs = files.map { seqToSave($0.file) }
        do { try WorkspacePublish.publish(files.map { ($0.file, $0.bytes) }, in: folder, fs: fs) } catch { throw .io(error) }
        for (f, seq) in zip(files, seqs) {
            fingerprints[f.file] = Fingerprint(status: try? fs.status(path(f.file)), hash: Checksum.fingerprint(f.bytes))
            savedSeq[f.file] = seq
        }
        if files.contains(where: { $0.file == WorkspaceFiles.transactions }) { storeTransactionCache(workspace) }
        do { journalPosition = try journal.reset(); journalOwnTail = 0 } catch {
            journalPosition = nil  // unknown: the next append cuts nothing and appends safely
            throw .io(error)
        }
        pendingEdits = [:]
        transactionsDirty = false
    }
}
