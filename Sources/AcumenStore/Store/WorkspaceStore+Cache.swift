import AcumenCore

/// Refreshing the transaction cache from a read-only open (the CLI's read-only commands).
extension WorkspaceStore {
    /// Writes the transaction cache for the file as loaded, if no other Acumen holds the lock;
    /// releases the lock at once. Called only after an open without errors that parsed the
    /// transactions cleanly, so a damaged workspace never gets a cache. The cache is written
    /// crash-safely (temporary file, fsync, rename) and keyed to the file's size, modification
    /// time, inode and fingerprint and to the customer ids, so a stale, truncated or foreign
    /// cache is ignored on the next open and rebuilt. Nothing else in the folder changes.
    /// - Returns: true when the cache was written.
    @discardableResult
    func refreshCacheUnderLock() -> Bool {
        guard case .acquired(let lock) = WorkspaceLock.take(folder: folder) else { return false }
        defer { lock.release() }
        // The file may have changed between reading and locking: the key must still describe it.
        guard let fp = fingerprints[WorkspaceFiles.transactions], let loaded = fp.status,
              let now = try? fs.status(path(WorkspaceFiles.transactions)), now == loaded else { return false }
        AtomicFile(fs: fs).removeStaleTemporaries(in: folder + "/" + TransactionCache.folderName)
        storeTransactionCache(workspace)
        cacheIsStale = false
        return true
    }
}

extension WorkspaceStore.Options {
    /// Read-only, refreshing a stale transaction cache when the lock is free: for commands that
    /// only read a workspace (`report`, `export`, `check`, `fit`).
    public static var readOnlyRefreshingCache: Self {
        var o = Self(readOnly: true)
        o.refreshesCache = true
        return o
    }
}
