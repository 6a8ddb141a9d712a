import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// CSV safety, Markdown escaping, the filter grammar, and the JSON round trip.
@Suite struct ExportTests {
    let t0 = Timestamp(seconds: 1_764_234_650)
    let asOf = Day(year: 2026, month: 1, day: 1) ?? Day(ordinal: 0)

    @Test func csvQuotesPerRFC4180AndGuardsFormulas() {
        var w = CSVWriter()
        w.row(["id", "name"])
        w.row([.text("a,b"), .text("say \"hi\"\nbye"), .number("-12.50")])
        w.row([.text("=1+1"), .text("+SUM(A1)"), .text("-2"), .text("@cmd"), .text("\tx"), .text("\rx"), .text("a=b")])
        #expect(w.text == "id,name\r\n\"a,b\",\"say \"\"hi\"\"\nbye\",-12.50\r\n'=1+1,'+SUM(A1),'-2,'@cmd,'\tx,\"'\rx\",a=b\r\n")
    }

    @Test func markdownCellsCannotBreakTheTable() {
        var t = MarkdownTable(headers: ["A", "B"], alignments: [.left, .right])
        t.add(["x|y", "line\nbreak\u{1B}[31m"])
        #expect(t.markdown == "| A | B |\n|---|---:|\n| x\\|y | line break[31m |\n")
    }

    struct Subject: AccountFilterSubject {
        var text: [AccountFilter.TextKey: [String]] = [:]
        var numbers: [AccountFilter.NumberKey: Double] = [:]
        var flags: Set<AccountFilter.Flag> = []
        func values(for key: AccountFilter.TextKey) -> [String] { text[key] ?? [] }
        func number(for key: AccountFilter.NumberKey) -> Double? { numbers[key] }
        func flag(_ flag: AccountFilter.Flag) -> Bool { flags.contains(flag) }
    }

    @Test func filterGrammar() throws {
        let a = Subject(text: [.tier: ["Key"], .strategy: ["cut-cost", "Cut cost"], .owner: ["Chen Wei"], .tag: ["export", "vip"]],
                        numbers: [.revenue: 12_000, .score: 71.5], flags: [.belowBreakEven])
        let cases: [(String, Bool)] = [
            ("", true), ("tier=Key", true), ("TIER = key", true), ("tier!=Key", false),
            ("strategy=cutCost", true), ("strategy=\"cut cost\"", true), ("strategy=grow", false),
            ("owner~\"chen\"", true), ("owner!~Chen", false), ("tag=vip", true), ("tag=gold", false),
            ("belowBreakEven", true), ("not belowBreakEven", false), ("overridden", false),
            ("revenue>10000 and score>=71.5", true), ("revenue>10,000", true), ("score<50 or tier=Key", true),
            ("tier=Key and (strategy=grow or owner~wei)", true), ("clv>0", false), ("clv!=0", true),
        ]
        for (text, expected) in cases {
            #expect(try AccountFilter.parse(text).matches(a) == expected, "\(text)")
        }
        let errors: [(String, Int, String)] = [
            ("tier=", 6, "expected a value"), ("colour=red", 1, "unknown key"), ("tier=Key and", 13, "expected a term"),
            ("score~5", 7, "is a number"), ("tier<Key", 6, "is text"), ("(tier=Key", 10, "expected ')'"),
            ("owner=\"Chen", 7, "never closed"), ("revenue>lots", 9, "not a number"), ("tier=Key )", 10, "')' without '('"),
        ]
        for (text, column, says) in errors {
            #expect(throws: AccountFilterError.self, "\(text)") { try AccountFilter.parse(text) }
            do { _ = try AccountFilter.parse(text) } catch {
                #expect(error.column == column && error.message.contains(says), "\(text): \(error)")
            }
        }
    }

