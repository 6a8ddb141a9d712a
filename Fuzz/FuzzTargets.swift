// Fuzz targets shared by libFuzzer (Scripts/fuzz.sh compiles this file together with the
// AcumenModel sources into one module) and the seeded generative test in `swift test`
// (Tests/AcumenModelTests/ReliabilityFuzzTargets.swift is a symlink to this file).
// Adding a target is one function plus one line in `FuzzTargets.all`.
#if canImport(AcumenModel)
@testable import AcumenModel
#endif

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
        // Theme loader and CSV importer: add `FuzzTarget(name: "theme", seedFile: …, run: theme)`
        // and `FuzzTarget(name: "csv", …)` once they are on main.
    ]

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
        let table = WorkspaceCodec.decodeTransactions(bytes, customers: known, headerExtra: &extra, problems: &problems)
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
}
