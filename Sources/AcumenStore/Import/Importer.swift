import AcumenCore
import AcumenAnalytics
import Foundation

/// Progress of a long import, for a terminal percentage or a TUI gauge.
public struct ImportProgress: Sendable {
    /// What is being done.
    public enum Phase: Sendable, Equatable {
        /// Reading and validating an input file.
        case reading(String)
        /// Writing the workspace files.
        case writing
    }
    public var phase: Phase
    /// 0…1 within the phase (bytes read / file size while reading).
    public var fraction: Double
}

/// Imports CSV, TSV, whitespace-separated and JSON Lines files into a workspace folder.
///
/// Three steps, each usable alone: ``read(transactions:customers:options:fs:progress:)``
/// parses and validates everything without touching any workspace; ``WorkspaceMerger`` merges
/// the batch into a workspace value; ``apply(_:to:dryRun:fs:progress:)`` opens or creates the
/// folder and saves. Any problem in step one throws before anything is written.
public enum Importer {
    /// Files larger than this are refused (bytes).
    public static let maxFileSize: Int64 = 32 << 30

    /// Reads and validates the input files; nothing is written.
    /// - Throws: ``ImportError/invalid(_:total:)`` listing every problem with file, line and column.
    public static func read(transactions: String?, customers: String?, options: ImportOptions,
                            fs: any FileSystem = PosixFileSystem(),
                            progress: ((ImportProgress) -> Void)? = nil) throws(ImportError) -> ImportBatch {
        var batch = ImportBatch()
        var problems: [WorkspaceProblem] = []
        var total = 0
        var loaded: [String: [UInt8]] = [:]
        for path in [customers, transactions].compactMap({ $0 }) {
            let bytes: [UInt8]
            do { bytes = try fs.read(path, limit: maxFileSize) } catch { throw .io(error) }
            loaded[path] = bytes
            if ExportFile.looksLikeExport(bytes) {
                guard customers == nil || transactions == nil else {
                    throw .invalid([WorkspaceProblem(file: path, line: 1, column: 1, message: "a JSON export holds customers and transactions; import it alone")], total: 1)
                }
                progress?(ImportProgress(phase: .reading(path), fraction: 0))
                let batch = try ExportFile.decode(bytes, file: path, maxProblems: options.maxProblems)
                progress?(ImportProgress(phase: .reading(path), fraction: 1))
                return batch
            }
        }
        if let customers {
            let text = try SourceText(file: customers, bytes: loaded[customers] ?? [])
            do {
                let plan = try FormatSniffer.plan(text, options: options, fields: ImportField.customerFields, required: [.id])
                batch.plans.append(plan)
                let callback = progress.map { p in { (done: Int, all: Int) in p(ImportProgress(phase: .reading(customers), fraction: Double(done) / Double(max(all, 1)))) } }
                switch CustomerReader(text: text, plan: plan).read(maxProblems: options.maxProblems, progress: callback) {
                case .success(let records): batch.customers = records
                case .failure(let e): problems += e.problems; total += e.count
                }
            } catch { problems += error.problems; total += error.count }
        }
        if let transactions {
            let text = try SourceText(file: transactions, bytes: loaded.removeValue(forKey: transactions) ?? [])
            do {
                let plan = try FormatSniffer.plan(text, options: options, fields: ImportField.transactionFields, required: [.customer, .date, .amount])
                batch.plans.append(plan)
                let callback = progress.map { p in { (done: Int, all: Int) in p(ImportProgress(phase: .reading(transactions), fraction: Double(done) / Double(max(all, 1)))) } }
                switch TransactionReader(text: text, plan: plan).read(maxProblems: options.maxProblems, progress: callback) {
                case .success(let out):
                    batch.transactionIDs = out.ids.strings
                    batch.transactions = out.table
                case .failure(let e): problems += e.problems; total += e.count
                }
            } catch { problems += error.problems; total += error.count }
        }
        if total > 0 { throw .invalid(Array(problems.prefix(options.maxProblems)), total: total) }
        return batch
    }

    /// Merges the batch into the workspace in `folder` (created when it holds none) and saves,
    /// unless `dryRun`, which only computes the summary and writes nothing.
    /// - Throws: ``ImportError/workspace(_:)`` when the workspace cannot be opened or saved.
    public static func apply(_ batch: ImportBatch, to folder: String, dryRun: Bool, fs: any FileSystem = PosixFileSystem(),
                             progress: ((ImportProgress) -> Void)? = nil) throws(ImportError) -> ImportSummary {
        let exists: Bool
        do throws(WorkspaceError) {
            // An import interrupted after its commit is finished first (docs/reliability.md).
            _ = try WorkspacePublish.recover(folder: folder, fs: fs, readOnly: dryRun)
        } catch { throw .workspace(error) }
        do { exists = try fs.status(folder + "/" + WorkspaceFiles.customers) != nil } catch { throw .io(error) }
        do throws(WorkspaceError) {
            if !exists {
                var (merged, summary) = WorkspaceMerger.merge(batch, into: Workspace(settings: batch.settings ?? Settings()))
                if !dryRun {
                    merged.transactions.sortByCustomerAndDay(customerCount: merged.customers.count)
                    progress?(ImportProgress(phase: .writing, fraction: 0))
                    let store = try WorkspaceStore.create(folder, workspace: merged, fs: fs)
                    store.close()
                    progress?(ImportProgress(phase: .writing, fraction: 1))
                }
                return summary
            }
            let store = try WorkspaceStore.open(folder, fs: fs, options: .init(readOnly: dryRun))
            defer { store.close() }
            var (merged, summary) = WorkspaceMerger.merge(batch, into: store.workspace)
            if !dryRun {
                if let why = store.readOnlyReason { throw WorkspaceError.readOnly(why) }
                // Each customer's history contiguous: analytics read it sequentially.
                merged.transactions.sortByCustomerAndDay(customerCount: merged.customers.count)
                progress?(ImportProgress(phase: .writing, fraction: 0))
                store.replaceWorkspace(merged)
                store.transactionsDirty = summary.transactionsAdded > 0
                try store.publish()
                progress?(ImportProgress(phase: .writing, fraction: 1))
            }
            return summary
        } catch { throw .workspace(error) }
    }
}

extension ImportError {
    /// Total number of problems (listed or not).
    var count: Int {
        if case .invalid(_, let total) = self { return total }
        return 1
    }
}