    /// A demo workspace with overrides, notes, a review and a scenario, saved in a folder.
    func editedWorkspace() throws -> String {
        let folder = temporaryFolder("exportsource")
        var w = DemoGenerator(customers: 60, seed: 11).generate()
        w.settings.scenarios.append(Scenario(name: "growth", weights: [.monetary: 1, .trend: 3]))
        w.customers[0].name = "=HYPERLINK(\"http://x\")"
        let store = try WorkspaceStore.create(folder, workspace: w)
        let id = w.customers[3].id
        try store.record(.setTierOverride(customer: id, override: Override(value: "Key", reason: "board decision", author: "ann", at: t0)), author: "ann", at: t0)
        try store.record(.setStrategyOverride(customer: id, override: Override(value: "grow", reason: "new plant", author: "ann", at: t0)), author: "ann", at: t0)
        try store.record(.addNote(customer: id, note: Note(text: "call, then \"visit\"", author: "ann", at: t0)), author: "ann", at: t0)
        try store.save()
        store.close()
        return folder
    }

    func export(_ folder: String, _ format: ExportFormat, scenario: String? = nil, filter: String = "") throws -> [UInt8] {
        let w = try WorkspaceStore.open(folder, options: .init(readOnly: true)).workspace
        let analysis = PortfolioAnalyzer.analyzeWithLifetimeValue(w, asOf: asOf).analysis
        let chosen = w.settings.scenarios.first { $0.name == scenario }
        let f = try AccountFilter.parse(filter)
        let accounts = ExportedAccount.accounts(analysis, scenario: chosen, filter: f)
        let context = ExportContext(asOf: asOf, scenario: chosen?.name, filter: f, currency: w.settings.currency, tierOrder: analysis.tierNames)
        switch format {
        case .csv: return AccountExporter.csv(accounts)
        case .json: return AccountExporter.json(accounts, workspace: w, context: context)
        case .markdown: return Array(PortfolioNote.markdown(accounts, context: context).utf8)
        }
    }

    @Test func jsonExportImportExportIsIdentical() throws {
        let source = try editedWorkspace()
        for scenario in [nil, "growth"] {
            let first = try export(source, .json, scenario: scenario)
            let path = temporaryFolder("exportfile") + "/export.json"
            _ = FileManager.default.createFile(atPath: path, contents: Data(first))
            let target = temporaryFolder("roundtrip") + "/ws"
            let batch = try Importer.read(transactions: nil, customers: path, options: ImportOptions())
            let summary = try Importer.apply(batch, to: target, dryRun: false)
            #expect(summary.customersAdded == 60)
            let second = try export(target, .json, scenario: scenario)
            #expect(second == first)
            #expect(try export(target, .csv, scenario: scenario) == export(source, .csv, scenario: scenario))
            // Importing the same export again adds nothing.
            let again = try Importer.apply(try Importer.read(transactions: nil, customers: path, options: ImportOptions()), to: target, dryRun: false)
            #expect(again.transactionsAdded == 0 && again.customersAdded == 0 && again.duplicatesSkipped == summary.transactionsAdded)
        }
    }

    @Test func csvExportCarriesDecisionsAndIsGuarded() throws {
        let source = try editedWorkspace()
        let text = String(decoding: try export(source, .csv), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == AccountExporter.csvColumns.joined(separator: ","))
        #expect(lines.count == 62 && lines[61] == "")
        #expect(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        let overridden = try #require(lines.first { $0.contains("board decision") })
        #expect(overridden.contains(",Key,") && overridden.contains(",grow,") && overridden.contains("tier+strategy"))
        #expect(overridden.contains("\"call, then \"\"visit\"\"\""))
        let filtered = String(decoding: try export(source, .csv, filter: "overridden"), as: UTF8.self)
        #expect(filtered.components(separatedBy: "\r\n").count == 3)
    }

    @Test func markdownSummaryHasTheSectionsAndCounts() throws {
        let source = try editedWorkspace()
        let md = String(decoding: try export(source, .markdown, filter: "tier=Key"), as: UTF8.self)
        for heading in ["# Portfolio summary", "## Tiers", "## ABC classes", "## Strategies", "## Top "] {
            #expect(md.contains(heading), "\(heading)")
        }
        #expect(md.contains("filter: `tier=Key`"))
        let keyRow = try #require(md.split(separator: "\n").first { $0.hasPrefix("| Key |") })
        let keyCount = Int(keyRow.split(separator: "|")[1].trimmingCharacters(in: .whitespaces)) ?? -1
        #expect(md.contains("· \(keyCount) accounts ·"))
        #expect(keyCount > 0)
    }
}
