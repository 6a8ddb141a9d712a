import AcumenCore

/// Refreshing the caches from a read-only open (the CLI's read-only commands).
extension WorkspaceStore {
    /// Writes the caches of the files that were parsed (no valid cache), if no other Acumen
    /// holds the lock; releases the lock at once. Called only after an open without errors, so
    /// a damaged workspace never gets a cache. Each cache is written crash-safely (temporary
    /// file, fsync, rename) and keyed to its file's size, modification and status-change
    /// times, inode and fingerprint (the transactions' also to the customer ids), so a stale,
    /// truncated or foreign cache is ignored on the next open and rebuilt. Nothing else in
    /// the folder changes.
    /// - Parameter customers: the customers and header as read from `customers.jsonl` when
    ///   they were parsed, to cache them as well.
    /// - Returns: true when a cache was written.
    @discardableResult
    func refreshCacheUnderLock(customers: (customers: CustomerList, headerExtra: [String: JSONValue], index: CustomerIndex)? = nil) -> Bool {
        guard case .acquired(let lock) = WorkspaceLock.take(folder: folder) else { return false }
        defer { lock.release() }
        AtomicFile(fs: fs).removeStaleTemporaries(in: folder + "/" + TransactionCache.folderName)
        // A file may have changed between reading and locking: the key must still describe it.
        let customers = unchanged(WorkspaceFiles.customers) ? customers : nil
        let transactions = transactionsParsed && unchanged(WorkspaceFiles.transactions) ? workspace : nil
        storeCaches(transactions: transactions, customers: customers)
        cacheIsStale = false
        return customers != nil || transactions != nil
    }

    /// Writes the transactions' cache of `transactions` and the customers' of `customers`
    /// (either may be nil) side by side: the first is mostly the kernel's copy and `fsync`, the
    /// second mostly encoding (0.9 s and 0.5 s at 1M/10M, one after the other before).
    func storeCaches(transactions: Workspace?, customers: (customers: CustomerList, headerExtra: [String: JSONValue], index: CustomerIndex)?) {
        _ = Parallel.pair({
            if let transactions { self.storeTransactionCache(transactions) }
        }, {
            if let customers { self.storeCustomerCache(customers.customers, headerExtra: customers.headerExtra, index: customers.index) }
        })
    }

    /// True when the file's status is still the one recorded when it was read.
    private func unchanged(_ file: String) -> Bool {
        guard let loaded = fingerprints[file]?.status, let now = try? fs.status(path(file)) else { return false }
        return now == loaded
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
