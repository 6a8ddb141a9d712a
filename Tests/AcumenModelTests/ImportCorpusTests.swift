import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The committed corpus of messy files: each imports exactly right, or is refused with file,
/// line and column and leaves an existing workspace byte for byte as it was.
@Suite struct ImportCorpusTests {
    @Test func quotedFieldsHoldNewlinesDelimitersAndDoubledQuotes() throws {
        let (w, _) = try importFresh(transactions: fixture("quoted_newlines.csv"))
        #expect(transactionLines(w) == groupedByCustomer(["C1|2024-01-05|10.00|1|-", "C2|2024-01-06|20.50|1|-", "C,3|2024-01-07|5.00|1|-"]))
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let (w, _) = try importFresh(transactions: fixture("bom.csv"))
        #expect(transactionLines(w) == groupedByCustomer(["A1|2024-03-01|1.50|1|-", "A2|2024-03-02|2.25|1|-"]))
    }

    @Test func decimalCommaSemicolonsAndDottedDatesAreDetected() throws {
        let (w, _) = try importFresh(transactions: fixture("decimal_comma.csv"))
        #expect(transactionLines(w) == groupedByCustomer(["K-1|2024-01-31|1234.50|2|-", "K-2|2024-02-01|99.90|1|-", "K-1|2024-02-15|0.01|3|-"]))
    }

    @Test func mixedLineEndingsAndBlankLines() throws {
        let (w, _) = try importFresh(transactions: fixture("mixed_line_endings.csv"))
        #expect(transactionLines(w) == groupedByCustomer(["C1|2024-01-01|1.00|1|-", "C2|2024-01-02|2.00|1|-", "C3|2024-01-03|3.00|1|-", "C4|2024-01-04|4.00|1|-"]))
    }

    @Test func semicolonDelimiterWithGuessedColumns() throws {
        let (w, _) = try importFresh(transactions: fixture("semicolon.csv"))
        #expect(transactionLines(w) == groupedByCustomer(["S1|2023-12-31|100.00|1|-", "S2|2024-01-01|0.50|1|-"]))
    }

    @Test func thousandsSeparatorsAndCurrencySymbols() throws {
        let (w, _) = try importFresh(transactions: fixture("thousands_currency.csv"))
        #expect(transactionLines(w) == groupedByCustomer(["X|2024-05-01|1234.50|1|-", "Y|2024-05-02|99.00|1|-", "Z|2024-05-03|1000000.00|1|-", "X|2024-05-04|0.99|1|-"]))
    }

    @Test func whitespaceSeparatedCDNOWFormat() throws {
        let (w, s) = try importFresh(transactions: fixture("cdnow_sample.txt"))
        #expect(transactionLines(w) == groupedByCustomer(["00001|1997-01-01|11.77|1|-", "00002|1997-01-12|12.00|1|-", "00002|1997-01-12|77.00|5|-", "00003|1997-01-02|20.76|2|-"]))
        #expect(w.customers.map(\.name) == ["00001", "00002", "00003"])
        #expect(s.customersCreatedFromTransactions == 3)
    }

    @Test func headerlessTabSeparatedMonthFirstDates() throws {
        let (w, _) = try importFresh(transactions: fixture("us_dates.tsv"))
        #expect(transactionLines(w) == groupedByCustomer(["C1|2023-12-31|10.00|3|-", "C2|2024-01-15|5.25|1|-"]))
    }

    @Test func costColumnGivesMarginAndEmptyCostIsUnknown() throws {
        let (w, _) = try importFresh(transactions: fixture("margin_cost.csv"))
        #expect(transactionLines(w) == groupedByCustomer(["M1|2024-06-01|100.00|1|40.00", "M1|2024-06-02|50.00|1|-"]))
        #expect(w.transactions.givenAsCost == [true, false])
    }

    @Test func jsonLinesTransactions() throws {
        let (w, _) = try importFresh(transactions: fixture("transactions.jsonl"))
        #expect(transactionLines(w) == groupedByCustomer(["J1|2024-07-01|12.50|2|-", "J2|2024-07-02|1000.00|1|-"]))
    }

    @Test func customersFileWithQuotedNewlinesTagsAndCostToServe() throws {
        let (w, s) = try importFresh(customers: fixture("customers.csv"))
        #expect(s.customersAdded == 2)
        let c1 = try #require(w.customer(id: "C1"))
        #expect(c1.name == "Acme, Inc." && c1.industry == "Retail" && c1.region == "North" && c1.owner == "Ann Chen")
        #expect(c1.costToServe == Money(minor: 120_000) && c1.tags == ["key", "export"])
        let c2 = try #require(w.customer(id: "C2"))
        #expect(c2.name == "Zeta\nGmbH" && c2.owner == "" && c2.tags == [] && c2.costToServe == .zero)
    }

    @Test func ambiguousDatesNeedADateFormat() throws {
        let problems = try #require(refusal(transactions: fixture("ambiguous_dates.csv")))
        #expect(problems.count == 1)
        #expect(problems[0].message.contains("--date-format"))
        var o = ImportOptions()
        o.dateFormat = .dayMonthYear
        let (w, _) = try importFresh(transactions: fixture("ambiguous_dates.csv"), options: o)
        #expect(transactionLines(w) == groupedByCustomer(["C1|2024-02-01|1.00|1|-", "C2|2024-04-03|2.00|1|-"]))
    }

    /// Each bad file, the `line:column` of every problem expected, and a word of the message.
    static let refusals: [(file: String, at: [String], says: String)] = [
        ("missing_columns.csv", ["3:14"], "missing: amount, quantity"),
        ("duplicate_headers.csv", ["1:1"], "appears 2 times"),
        ("bad_dates.csv", ["3:4", "4:4"], "not a valid date"),
        ("utf16.csv", ["1:1"], "UTF-16"),
        ("latin1.csv", ["2:2"], "not valid UTF-8"),
        ("empty.csv", ["1:1"], "empty"),
        ("header_only.csv", ["1:1"], "no data rows"),
        ("unterminated_quote.csv", ["2:15"], "never closed"),
        ("negative_amount.csv", ["2:15", "3:15"], "negative amount"),
    ]

    @Test(arguments: refusals.indices)
    func badFilesAreRefusedWithLineAndColumnAndChangeNothing(_ k: Int) throws {
        let (file, at, says) = Self.refusals[k]
        let folder = temporaryFolder("refusal\(k)")
        let store = try WorkspaceStore.create(folder, workspace: DemoGenerator(customers: 5, seed: 4).generate())
        store.close()
        let before = folderSnapshot(folder)
        let path = fixture(file)
        do {
            let batch = try Importer.read(transactions: path, customers: nil, options: ImportOptions())
            _ = try Importer.apply(batch, to: folder, dryRun: false)
            Issue.record("\(file) was imported")
        } catch {
            let problems = error.problems
            #expect(problems.map { "\($0.line):\($0.column ?? 0)" } == at, "\(file): \(problems)")
            #expect(problems.allSatisfy { $0.file == path })
            #expect(problems.first?.message.contains(says) == true, "\(file): \(problems)")
        }
        #expect(folderSnapshot(folder) == before)
    }

    @Test func duplicateCustomerIdsAreRefused() throws {
        let problems = try #require(refusal(customers: fixture("customers_duplicate_ids.csv")))
        #expect(problems.map { "\($0.line):\($0.column ?? 0)" } == ["4:1"])
        #expect(problems[0].message.contains("first on line 2"))
    }
}
