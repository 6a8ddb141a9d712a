// Fuzz targets shared by libFuzzer (Scripts/fuzz.sh compiles this file together with the
// model sources (AcumenCore, AcumenAnalytics, AcumenStore) into one module) and the seeded generative test in `swift test`
// (Tests/AcumenModelTests/ReliabilityFuzzTargets.swift is a symlink to this file).
// Adding a target is one function plus one line in `FuzzTargets.all`.
#if canImport(AcumenStore)
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore
#endif
import Foundation

/// One fuzz target: takes arbitrary bytes, returns the invariants they broke (empty: fine).
/// A crash, a hang or unbounded memory is a finding too; the callers watch for those.
struct FuzzTarget: Sendable {
    let name: String
    /// The workspace file whose valid content seeds the mutations.
    let seedFile: String
    let run: @Sendable ([UInt8]) -> [String]
}

/// Every fuzz target.
enum FuzzTargets {
    static let all: [FuzzTarget] = [
        FuzzTarget(name: "json", seedFile: WorkspaceFiles.settings, run: json),
        FuzzTarget(name: "settings", seedFile: WorkspaceFiles.settings, run: settings),
        FuzzTarget(name: "customers", seedFile: WorkspaceFiles.customers, run: customers),
        FuzzTarget(name: "transactions", seedFile: WorkspaceFiles.transactions, run: transactions),
        FuzzTarget(name: "journal", seedFile: WorkspaceFiles.journal, run: journal),
        FuzzTarget(name: "csv", seedFile: FuzzTargets.csvSeedFile, run: csv),
        // Theme loader: add `FuzzTarget(name: "theme", seedFile: …, run: theme)` once it is on main.
    ]

    /// Targets libFuzzer can run that have their own generative test (so adding one does not
    /// reshuffle the inputs of the shared test): journal replay (ReliabilityReplayFuzzTests).
    static let extra: [FuzzTarget] = [JournalReplayFuzz.target]

    /// Name under which the CSV target's seed is kept.
    static let csvSeedFile = "transactions.csv"

    /// A small, valid but untidy CSV export: quoted delimiters, a BOM, CRLF, decimal commas.
    static let csvSeed: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(
        "Kunde;Datum;Umsatz;Menge\r\n\"K-1; Nord\";03/01/2024;1.234,50 €;2\r\nK-2;04/01/2024;99,00;1\r\n\"K\"\"3\";05/01/2024;0,5;\r\n".utf8)

    /// The CSV importer (through an in-memory file): it imports or refuses with positions
    /// inside the input, and never yields more transactions than the input has lines.
    static func csv(_ bytes: [UInt8]) -> [String] {
        let fs = MemoryFileSystem(file: "/fuzz/input.csv", bytes: bytes)
        do {
            let batch = try Importer.read(transactions: "/fuzz/input.csv", customers: nil, options: ImportOptions(), fs: fs)
            return batch.transactions.count <= csvLineCount(bytes) ? [] : ["more transactions than lines"]
        } catch {
            return error.problems.compactMap { p in
                if p.line < 0 || p.line > csvLineCount(bytes) { return "line \(p.line) outside the input: \(p)" }
                if p.message.isEmpty { return "empty message" }
                return nil
            }
        }
    }

    /// The parser: errors carry a position inside the input; values survive a write/parse round trip.
    static func json(_ bytes: [UInt8]) -> [String] {
        switch JSONParser.result(bytes) {
        case .failure(let f):
            return f.line >= 1 && f.column >= 1 && f.line <= lineCount(bytes) && !f.message.isEmpty ? [] : ["bad failure position \(f)"]
        case .success(let v):
            let again = JSONParser.result(Array(JSONWriter.compact(v).utf8))
            return (try? again.get()) == v ? [] : ["value does not survive a write/parse round trip"]
        }
    }

    static func settings(_ bytes: [UInt8]) -> [String] {
        var problems: [WorkspaceProblem] = []
        _ = WorkspaceCodec.decodeSettings(bytes, problems: &problems)
        return check(problems, file: WorkspaceFiles.settings, bytes: bytes)
    }

