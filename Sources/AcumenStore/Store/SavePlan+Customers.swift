import AcumenCore
import AcumenAnalytics
#if canImport(Glibc)
import Glibc
#endif

/// Writing `customers.jsonl` from the snapshot's chunks: encoded on all cores a batch of
/// chunks at a time, appended in order to the temporary file, fingerprinted by reading it
/// back, then committed (fsync, rename, fsync of the folder) unless it equals the file as
/// loaded or last saved. Memory: one batch of encoded lines (~16 MB), not the whole file.
extension SavePlan {
    /// Chunks encoded side by side before their lines are appended.
    static var chunksPerBatch: Int { 8 * Parallel.cores }

    /// Writes `customers.jsonl` and, once it is in place, its customers' cache.
    /// - Returns: false when the write failed (``Result/failure`` says why).
    func writeCustomers(_ customers: CustomerList, into result: inout Result) -> Bool {
        let file = WorkspaceFiles.customers
        let path = folder + "/" + file
        let header = WorkspaceCodec.customersHeaderLine(customersHeader)
        let staged: AtomicFile.Staged
        do { staged = try AtomicFile(fs: fs).begin(path, allowSymlink: followSymlinks) } catch {
            result.failure = error
            return false
        }
        let hash: UInt64
        do {
            var total = header.count
            try staged.append(header)
            var next = 0
            while next < customers.chunkCount {
                let batch = min(Self.chunksPerBatch, customers.chunkCount - next)
                let from = next
                let parts = Parallel.map(batch) { WorkspaceCodec.encodeCustomerLines(customers.chunk(from + $0)) }
                for part in parts {
                    try staged.append(part)
                    total += part.count
                }
                next += batch
            }
            hash = try staged.fingerprint(total: total)
        } catch {
            staged.abandon()
            result.failure = error
            return false
        }
        if known[file] == hash {
            staged.abandon()
            result.customerLines = CustomerLineIndex(header: header, customers: customers.count, status: nil, hash: hash)
            return true
        }
        do { try staged.commit() } catch {
            failed(file, hash: hash, error, into: &result)
            return false
        }
        let status = try? fs.status(path)
        result.written.append(Result.Written(file: file, hash: hash, status: status, seq: seqs[file, default: 0]))
        result.customerLines = CustomerLineIndex(header: header, customers: customers.count, status: status, hash: hash)
        // The customers' cache of the file just written, so the next open is warm. It is keyed
        // to this file's status and content hash: if the process dies before it is in place,
        // the old cache no longer matches and is ignored.
        if let status, status.isRegular {
            CustomerCache.store(folder: folder, key: CustomerCache.Key(status, contentHash: hash), customers: customers,
                                headerExtra: customersHeader, fs: fs)
        }
        return true
    }
}
