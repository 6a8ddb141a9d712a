import AcumenCore
#if canImport(Glibc)
import Glibc
#endif

extension CustomerCache {
    /// Writes the cache of a saved `customers.jsonl` into place without holding it whole in
    /// memory: its ``Sections`` (encoded beside the file's fsync) streamed with the file's key
    /// into a temporary file beside the cache, the trailer's fingerprint read back from the
    /// page cache part by part on all cores (as ``bodyHash(_:)`` computes it) and written at
    /// the end, then fsync, rename over the old cache, fsync of the folder. Failures only drop
    /// the new cache: it is an accelerator, and the old one no longer matches the new file.
    static func store(_ sections: inout Sections, key: Key, headerExtra: [String: JSONValue], folder: String, fs: any FileSystem) {
        let dir = folder + "/" + TransactionCache.folderName
        if mkdir(dir, 0o777) != 0 && errno != EEXIST { return }
        guard let staged = try? AtomicFile(fs: fs).begin(path(folder)) else { return }
        let size: Int
        do {
            size = try sections.write(key: key, headerExtra: headerExtra) { raw throws(IOFailure) in try staged.append(raw) }
        } catch {
            staged.abandon()
            return
        }
        let body = size - 16
        let hashes = Parallel.map(hashParts) { k -> UInt64? in
            let from = 8 + body * k / hashParts, to = 8 + body * (k + 1) / hashParts
            return try? staged.fingerprint(from: from, count: to - from)
        }.compactMap { $0 }
        let trailer = [hashes.withUnsafeBytes { Checksum.fingerprint($0) }.littleEndian]
        guard hashes.count == hashParts, trailer.withUnsafeBytes({ raw in (try? staged.write(raw, at: size - 8)) != nil }) else {
            staged.abandon()
            return
        }
        // A failed commit has cleaned up after itself (the temporary file removed, or the cache
        // in place when only the folder's fsync failed).
        guard (try? staged.commit()) != nil else { return }
        _ = unlink(dir + "/" + oldFileName)
        let ignore = dir + "/.gitignore"
        if (try? fs.status(ignore)) == nil { try? AtomicFile(fs: fs).replace(ignore, with: Array("*\n".utf8)) }
    }
}