    static func customers(_ bytes: [UInt8]) -> [String] {
        var problems: [WorkspaceProblem] = []
        var extra: [String: JSONValue] = [:]
        let list = WorkspaceCodec.decodeCustomers(bytes, headerExtra: &extra, problems: &problems)
        var out = check(problems, file: WorkspaceFiles.customers, bytes: bytes)
        if Set(list.map(\.id)).count != list.count { out.append("duplicate customer ids accepted") }
        return out
    }

    static func transactions(_ bytes: [UInt8]) -> [String] {
        var problems: [WorkspaceProblem] = []
        var extra: [String: JSONValue] = [:]
        let known = (1...30).map { Customer(id: "C" + String(10000 + $0).dropFirst(), name: "n") }
        let table = WorkspaceCodec.decodeTransactions(bytes, customers: CustomerList(known), headerExtra: &extra, problems: &problems)
        var out = check(problems, file: WorkspaceFiles.transactions, bytes: bytes)
        if table.customer.contains(where: { $0 < 0 || Int($0) >= known.count }) { out.append("transaction with an out-of-range customer index") }
        return out
    }

    static func journal(_ bytes: [UInt8]) -> [String] {
        let c = Journal.contents(bytes)
        var out = check(c.problems, file: WorkspaceFiles.journal, bytes: bytes)
        if c.validLength > c.length || c.validLength < 0 { out.append("valid length \(c.validLength) outside the file") }
        if zip(c.records, c.records.dropFirst()).contains(where: { $0.seq >= $1.seq }) { out.append("records out of order") }
        if c.problems.contains(where: { $0.severity == .error }) == false,
           c.problems.filter({ $0.severity == .warning }).count > 1 { out.append("more than one torn last record") }
        return out
    }

    /// Every problem names the file, a line inside it (0: the whole file) and a message.
    static func check(_ problems: [WorkspaceProblem], file: String, bytes: [UInt8]) -> [String] {
        let lines = lineCount(bytes)
        return problems.compactMap { p in
            if p.file != file { return "problem names \(p.file), not \(file)" }
            if p.line < 0 || p.line > lines { return "line \(p.line) outside 0…\(lines): \(p)" }
            if let c = p.column, c < 1 { return "column \(c): \(p)" }
            if p.message.isEmpty { return "empty message at line \(p.line)" }
            return nil
        }
    }

    static func lineCount(_ bytes: [UInt8]) -> Int { bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } }

    /// Lines as the importer counts them: LF, CRLF and a lone CR each end a line.
    static func csvLineCount(_ bytes: [UInt8]) -> Int {
        var n = 1
        for (k, b) in bytes.enumerated() where b == 0x0A || (b == 0x0D && (k + 1 == bytes.count || bytes[k + 1] != 0x0A)) { n += 1 }
        return n
    }
}

/// A file system in memory that refuses every write (`EROFS`): the fuzz targets only read.
protocol ReadOnlyMemoryFileSystem: FileSystem {}

extension ReadOnlyMemoryFileSystem {
    func open(_ path: String, flags: Int32, mode: mode_t) throws(IOFailure) -> Int32 { throw IOFailure(operation: "open", path: path, code: EROFS) }
    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws(IOFailure) -> Int { throw IOFailure(operation: "write", path: path, code: EROFS) }
    func fsync(_ fd: Int32, path: String) throws(IOFailure) {}
    func close(_ fd: Int32) {}
    func rename(_ from: String, to: String) throws(IOFailure) { throw IOFailure(operation: "rename", path: to, code: EROFS) }
    func unlink(_ path: String) {}
    func truncate(_ fd: Int32, length: Int64, path: String) throws(IOFailure) { throw IOFailure(operation: "truncate", path: path, code: EROFS) }
}

/// A read-only file system holding one file, for fuzzing readers without touching the disk.
struct MemoryFileSystem: ReadOnlyMemoryFileSystem {
    let file: String
    let bytes: [UInt8]

    func status(_ path: String) throws(IOFailure) -> FileStatus? {
        path == file ? FileStatus(size: Int64(bytes.count), modifiedNanoseconds: 0, inode: 1,
                                  isRegular: true, isDirectory: false, isSymlink: false) : nil
    }
    func read(_ path: String, limit: Int64) throws(IOFailure) -> [UInt8] {
        guard path == file else { throw IOFailure(operation: "read", path: path, code: ENOENT) }
        return bytes
    }
    func list(_ folder: String) throws(IOFailure) -> [String] { [] }
}
