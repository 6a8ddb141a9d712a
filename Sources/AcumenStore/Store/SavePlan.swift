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
    /// thread: it reads only the snapshot and writes only the workspace's main files (and the
    /// customers' cache). Runs once: a second call finds the snapshot gone and writes nothing.
    /// `customers.jsonl` is encoded on all cores chunk by chunk and streamed to its temporary
    /// file, so it is never held in memory whole.
    public func write() -> Result {
        var result = Result(seq: seq, replacements: replacements)
        guard let w = snapshot.take() else {
            result.failure = IOFailure(operation: "save", path: folder, code: EALREADY, reason: "this save was already written")
            return result
        }
        guard replace(WorkspaceFiles.settings, with: WorkspaceCodec.encodeSettings(settings), into: &result),
              writeCustomers(w.customers, index: w.index, into: &result) else { return result }
        if writesTransactions { _ = replace(WorkspaceFiles.transactions, with: WorkspaceCodec.encodeTransactions(w), into: &result) }
        return result
    }

    /// Replaces `file` with `bytes` unless they are what was loaded or last saved.
    /// - Returns: false when the write failed (``Result/failure`` says why).
    func replace(_ file: String, with bytes: [UInt8], into result: inout Result) -> Bool {
        let hash = Checksum.fingerprint(bytes)
        if known[file] == hash { return true }
        do {
            try AtomicFile(fs: fs).replace(folder + "/" + file, with: bytes, allowSymlink: followSymlinks)
        } catch {
            failed(file, hash: hash, error, into: &result)
            return false
        }
        result.written.append(Result.Written(file: file, hash: hash, status: try? fs.status(folder + "/" + file), seq: seqs[file, default: 0]))
        return true
    }

    /// Records a failed replace. A failure after the rename (fsync of the folder) leaves the new
    /// file in place: it is remembered as ours so the retry does not see a conflict.
    func failed(_ file: String, hash: UInt64, _ error: IOFailure, into result: inout Result) {
        let path = folder + "/" + file
        if let now = try? fs.read(path, limit: maxFileSize), Checksum.fingerprint(now) == hash {
            result.writtenDespiteFailure = Result.Written(file: file, hash: hash, status: try? fs.status(path), seq: seqs[file, default: 0])
        }
        result.failure = error
    }
}
