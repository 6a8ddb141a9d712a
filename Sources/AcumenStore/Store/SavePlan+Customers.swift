import AcumenCore
import AcumenAnalytics
#if canImport(Glibc)
import Glibc
#endif

/// Writing `customers.jsonl` from the snapshot's chunks: encoded on all cores a batch of
/// chunks at a time (``CustomerLineWriter/lines(_:)``), appended in order to the temporary
/// file while the next batch is encoded; then, side by side, the file is fingerprinted (read
/// back from the page cache) and fsynced while the customers' cache is encoded on the other
/// core (its ``CustomerCache/Sections``); then the file is committed (rename, fsync of the
/// folder) unless it equals the file as loaded or last saved, and the cache, keyed to the new
/// file's status and fingerprint, is streamed into place (``CustomerCache/store(_:key:headerExtra:folder:fs:)``).
/// Memory: one batch of encoded lines (~16 MB) and the cache's columns by chunk (~70 MB at a
/// million customers), never either file whole.
extension SavePlan {
    /// Chunks encoded side by side before their lines are appended (~32,768 customers a core).
    static var chunksPerBatch: Int { (32_768 / CustomerList.chunkSize) * Parallel.cores }

    /// Writes `customers.jsonl` and, once it is in place, its customers' cache.
    /// - Parameter index: the workspace's id index of `customers` (the cache stores its table).
    /// - Returns: false when the write failed (``Result/failure`` says why).
    func writeCustomers(_ customers: CustomerList, index: CustomerIndex? = nil, into result: inout Result) -> Bool {
        let file = WorkspaceFiles.customers
        let path = folder + "/" + file
        let header = WorkspaceCodec.customersHeaderLine(customersHeader)
        let staged: AtomicFile.Staged
        do { staged = try AtomicFile(fs: fs).begin(path, allowSymlink: followSymlinks) } catch {
            result.failure = error
            return false
        }
        var total = header.count
        // Each batch is appended while the next one is encoded.
        var pending: [[UInt8]] = [header]
        var next = 0
        while !pending.isEmpty {
            let from = next, batch = min(Self.chunksPerBatch, customers.chunkCount - next)
            let appending = pending
            let (failure, parts) = Parallel.pair({ () -> IOFailure? in
                do throws(IOFailure) { for part in appending { try staged.append(part) } } catch { return error }
                return nil
            }, { Parallel.map(batch) { CustomerLineWriter.lines(customers.chunk(from + $0)) } })
            if let failure {
                staged.abandon()
                result.failure = failure
                return false
            }
            total += parts.reduce(0) { $0 + $1.count }
            pending = parts
            next += batch
        }
        // The fingerprint and the fsync on one core, the cache's columns on the other. The
        // cache is sealed (keyed) only after the rename: a crash before leaves the old cache,
        // which no longer matches the file and is ignored.
        let (synced, cache) = Parallel.pair({ () -> (hash: UInt64?, failure: IOFailure?) in
            let hash: UInt64
            do throws(IOFailure) { hash = try staged.fingerprint(total: total) } catch {
                staged.abandon()
                return (nil, error)
            }
            if known[file] == hash { return (hash, nil) }
            do throws(IOFailure) { try staged.sync() } catch { return (nil, error) }  // the failed sync removed the temporary file
            return (hash, nil)
        }, { CustomerCache.Sections(customers: customers, index: index) })
        guard let hash = synced.hash else {
            result.failure = synced.failure
            return false
        }
        if known[file] == hash {
            staged.abandon()
            result.customerLines = CustomerLineIndex(header: header, customers: customers.count, status: nil, hash: hash)
            return true
        }
        do { try staged.commit(synced: true) } catch {
            failed(file, hash: hash, error, into: &result)
            return false
        }
        let status = try? fs.status(path)
        result.written.append(Result.Written(file: file, hash: hash, status: status, seq: seqs[file, default: 0]))
        result.customerLines = CustomerLineIndex(header: header, customers: customers.count, status: status, hash: hash)
        // The customers' cache of the file just written, so the next open is warm. It is keyed
        // to this file's status and content hash: if the process dies before it is in place,
        // the old cache no longer matches and is ignored.
        if let status, status.isRegular, var sections = cache {
            CustomerCache.store(&sections, key: CustomerCache.Key(status, contentHash: hash), headerExtra: customersHeader, folder: folder, fs: fs)
        }
        return true
    }
}
