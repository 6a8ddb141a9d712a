import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Issue 17, items 9–11 at the store level: blank-line amplification, money totals that
/// cannot wrap, control characters in ids, truthful lock messages, no cache for a broken
/// workspace, an unreadable file behind a cache, and the cache folder's mode.
@Suite struct ReliabilityLoadAttackTests {
    let t0 = Timestamp(seconds: 1_764_234_650)

    func makeWorkspace(_ name: String = #function, customers: Int = 4) throws -> String {
        let folder = temporaryFolder(name)
        try WorkspaceStore.create(folder, workspace: DemoGenerator(customers: customers, transactionsPerCustomer: 2, seed: 5).generate()).close()
        return folder
    }

    func append(_ bytes: [UInt8], to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile(); handle.write(Data(bytes)); handle.closeFile()
    }

    func transactionsFile(_ rows: [String]) -> [UInt8] {
        Array((#"{"kind":"acumen.transactions","schemaVersion":1}"# + "\n" + rows.joined(separator: "\n") + "\n").utf8)
    }

    // MARK: Item 9: memory amplification

    @Test func blankLinesGetNoSlotsAndJunkLinesNoUnboundedProblems() {
        let header = Array(#"{"kind":"acumen.customers","schemaVersion":1}"#.utf8) + [0x0A]
        let blank = header + [UInt8](repeating: 0x0A, count: 2 << 20) + Array(#"{"id":"C1","name":"n"}"#.utf8) + [0x0A]
        blank.withUnsafeBufferPointer { buf in
            let chunks = ParallelLines.chunks(buf, start: header.count, end: buf.count, firstLine: 2, count: 4)
            #expect(chunks.map { ParallelLines.recordCount(buf, $0, minimumLength: WorkspaceCodec.minimumCustomerLine) }.reduce(0, +) == 1)
        }
        var problems: [WorkspaceProblem] = []
        var extra: [String: JSONValue] = [:]
        let customers = WorkspaceCodec.decodeCustomers(blank, headerExtra: &extra, problems: &problems)
        #expect(customers.map(\.id) == ["C1"] && problems.isEmpty)
        let junk = header + Array(String(repeating: "{}\n", count: 50_000).utf8)
        _ = WorkspaceCodec.decodeCustomers(junk, headerExtra: &extra, problems: &problems)
        #expect(problems.count == WorkspaceCodec.maxProblemsPerFile + 1)
        #expect(problems.last?.message.contains("at least 49900 more") == true, "\(problems.last?.message ?? "")")
        problems = []
        let junkTx = transactionsFile([String](repeating: "{}", count: 50_000))
        _ = WorkspaceCodec.decodeTransactions(junkTx, customers: [], headerExtra: &extra, problems: &problems)
        #expect(problems.count == WorkspaceCodec.maxProblemsPerFile + 1)
    }

    // MARK: Item 10: money totals

    @Test func anAmountJustBeyondTenToTheFifteenIsRefusedOnLoad() throws {
        #expect(Money(decimalText: "1000000000000000.01") == nil)
        #expect(Money(decimalText: "1000000000000000.00")?.minor == Money.limitMinor)
        #expect(Money(decimalText: "-1000000000000000.01") == nil)
        let folder = try makeWorkspace()
        let id = try WorkspaceStore.open(folder, options: .init(readOnly: true)).workspace.customers[0].id
        try append(Array(#"{"amount":1000000000000000.01,"customer":"\#(id)","date":"2024-01-01"}"#.utf8) + [0x0A], to: folder + "/" + WorkspaceFiles.transactions)
        let error = #expect(throws: WorkspaceError.self) { try WorkspaceStore.open(folder, options: .init(readOnly: true)) }
        #expect(error?.problems.contains { $0.file == WorkspaceFiles.transactions && $0.field == "amount" && $0.line > 1 } == true)
    }

    @Test func twoHundredMaximalAmountsAreRefusedWithTheLineWhereTheTotalCrossesTheBound() throws {
        let folder = try makeWorkspace()
        let store = try WorkspaceStore.open(folder, options: .init(readOnly: true))
        let id = store.workspace.customers[0].id
        let rows = (0..<200).map { _ in #"{"amount":999999999999999.99,"customer":"\#(id)","date":"2024-01-01"}"# }
        var problems: [WorkspaceProblem] = []
        var extra: [String: JSONValue] = [:]
        _ = WorkspaceCodec.decodeTransactions(transactionsFile(rows), customers: store.workspace.customers, headerExtra: &extra, problems: &problems)
        let p = try #require(problems.first)
        // 10 amounts of 10^15 − 0.01 reach 10^16 − 0.1; the 11th crosses 10^16 (line 1 is the header).
        #expect(p.line == 12 && p.field == "amount" && p.message.contains("10^16"), "\(p)")
        // Ten of them are fine, and every total stays exact.
        var w = store.workspace
        w.transactions = TransactionTable()
        for _ in 0..<10 { w.transactions.append(customer: 0, day: Day(ordinal: 19_800), amount: Money(minor: Money.limitMinor - 1), margin: nil) }
        let r = PortfolioAnalyzer.analyze(w, asOf: Day(ordinal: 19_900))
        #expect(r.revenue[0] == 10 * (Money.limitMinor - 1))
    }

    @Test func importAndSaveRefuseTotalsBeyondTheBound() throws {
        let csv = temporaryFolder() + "/big.csv"
        let rows = (0..<200).map { _ in "C1,2024-01-01,999999999999999.99" }
        try (["customer,date,amount"] + rows).joined(separator: "\n").write(toFile: csv, atomically: false, encoding: .utf8)
        let error = #expect(throws: ImportError.self) { try Importer.read(transactions: csv, customers: nil, options: ImportOptions()) }
        #expect(error?.problems.first?.line == 12, "\(error?.problems.first.map(\.description) ?? "")")
        // An existing workspace near the bound cannot be pushed over it by a save either.
        let folder = try makeWorkspace()
        let store = try WorkspaceStore.open(folder)
        var w = store.workspace
        for _ in 0..<11 { w.transactions.append(customer: 0, day: Day(ordinal: 19_800), amount: Money(minor: Money.limitMinor - 1), margin: nil) }
        store.replaceWorkspace(w)
        let saveError = #expect(throws: WorkspaceError.self) { try store.save() }
        #expect(saveError?.problems.first?.message.contains("10^16") == true)
        store.close()
    }

    @Test func costToServeEditsCannotPushTheTotalBeyondTheBound() throws {
        let folder = try makeWorkspace(customers: 12)
        let store = try WorkspaceStore.open(folder)
        let ids = store.workspace.customers.map(\.id)
        let top = Money(minor: Money.limitMinor)
        // Nine at 10^15 plus the demo's small costs stay below 10^16; a tenth would cross it.
        for id in ids.prefix(9) { try store.record(.setCostToServe(customer: id, amount: top), author: "a", at: t0) }
        let error = #expect(throws: WorkspaceError.self) { try store.record(.setCostToServe(customer: ids[9], amount: top), author: "a", at: t0) }
        #expect(error?.problems.first?.field == "costToServe")
        #expect(store.workspace.customers[9].costToServe != top)
        try store.save()
        store.close()
        #expect(try WorkspaceStore.open(folder, options: .init(readOnly: true)).workspace.customers[8].costToServe == top)
    }

    // MARK: Item 11: small ones

    @Test(arguments: ["C\\u00001", "C\\n1", "C\\u001b]0;x\\u00071", "C\\u007f1", "C\\u00851"])
    func idsWithControlCharactersAreRefusedOnLoad(id: String) throws {
        let folder = try makeWorkspace()
        try append(Array(#"{"id":"\#(id)","name":"x"}"#.utf8) + [0x0A], to: folder + "/" + WorkspaceFiles.customers)
        let error = #expect(throws: WorkspaceError.self) { try WorkspaceStore.open(folder, options: .init(readOnly: true)) }
        let p = try #require(error?.problems.first)
        #expect(p.field == "id" && p.line == 6 && p.message.contains("control character"), "\(p)")
    }

    @Test func idsWithControlCharactersAreRefusedOnImport() throws {
        let csv = temporaryFolder() + "/ids.csv"
        try "customer,date,amount\nC1,2024-01-01,5\n\"C\n2\",2024-01-02,6\nC\u{1B}3,2024-01-03,7\n".write(toFile: csv, atomically: false, encoding: .utf8)
        let error = #expect(throws: ImportError.self) { try Importer.read(transactions: csv, customers: nil, options: ImportOptions()) }
        #expect(error?.problems.filter { $0.message.contains("control character") }.map(\.line) == [3, 5])
    }

    @Test func replayErrorsCarryTheRecordsLine() throws {
        let folder = try makeWorkspace()
        let line = Journal.line(Journal.Record(seq: 1, at: t0, author: "a", edit: .removeNote(customer: "C0001", index: 99)))
        try (Journal.header + String(decoding: line, as: UTF8.self)).write(toFile: folder + "/" + WorkspaceFiles.journal, atomically: false, encoding: .utf8)
        let error = #expect(throws: WorkspaceError.self) { try WorkspaceStore.open(folder, options: .init(readOnly: true)) }
        #expect(error?.problems.first?.line == 2, "\(error?.problems.map(\.description) ?? [])")
    }

    @Test func aDirectoryNamedLikeTheLockIsReportedTruthfully() throws {
        let folder = try makeWorkspace()
        try FileManager.default.removeItem(atPath: folder + "/" + WorkspaceFiles.lock)
        try FileManager.default.createDirectory(atPath: folder + "/" + WorkspaceFiles.lock, withIntermediateDirectories: false)
        let store = try WorkspaceStore.open(folder)
        let why = try #require(store.readOnlyReason)
        #expect(why.contains("it is a directory") && !why.contains("another Acumen"), "\(why)")
    }

    @Test func aWorkspaceWithErrorsWritesNoCache() throws {
        let folder = try makeWorkspace()
        try? FileManager.default.removeItem(atPath: folder + "/" + TransactionCache.folderName)
        try append(Array(#"{"id":"C0001","name":"again"}"#.utf8) + [0x0A], to: folder + "/" + WorkspaceFiles.customers)
        #expect(throws: WorkspaceError.self) { try WorkspaceStore.open(folder) }
        #expect(!FileManager.default.fileExists(atPath: folder + "/" + TransactionCache.folderName))
    }

    @Test func anUnreadableTransactionsFileFailsEvenWithACache() throws {
        let folder = try makeWorkspace()
        try WorkspaceStore.open(folder).close()  // builds the cache
        #expect(FileManager.default.fileExists(atPath: folder + "/" + TransactionCache.folderName))
        let fs = DenyingFileSystem(denied: folder + "/" + WorkspaceFiles.transactions)
        let error = #expect(throws: WorkspaceError.self) { try WorkspaceStore.open(folder, fs: fs, options: .init(readOnly: true)) }
        #expect(error?.problems.contains { $0.file == WorkspaceFiles.transactions } == true)
    }

    @Test func anUnreadableCustomersFileFailsEvenWithACache() throws {
        let folder = try makeWorkspace()
        try WorkspaceStore.open(folder).close()  // builds the caches
        #expect(FileManager.default.fileExists(atPath: CustomerCache.path(folder)))
        let fs = DenyingFileSystem(denied: folder + "/" + WorkspaceFiles.customers)
        let error = #expect(throws: WorkspaceError.self) { try WorkspaceStore.open(folder, fs: fs, options: .init(readOnly: true)) }
        #expect(error?.problems.contains { $0.file == WorkspaceFiles.customers } == true)
    }
}

/// The real file system, except that one path cannot be opened or read (`EACCES`), as for
/// an unprivileged user; root ignores permission bits, so tests cannot rely on `chmod`.
struct DenyingFileSystem: FileSystem {
    let denied: String
    let real = PosixFileSystem()

    func open(_ path: String, flags: Int32, mode: mode_t) throws(IOFailure) -> Int32 {
        if path == denied { throw IOFailure(operation: "open", path: path, code: EACCES) }
        return try real.open(path, flags: flags, mode: mode)
    }
    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws(IOFailure) -> Int { try real.write(fd, buffer, path: path) }
    func fsync(_ fd: Int32, path: String) throws(IOFailure) { try real.fsync(fd, path: path) }
    func close(_ fd: Int32) { real.close(fd) }
    func rename(_ from: String, to: String) throws(IOFailure) { try real.rename(from, to: to) }
    func unlink(_ path: String) { real.unlink(path) }
    func truncate(_ fd: Int32, length: Int64, path: String) throws(IOFailure) { try real.truncate(fd, length: length, path: path) }
    func status(_ path: String) throws(IOFailure) -> FileStatus? { try real.status(path) }
    func read(_ path: String, limit: Int64) throws(IOFailure) -> [UInt8] {
        if path == denied { throw IOFailure(operation: "open", path: path, code: EACCES) }
        return try real.read(path, limit: limit)
    }
    func list(_ folder: String) throws(IOFailure) -> [String] { try real.list(folder) }
}
