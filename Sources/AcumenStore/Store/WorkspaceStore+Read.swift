import AcumenCore

/// Reading the workspace's JSON files on open: whole for the small ones, in blocks for
/// `transactions.jsonl` (``TransactionsFile/decodeStreamed(open:path:index:reading:headerExtra:problems:)``),
/// each fingerprinted as read (``Checksum/fingerprint(_:)`` of its bytes, the same either way).
extension WorkspaceStore {
    /// The file's status when it can be read: nil, with a problem, for a directory, a special
    /// file or a file over ``Options/maxFileSize``; nil without one when it does not exist.
    private func readableStatus(_ file: String, problems: inout [WorkspaceProblem]) throws(WorkspaceError) -> (path: String, status: FileStatus)? {
        let p = readOverlay[file] ?? path(file)
        let st: FileStatus?
        do { st = try fs.status(p) } catch { throw .io(error) }
        guard let st else { return nil }
        if st.isDirectory {
            problems.append(WorkspaceProblem(file: file, line: 0, message: "is a directory; expected a file"))
            return nil
        }
        if !st.isRegular && !st.isSymlink {
            problems.append(WorkspaceProblem(file: file, line: 0, message: "is not a regular file (a pipe, socket or device); expected a file"))
            return nil
        }
        if st.size > options.maxFileSize {
            problems.append(WorkspaceProblem(file: file, line: 0, message: "is \(st.size) bytes, over the limit of \(options.maxFileSize)"))
            return nil
        }
        return (p, st)
    }

    /// Reads a whole file and records its fingerprint; nil (with a problem when it exists but
    /// cannot be read) otherwise.
    func readFile(_ file: String, problems: inout [WorkspaceProblem]) throws(WorkspaceError) -> [UInt8]? {
        guard let (p, st) = try readableStatus(file, problems: &problems) else { return nil }
        do {
            let bytes = try fs.read(p, limit: options.maxFileSize)
            fingerprints[file] = Fingerprint(status: st, hash: Checksum.fingerprint(bytes))
            return bytes
        } catch {
            problems.append(WorkspaceProblem(file: file, line: 0, message: error.description))
            return nil
        }
    }

    /// Reads and decodes `transactions.jsonl` in blocks and records its fingerprint; nil (with
    /// a problem when it exists but cannot be read) otherwise — the problems of
    /// ``readFile(_:problems:)`` and ``WorkspaceCodec/decodeTransactions(_:index:headerExtra:problems:)``.
    func readTransactions(index: CustomerIndex, headerExtra: inout [String: JSONValue],
                          problems: inout [WorkspaceProblem]) throws(WorkspaceError) -> TransactionTable? {
        let file = WorkspaceFiles.transactions
        guard let (p, st) = try readableStatus(file, problems: &problems) else { return nil }
        let fs = self.fs, limit = options.maxFileSize
        var local: [WorkspaceProblem] = []
        do {
            let decoded = try TransactionsFile.decodeStreamed(open: { () throws(IOFailure) in try fs.openForReading(p, limit: limit) },
                                                              path: p, index: index, reading: options.reading,
                                                              headerExtra: &headerExtra, problems: &local)
            if let hash = decoded.hash { fingerprints[file] = Fingerprint(status: st, hash: hash) }
            problems += local
            return decoded.table
        } catch {
            problems.append(WorkspaceProblem(file: file, line: 0, message: error.description))
            return nil
        }
    }
}
