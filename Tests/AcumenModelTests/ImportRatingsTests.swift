import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Rated criteria in a customers file: guessed from common header names, 0–10, unknown when
/// empty, and never overwriting a rating set in Acumen.
@Suite struct ImportRatingsTests {
    func write(_ text: String, _ name: String) -> String {
        let path = temporaryFolder("ratings") + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    @Test func ratingsAreImportedAndMergedWithoutOverwritingEdits() throws {
        let folder = temporaryFolder()
        let customers = write("customer_id,name,satisfaction,influence,strategic_fit,risk\nA,Acme,7,3,,2.5\nB,Bolt,1,,,\n", "c.csv")
        let tx = write("customer,date,amount\nA,2024-01-01,5.00\n", "t.csv")
        let (w, _) = try importFresh(transactions: tx, customers: customers, folder: folder)
        let a = try #require(w.customer(id: "A"))
        #expect(a.ratings[.satisfaction] == 7 && a.ratings[.brandInfluence] == 3 && a.ratings[.risk] == 2.5)
        #expect(a.ratings[.needsFit] == nil)
        #expect(w.customer(id: "B")?.ratings.count == 1)
        let store = try WorkspaceStore.open(folder)
        try store.record(.setRating(customer: "A", criterion: .satisfaction, value: 9), author: "ann", at: Timestamp(seconds: 0))
        try store.save()
        store.close()
        let again = write("customer_id,name,satisfaction,needs_fit\nA,Acme,4,6\n", "c2.csv")
        let (merged, summary) = try importFresh(transactions: nil, customers: again, folder: folder)
        #expect(merged.customer(id: "A")?.ratings[.satisfaction] == 9)
        #expect(merged.customer(id: "A")?.ratings[.needsFit] == 6)
        #expect(summary.valuesKept == 1)
    }

    @Test func anOutOfRangeRatingIsRefusedWithLineAndColumn() throws {
        let customers = write("id,name,risk\nA,Acme,11\n", "bad.csv")
        let problems = try #require(refusal(customers: customers))
        #expect(problems.contains { $0.line == 2 && $0.column == 8 && $0.message.contains("0 to 10") })
    }
}
