import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The pieces of the importer: amounts, dates, delimiter and header detection, mapping guesses.
@Suite struct ImportParsingTests {
    func amount(_ text: String, comma: Bool = false) -> String {
        var s = text
        return s.withUTF8 { b in
            switch AmountParser(decimal: comma ? UInt8(ascii: ",") : UInt8(ascii: ".")).parse(b) {
            case .value(let v): Money(minor: v).decimalText
            case .invalid(let why): "invalid: " + why
            }
        }
    }

    @Test func amountsInTheirManyForms() {
        #expect(amount("12") == "12.00")
        #expect(amount("12.5") == "12.50")
        #expect(amount("1,234.56") == "1234.56")
        #expect(amount("1.234,56", comma: true) == "1234.56")
        #expect(amount("1 234,56", comma: true) == "1234.56")
        #expect(amount("1\u{00A0}234,56 €", comma: true) == "1234.56")
        #expect(amount("$1,000,000") == "1000000.00")
        #expect(amount("EUR 12.00") == "12.00")
        #expect(amount("-$5") == "-5.00")
        #expect(amount("(7.25)") == "-7.25")
        #expect(amount("7.25-") == "-7.25")
        #expect(amount("1'234.50") == "1234.50")
        #expect(amount("0.005") == "0.01")
        #expect(amount("2.994") == "2.99")
        #expect(amount("12,5").hasPrefix("invalid") && amount("12,5").contains("--decimal-comma"))
        #expect(amount("1,23,456").hasPrefix("invalid"))
        #expect(amount("abc").hasPrefix("invalid"))
        #expect(amount("").hasPrefix("invalid"))
        #expect(amount("1e5").hasPrefix("invalid"))
        #expect(amount("99999999999999999").contains("10^15"))
    }

    @Test func decimalCommaEvidence() {
        func decide(_ samples: [String]) -> Bool {
            var e = DecimalEvidence()
            for var s in samples { s.withUTF8 { e.add($0) } }
            return e.isDecimalComma
        }
        #expect(decide(["12,50", "3"]))
        #expect(decide(["1.234,5"]))
        #expect(!decide(["12.50", "1,234"]))
        #expect(!decide(["1,234", "5"]))  // Ambiguous: the point is assumed.
        #expect(decide(["1.234.567"]))
    }

    func date(_ f: ImportDateFormat, _ text: String) -> String? {
        var s = text
        return s.withUTF8 { f.parse($0)?.iso }
    }

    @Test func dateFormats() {
        #expect(date(.iso, "2024-02-29") == "2024-02-29")
        #expect(date(.iso, "2024/02/29") == "2024-02-29")
        #expect(date(.iso, "2024-02-29T10:30:00Z") == "2024-02-29")
        #expect(date(.iso, "2023-02-29") == nil)
        #expect(date(.compact, "19970101") == "1997-01-01")
        #expect(date(.compact, "1997010") == nil)
        #expect(date(.dayMonthYear, "31.12.2023") == "2023-12-31")
        #expect(date(.dayMonthYear, "1/2/2024 08:00") == "2024-02-01")
        #expect(date(.monthDayYear, "12/31/2023") == "2023-12-31")
        #expect(date(.monthDayYear, "31/12/2023") == nil)
        #expect(date(.dayMonthYear, "31/12/23") == nil)
        #expect(ImportDateFormat(argument: "dd/MM/yyyy") == .dayMonthYear)
        #expect(ImportDateFormat(argument: "yyyy-MM-dd") == .iso)
        #expect(ImportDateFormat(argument: "yyyyMMdd") == .compact)
        #expect(ImportDateFormat(argument: "MM.dd.yyyy") == .monthDayYear)
        #expect(ImportDateFormat(argument: "week") == nil)
    }

    func sniff(_ text: String) throws -> ImportDelimiter {
        FormatSniffer.detectDelimiter(try SourceText(file: "t", bytes: Array(text.utf8)))
    }

