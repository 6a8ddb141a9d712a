import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Importing into an existing workspace: merge by id, keep every edit, skip duplicates.
@Suite struct ImportMergeTests {
    let t0 = Timestamp(seconds: 1_764_234_650)

    func write(_ text: String, _ name: String = "in.csv") -> String {
        let path = temporaryFolder("input") + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    @Test func reimportingTheSameFileChangesNothing() throws {
        let folder = temporaryFolder()
        let path = fixture("cdnow_sample.txt")
        _ = try importFresh(transactions: path, folder: folder)
        let before = folderSnapshot(folder)
        let batch = try Importer.read(transactions: path, customers: nil, options: ImportOptions())
        let s = try Importer.apply(batch, to: folder, dryRun: false)
        #expect(s.transactionsAdded == 0 && s.duplicatesSkipped == 4 && s.customersCreatedFromTransactions == 0)
        #expect(folderSnapshot(folder) == before)
    }

    @Test func duplicatesCountMultiplicity() throws {
        let folder = temporaryFolder()
        _ = try importFresh(transactions: write("customer,date,amount\nA,2024-01-01,5.00\nA,2024-01-02,5.00\n"), folder: folder)
        let (w, s) = try importFresh(transactions: write("customer,date,amount\nA,2024-01-01,5.00\nA,2024-01-01,5.00\nA,2024-01-01,5.00\nB,2024-01-01,5.00\n"), folder: folder)
        #expect(s.duplicatesSkipped == 1 && s.transactionsAdded == 3)
        #expect(transactionLines(w) == groupedByCustomer(["A|2024-01-01|5.00|1|-", "A|2024-01-02|5.00|1|-", "A|2024-01-01|5.00|1|-",
                                        "A|2024-01-01|5.00|1|-", "B|2024-01-01|5.00|1|-"]))
    }

    @Test func importKeepsEveryEditIncludingUnsavedJournalEntries() throws {
        let folder = temporaryFolder()
        _ = try importFresh(transactions: write("customer,date,amount\nC1,2024-01-01,10.00\nC2,2024-01-02,20.00\n"),
                            customers: write("id,name,owner\nC1,Old Name,Ann\n", "c.csv"), folder: folder)
        let store = try WorkspaceStore.open(folder)
        try store.record(.setRating(customer: "C1", criterion: .risk, value: 7), author: "ann", at: t0)
        try store.record(.addNote(customer: "C1", note: Note(text: "met at fair", author: "ann", at: t0)), author: "ann", at: t0)
        try store.record(.setTierOverride(customer: "C1", override: Override(value: "Key", reason: "strategic", author: "ann", at: t0)), author: "ann", at: t0)
        try store.record(.setOwner(customer: "C2", owner: "Bob"), author: "ann", at: t0)
        store.close()  // Edits are only in the journal now.
        let (w, s) = try importFresh(transactions: write("customer,date,amount\nC1,2024-02-01,30.00\nC3,2024-02-02,1.00\n"),
                                     customers: write("id,name,owner,region\nC1,New Name,Carla,West\nC2,,Dora,\n", "c2.csv"), folder: folder)
        let c1 = try #require(w.customer(id: "C1"))
        #expect(c1.name == "New Name" && c1.region == "West")
        #expect(c1.owner == "Ann")  // An owner already set is never overwritten.
        #expect(c1.ratings[.risk] == 7 && c1.notes.map(\.text) == ["met at fair"] && c1.tierOverride?.value == "Key")
        #expect(c1.history.count == 3)
        #expect(w.customer(id: "C2")?.owner == "Bob")  // The Acumen edit wins over the file.
        #expect(s.valuesKept == 2 && s.customersUpdated == 1 && s.customersCreatedFromTransactions == 1)
        #expect(transactionLines(w) == groupedByCustomer(["C1|2024-01-01|10.00|1|-", "C2|2024-01-02|20.00|1|-", "C1|2024-02-01|30.00|1|-", "C3|2024-02-02|1.00|1|-"]))
        #expect(w.customer(id: "C3")?.name == "C3")
    }

    @Test func dryRunReportsTheSameChangesAndWritesNothing() throws {
        let folder = temporaryFolder()
        _ = try importFresh(transactions: fixture("cdnow_sample.txt"), folder: folder)
        let before = folderSnapshot(folder)
        let batch = try Importer.read(transactions: fixture("bom.csv"), customers: nil, options: ImportOptions())
        let dry = try Importer.apply(batch, to: folder, dryRun: true)
        #expect(folderSnapshot(folder) == before)
        let real = try Importer.apply(batch, to: folder, dryRun: false)
        #expect(dry == real)
        #expect(real.transactionsAdded == 2 && real.totalCustomers == 5 && real.firstDay?.iso == "2024-03-01")
        let fresh = temporaryFolder() + "/new"
        _ = try Importer.apply(batch, to: fresh, dryRun: true)
        #expect(!FileManager.default.fileExists(atPath: fresh))
    }

    @Test func randomTablesSurviveCSVWithHostileIds() throws {
        var rng = SeededGenerator(seed: 99)
        let alphabet = Array("ab,\"'; é日x")  // a line end in an id is refused (ReliabilityLoadAttackTests)
        var csv = "customer,date,amount,quantity,margin\n"
        var expected: [String] = []
        for _ in 0..<400 {
            let id = String((0..<Int(rng.unit() * 6 + 1)).map { _ in alphabet[Int(rng.unit() * Double(alphabet.count)) % alphabet.count] })
            guard !id.trimmingCharacters(in: .whitespaces).isEmpty, id.first != " ", id.last != " " else { continue }
            let day = Day(ordinal: 18_000 + Int32(rng.unit() * 2000))
            let amount = Money(minor: Int64(rng.unit() * 10_000_000))
            let margin = Money(minor: Int64(rng.unit() * 2_000_000) - 500_000)
            let q = Int(rng.unit() * 9)
            csv += "\"\(id.replacingOccurrences(of: "\"", with: "\"\""))\",\(day.iso),\(amount.decimalText),\(q),\(margin.decimalText)\n"
            expected.append("\(id)|\(day.iso)|\(amount.decimalText)|\(q)|\(margin.decimalText)")
        }
        let (w, _) = try importFresh(transactions: write(csv))
        #expect(transactionLines(w) == groupedByCustomer(expected))
    }
}
