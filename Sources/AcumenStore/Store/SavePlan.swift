import AcumenCore
import AcumenAnalytics
import Foundation

/// A save taken apart so that its slow part — encoding and writing the files — can run off
/// the input path, from an immutable snapshot, while edits go on.
///
/// ``WorkspaceStore/prepareSave(overwriting:)`` checks ownership and conflicts and takes the
/// snapshot (a copy-on-write `Workspace` value: O(1)); ``write()`` — on any thread — encodes
/// the files from it, releases it, and replaces each changed file crash-safely
/// (``AtomicFile``); ``WorkspaceStore/finishSave(_:)`` — on the store's thread — adopts what
/// was written. Edits recorded meanwhile are journaled (fsynced) with sequence numbers above
/// ``seq``; the files written say they include the journal up to ``seq`` (`journalSeq`), so
/// after a crash at any point the journal replays exactly the edits the files lack.
public struct SavePlan: Sendable {
    /// Holds the snapshot until ``SavePlan/write()`` has encoded it, then lets it go, so an
    /// edit made while the files are written does not copy the workspace's arrays.
    final class Snapshot: @unchecked Sendable {
        private let lock = NSLock()
        private var workspace: Workspace?
        init(_ w: Workspace) { workspace = w }
        func take() -> Workspace? {
            lock.lock(); defer { lock.unlock() }
            let w = workspace
            workspace = nil
            return w
        }
    }

    /// What ``SavePlan/write()`` did: the files it replaced, and the failure that stopped it.
    public struct Result: Sendable {
        struct Written: Sendable {
            var file: String
            var hash: UInt64
            var status: FileStatus?
            var seq: Int
        }
        var written: [Written] = []
        /// The first write that failed (later files were not written); nil when all went well.
        public internal(set) var failure: IOFailure?
        /// A file whose replace failed after its rename (the new version is in place).
        var writtenDespiteFailure: Written?
        /// The line index of the `customers.jsonl` written (or still valid), for the save review.
        var customerLines: CustomerLineIndex?
        let seq: Int
        let replacements: Int
    }

    let snapshot: Snapshot
    let folder: String
    let fs: any FileSystem
    let followSymlinks: Bool
    let maxFileSize: Int64
    let settings: Settings
    let customersHeader: [String: JSONValue]
    let writesTransactions: Bool
    /// Per file, the journal sequence number it includes once written.
    let seqs: [String: Int]
    /// Per file, the content hash as last loaded or saved: an equal encoding is not written.
    let known: [String: UInt64]
    /// The last journal sequence number when the snapshot was taken.
    public let seq: Int
    let replacements: Int

    /// Encodes the files from the snapshot and replaces those that changed. Safe on any
    /// thread: it reads only the snapshot and writes only the workspace's main files.
    /// Runs once: a second call finds the snapshot gone and writes nothing.
    public func write() -> Result {
        var result = Result(seq: seq, replacements: replacements)
        guard let (files, customers) = encode() else {
            result.failure = IOFailure(operation: "save", path: folder, code: EALREADY, reason: "this save was already written")
            return result
        }
        let writer = AtomicFile(fs: fs)
        for (file, bytes) in files {
            let hash = Checksum.fingerprint(bytes)
            let path = folder + "/" + file
            if known[file] == hash {
                if file == WorkspaceFiles.customers { result.customerLines = CustomerLineIndex(written: bytes, status: nil, hash: hash) }
                continue
            }
            let seq = seqs[file, default: 0]
            do {
                try writer.replace(path, with: bytes, allowSymlink: followSymlinks)
            } catch {
                // A failure after the rename (fsync of the folder) leaves the new file in place:
                // remember it as ours so the retry does not see a conflict.
                if let now = try? fs.read(path, limit: maxFileSize), Checksum.fingerprint(now) == hash {
                    result.writtenDespiteFailure = Result.Written(file: file, hash: hash, status: try? fs.status(path), seq: seq)
                }
                result.failure = error
                return result
            }
            let status = try? fs.status(path)
            result.written.append(Result.Written(file: file, hash: hash, status: status, seq: seq))
            if file == WorkspaceFiles.customers {
                result.customerLines = CustomerLineIndex(written: bytes, status: status, hash: hash)
                // The customers' cache of the file just written, so the next open is warm. It is
                // keyed to this file's status and content hash: if the process dies before it is
                // in place, the old cache no longer matches and is ignored.
                if let status, status.isRegular {
                    CustomerCache.store(folder: folder, key: CustomerCache.Key(status, contentHash: hash), customers: customers,
                                        headerExtra: customersHeader, fs: fs)
                }
            }
        }
        return result
    }

    /// The bytes of each file and the customers they hold, from the snapshot, which is released
    /// on return.
    func encode() -> (files: [(file: String, bytes: [UInt8])], customers: [Customer])? {
        guard let w = snapshot.take() else { return nil }
        var files: [(file: String, bytes: [UInt8])] = [
            (WorkspaceFiles.settings, WorkspaceCodec.encodeSettings(settings)),
            (WorkspaceFiles.customers, WorkspaceCodec.encodeCustomers(w.customers, headerExtra: customersHeader)),
        ]
        if writesTransactions { files.append((WorkspaceFiles.transactions, WorkspaceCodec.encodeTransactions(w))) }
        return (files, w.customers)
    }
}
