import AcumenCore
import AcumenStore
import Testing

/// Thousands separators: one rendering for every count and amount.
@Suite struct GroupingTests {
    @Test func groupsOfThree() {
        #expect(Grouping.grouped(0) == "0")
        #expect(Grouping.grouped(999) == "999")
        #expect(Grouping.grouped(1000) == "1,000")
        #expect(Grouping.grouped(23570) == "23,570")
        #expect(Grouping.grouped(-1_234_567) == "-1,234,567")
        #expect(Grouping.grouped(Int64.min) == "-9,223,372,036,854,775,808")
        #expect(Grouping.grouped(UInt64.max) == "18,446,744,073,709,551,615")
    }
}

/// The import's summary groups its counts like every other count (seen: `23570 created` on CDNOW).
@Suite struct ImportSummaryGroupingTests {
    @Test func countsAreGrouped() {
        var s = ImportSummary()
        s.customersCreatedFromTransactions = 23570
        s.createdExamples = ["00001"]
        s.transactionsAdded = 69659
        s.duplicatesSkipped = 1200
        s.totalCustomers = 23570
        s.totalTransactions = 69659
        let text = s.lines.joined(separator: "\n")
        #expect(text.contains("customers: 23,570 created"), "\(text)")
        #expect(text.contains("transactions: 69,659 added, 1,200 duplicates skipped"), "\(text)")
        #expect(text.contains("workspace: 23,570 customers, 69,659 transactions"), "\(text)")
    }
}
