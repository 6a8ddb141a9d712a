import Foundation
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Folder of the committed messy-CSV corpus.
let importFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Fixtures/csv/"

/// Path of a corpus file.
func fixture(_ name: String) -> String { importFixtures + name }

/// Transactions as `id|date|amount|quantity|margin` lines, in table order.
func transactionLines(_ w: Workspace) -> [String] {
    let t = w.transactions
    return (0..<t.count).map { r in
        let m = t.margin[r] == TransactionTable.unknownMargin ? "-" : Money(minor: t.margin[r]).decimalText
        return "\(w.customers[Int(t.customer[r])].id)|\(Day(ordinal: t.day[r]).iso)|\(Money(minor: t.amount[r]).decimalText)|\(t.quantity[r])|\(m)"
    }
}

/// Imports into a fresh folder and returns the workspace as saved on disk.
func importFresh(transactions: String? = nil, customers: String? = nil, options: ImportOptions = ImportOptions(),
                 folder: String = temporaryFolder("import")) throws -> (Workspace, ImportSummary) {
    let batch = try Importer.read(transactions: transactions, customers: customers, options: options)
    let summary = try Importer.apply(batch, to: folder, dryRun: false)
    let store = try WorkspaceStore.open(folder, options: .init(readOnly: true))
    return (store.workspace, summary)
}

/// Every file of a folder with its bytes, to prove a failed import left it untouched. The
/// transaction cache (`.acumen-cache`, rebuilt on any open) is not workspace data and is skipped.
func folderSnapshot(_ folder: String) -> [String: Data] {
    var out: [String: Data] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name != ".acumen-cache" {
        out[name] = FileManager.default.contents(atPath: folder + "/" + name) ?? Data()
    }
    return out
}

/// The problems an import refusal lists, as `line:column` strings, or nil if it did not fail.
func refusal(transactions: String? = nil, customers: String? = nil, options: ImportOptions = ImportOptions()) -> [WorkspaceProblem]? {
    do {
        _ = try Importer.read(transactions: transactions, customers: customers, options: options)
        return nil
    } catch {
        return error.problems
    }
}

/// `id|date|…` lines in the order a workspace keeps them: grouped by customer (customers in
/// order of first appearance), then by date, stably — see `TransactionTable.sortByCustomerAndDay`.
func groupedByCustomer(_ lines: [String]) -> [String] {
    var firstSeen: [Substring: Int] = [:]
    let keyed = lines.enumerated().map { k, line -> (customer: Int, date: Substring, k: Int, line: String) in
        let parts = line.split(separator: "|", omittingEmptySubsequences: false)
        let id = parts.first ?? ""
        if firstSeen[id] == nil { firstSeen[id] = firstSeen.count }
        return (firstSeen[id] ?? 0, parts.count > 1 ? parts[1] : "", k, line)
    }
    return keyed.sorted { ($0.customer, $0.date, $0.k) < ($1.customer, $1.date, $1.k) }.map(\.line)
}