    @Test func delimiterDetection() throws {
        #expect(try sniff("a,b,c\n1,2,3\n") == .byte(UInt8(ascii: ",")))
        #expect(try sniff("a;b;c\n1,5;2;3\n") == .byte(UInt8(ascii: ";")))
        #expect(try sniff("a\tb\n1\t2\n") == .byte(0x09))
        #expect(try sniff("a|b\n1|2\n") == .byte(UInt8(ascii: "|")))
        #expect(try sniff(" 00001 19970101  1   11.77\n") == .whitespace)
        #expect(try sniff("\"x,y\";z\n\"1,2\";3\n") == .byte(UInt8(ascii: ";")))
        #expect(try sniff("{\"a\":1}\n") == .jsonLines)
    }

    @Test func headerGuessesAcrossLanguagesAndStyles() {
        func guess(_ columns: [String]) -> [String] {
            let m = ColumnGuesser.byName(ImportField.transactionFields, columns: columns, taken: [])
            return ImportField.transactionFields.map { f in m[f].map { "\(f.rawValue)=\(columns[$0])" } ?? "\(f.rawValue)=-" }
        }
        #expect(guess(["Cust ID", "Order Date", "Total", "Qty"]) == ["customer=Cust ID", "date=Order Date", "amount=Total", "margin=-", "cost=-", "quantity=Qty"])
        #expect(guess(["Customer Name", "Customer No", "Invoice Date", "Net Amount", "Gross Profit"])
                == ["customer=Customer No", "date=Invoice Date", "amount=Net Amount", "margin=Gross Profit", "cost=-", "quantity=-"])
        #expect(guess(["Kundennummer", "Datum", "Umsatz", "Menge", "Kosten"])
                == ["customer=Kundennummer", "date=Datum", "amount=Umsatz", "margin=-", "cost=Kosten", "quantity=Menge"])
    }

    @Test func mappingSpecification() throws {
        let m = try ColumnReference.parseMapping("customer=Cust ID, date = Order Date,amount=#4,costToServe=CTS")
        #expect(m == [.customer: .name("Cust ID"), .date: .name("Order Date"), .amount: .position(4), .costToServe: .name("CTS")])
        #expect(throws: ImportMappingError.self) { try ColumnReference.parseMapping("client=X") }
        #expect(throws: ImportMappingError.self) { try ColumnReference.parseMapping("customer") }
    }

    @Test func explicitMappingOverridesGuesses() throws {
        let path = temporaryFolder() + "/t.csv"
        _ = FileManager.default.createFile(atPath: path, contents: Data("ref,when,gross,net\nA,2024-01-01,12.00,10.00\n".utf8))
        var o = ImportOptions()
        o.mapping = [.customer: .name("ref"), .date: .name("when"), .amount: .name("NET")]
        let batch = try Importer.read(transactions: path, customers: nil, options: o)
        let plan = try #require(batch.plans.first)
        #expect(plan.summaryLines.contains("  amount   ← 'net' (given)"))
        #expect(batch.transactions.amount == [1000])
        o.mapping = [.amount: .name("nope")]
        let problems = try #require(refusal(transactions: path, options: o))
        #expect(problems.contains { $0.message.contains("--map amount='nope': no such column") })
    }

    @Test func idIndexIsDenseAndStableThroughGrowth() {
        var index = IDIndex(capacity: 4)
        var ids: [String] = []
        for k in 0..<5000 { ids.append(k % 3 == 0 ? "a-very-long-customer-identifier-\(k)" : "C\(k)") }
        for (k, id) in ids.enumerated() { #expect(index.index(of: id) == (Int32(k), true)) }
        for (k, id) in ids.enumerated().reversed() { #expect(index.index(of: id) == (Int32(k), false)) }
        #expect(index.strings == ids)
        #expect(index.index(of: "").isNew)
    }

    @Test func progressIsReportedByBytes() throws {
        var seen: [Double] = []
        _ = try Importer.read(transactions: fixture("cdnow_sample.txt"), customers: nil, options: ImportOptions()) { seen.append($0.fraction) }
        #expect(seen.last == 1)
    }
}
