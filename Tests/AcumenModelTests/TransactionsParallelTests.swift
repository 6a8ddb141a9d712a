import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// A large `transactions.jsonl` is parsed on all cores only when it is clean, and then gives
/// exactly the table the sequential parse gives.
@Suite struct TransactionsParallelTests {
    /// A file over the parallel threshold, with rows the fast scanner refuses (an unknown
    /// field, a cost, escapes, blank and CRLF lines) spread through it.
    func largeFile() -> (bytes: [UInt8], index: CustomerIndex) {
        let w = DemoGenerator(customers: 2_000, transactionsPerCustomer: 32, seed: 3).generate()
        var text = String(decoding: WorkspaceCodec.encodeTransactions(w), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let id = w.customers[5].id
        for at in stride(from: 7, to: lines.count - 1, by: 9_973) {
            lines.insert(#"{"amount":12.50,"cost":4.00,"customer":"\#(id)","date":"2024-03-01","note":"x","quantity":2}"#, at: at)
            lines.insert("", at: at + 1)
            lines.insert(#"{"amount":1.00,"customer":"\#(id)","date":"2024-03-02"}"# + "\r", at: at + 2)
        }
        text = lines.joined(separator: "\n")
        return (Array(text.utf8), w.index)
    }

    func sequential(_ bytes: [UInt8], _ index: CustomerIndex) -> (TransactionTable, [String: JSONValue], [WorkspaceProblem]) {
        var table = TransactionTable(), extra: [String: JSONValue] = [:], problems: [WorkspaceProblem] = [], more = 0
        TransactionsFile.parse(bytes, index: index, into: &table, headerExtra: &extra, problems: &problems, more: &more)
        return (table, extra, problems)
    }

    @Test func aCleanLargeFileGivesTheSequentialTable() throws {
        let (bytes, index) = largeFile()
        #expect(bytes.count >= 1 << 22)
        let parallel = try #require(TransactionsFile.parseInParallel(bytes, index: index))
        let (table, extra, problems) = sequential(bytes, index)
        #expect(problems.isEmpty)
        #expect(parallel.table == table)
        #expect(parallel.headerExtra == extra)
        #expect(!table.extra.isEmpty && table.givenAsCost.contains(true))
    }

    @Test func anyProblemFallsBackToTheSequentialParse() {
        let (bytes, index) = largeFile()
        var broken = bytes
        broken += Array(#"{"amount":1.00,"customer":"nobody","date":"2024-03-02"}"#.utf8)
        #expect(TransactionsFile.parseInParallel(broken, index: index) == nil)
        var problems: [WorkspaceProblem] = []
        var extra: [String: JSONValue] = [:]
        _ = WorkspaceCodec.decodeTransactions(broken, index: index, headerExtra: &extra, problems: &problems)
        #expect(problems.count == 1 && problems.first?.message.contains("unknown customer id \"nobody\"") == true)
        // A small file is not worth the threads.
        #expect(TransactionsFile.parseInParallel(Array(bytes.prefix(100_000)), index: index) == nil)
    }
}
