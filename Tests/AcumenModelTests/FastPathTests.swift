import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The fast line scanners must accept exactly what the strict parser accepts, with equal results.
@Suite struct FastPathTests {
    static let customerLines = [
        #"{"id":"C1","name":"Acme"}"#,
        #"{"costToServe":12.50,"id":"C2","name":"华远科技有限公司","owner":"Chen","ratings":{"risk":3,"satisfaction":7.5},"tags":["a","b"]}"#,
        #"{ "id" : "C3" , "name" : "x" , "ratings" : { } , "tags" : [ ] }"#,
        #"{"id":"C4","name":"Esc\u001b"}"#,
        #"{"id":"C5","name":"x","ratings":{"risk":11}}"#,
        #"{"id":"C6","name":"x","ratings":{"speed":1}}"#,
        #"{"id":"C7","name":"x","costToServe":-1.00}"#,
        #"{"id":"C8","name":"x","costToServe":01.00}"#,
        #"{"id":"C9","name":"x","id":"C10"}"#,
        #"{"id":"C11","name":"x","future":true}"#,
        #"{"id":"","name":"x"}"#,
        #"{"id":"C12","name":"x","ratings":{"risk":3,"risk":4}}"#,
    ]

    @Test(arguments: customerLines)
    func customerFastPathAgreesWithStrictPath(line: String) {
        let bytes = Array(line.utf8)
        var problems: [WorkspaceProblem] = []
        let strict = WorkspaceCodec.strictCustomer(bytes, JSONLines.Line(start: 0, end: bytes.count, number: 2), problems: &problems)
        let fast = bytes.withUnsafeBufferPointer { FastCustomerRow($0, 0, bytes.count)?.customer }
        if let fast { #expect(fast == strict, "fast path differs on \(line)") }
        if strict == nil { #expect(fast == nil, "fast path accepted a line the strict path refuses: \(line)") }
    }

    static let transactionLines = [
        #"{"amount":12.50,"customer":"C1","date":"2024-03-01","margin":4.10,"quantity":2}"#,
        #"{"customer":"C1","date":"2024-03-01","amount":7}"#,
        #"{"amount":01.50,"customer":"C1","date":"2024-03-01"}"#,
        #"{"amount":-1.00,"customer":"C1","date":"2024-03-01"}"#,
        #"{"amount":1.00,"customer":"C1","date":"2024-02-30"}"#,
        #"{"amount":1.00,"customer":"CX","date":"2024-02-01"}"#,
        #"{"amount":1.00,"customer":"C1","date":"2024-02-01","note":"x"}"#,
        #"{"amount":1.00,"customer":"C1","date":"2024-02-01","amount":2.00}"#,
        #"{"amount":1.00,"cost":0.40,"customer":"C1","date":"2024-02-01"}"#,
    ]

    @Test(arguments: transactionLines)
    func transactionFastPathAgreesWithStrictPath(line: String) {
        let bytes = Array(#"{"kind":"acumen.transactions","schemaVersion":1}"#.utf8) + [10] + Array(line.utf8)
        var extra: [String: JSONValue] = [:]
        var fastProblems: [WorkspaceProblem] = []
        let viaFile = WorkspaceCodec.decodeTransactions(bytes, index: CustomerIndex.build(["C1"]).index, headerExtra: &extra, problems: &fastProblems)
        var strictProblems: [WorkspaceProblem] = []
        var strict = TransactionTable()
        let start = bytes.count - line.utf8.count
        TransactionsFile.slowRow(bytes, JSONLines.Line(start: start, end: bytes.count, number: 2), index: CustomerIndex.build(["C1"]).index, into: &strict, problems: &strictProblems)
        #expect(viaFile == strict)
        #expect(fastProblems == strictProblems)
    }

    @Test func cachedOpenEqualsParsedOpenAndStaleCacheIsIgnored() throws {
        let folder = temporaryFolder()
        let w = DemoGenerator(customers: 30, seed: 5).generate()
        try WorkspaceStore.create(folder, workspace: w).close()
        let first = try WorkspaceStore.open(folder)
        first.close()
        #expect(FileManager.default.fileExists(atPath: TransactionCache.path(folder)))
        let cached = try WorkspaceStore.open(folder)
        #expect(cached.workspace == w)
        cached.close()
        // Change the file behind the cache's back: one transaction fewer.
        let path = folder + "/" + WorkspaceFiles.transactions
        var lines = readText(path).split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: 1)
        try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let reparsed = try WorkspaceStore.open(folder)
        #expect(reparsed.workspace.transactions.count == w.transactions.count - 1)
        reparsed.close()
    }
}

@Suite struct FastWriterTests {
    @Test func customerLineWriterMatchesTheTreeWriter() {
        var w = DemoGenerator(customers: 300, seed: 11).generate()
        w.customers[0].name = "Quote \" and \u{1b}[31m escape"
        w.customers[1].ratings[.risk] = 3.25
        w.customers[2].tags = ["a", "b,c"]
        w.customers[3].costToServe = .zero
        for c in w.customers {
            var fast: [UInt8] = []
            CustomerLineWriter.append(c, to: &fast)
            var tree: [UInt8] = []
            JSONWriter.writeCompact(c.json, into: &tree)
            tree.append(0x0A)
            #expect(fast == tree, "\(c.id)")
        }
    }
}

@Suite struct CustomerIndexTests {
    @Test func findsEveryIdAndReportsRepeats() {
        let ids = (0..<5000).map { "C\($0)" } + ["C17", "华远", "", "C4999"]
        let (index, duplicates) = CustomerIndex.build(ids)
        #expect(duplicates == [5000, 5003])
        for k in 0..<5000 { #expect(index["C\(k)"] == k) }
        #expect(index["华远"] == 5001)
        #expect(index[""] == 5002)
        #expect(index["C5000"] == nil)
        #expect(index.count == 5002)
    }

    @Test func growsWhenCustomersAreAdded() {
        var w = Workspace()
        for k in 0..<100 { w.addCustomer(Customer(id: "X\(k)", name: "n")) }
        #expect(w.index["X57"] == 57)
        #expect(w.addCustomer(Customer(id: "X3", name: "again")) == 3)
        #expect(w.customers.count == 100)
    }
}
