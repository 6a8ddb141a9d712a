import Foundation
import AcumenModel
import ArgumentParser

/// `acumen export DIR --format csv|json|markdown -o FILE`: the accounts with their tier, score,
/// segment, ABC class, strategy, overrides and notes, or a Markdown portfolio summary.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export accounts as CSV or JSON, or a portfolio summary as Markdown.",
        discussion: """
        Filter grammar: key op value joined by 'and' / 'or', 'not', parentheses; text keys \
        (id name tier segment abc strategy owner industry region tag reason) take = != ~ !~, number keys \
        (score revenue contribution clv margin costToServe) take = != < <= > >=; flags: belowBreakEven \
        overridden reviewed unreviewed hasNotes. Example: --filter 'tier=Key and owner~"Chen"'. \
        A JSON export can be imported again (acumen import NEWDIR --customers FILE). See docs/import-export.md.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, markdown }

    @Argument(help: "Workspace folder.")
    var directory: String

    @Option(help: "csv, json or markdown.")
    var format: Format

    @Option(help: "Score with a named scenario's weights.")
    var scenario: String?

    @Option(help: "Only accounts matching this filter, e.g. 'tier=Key and strategy=grow'.")
    var filter: String?

    @Option(name: .customLong("as-of"), help: "Analysis date yyyy-MM-dd (default: the workspace's asOf, else today).")
    var asOf: String?

    @Flag(help: "Skip the BG/NBD × Gamma-Gamma lifetime-value fit (the CLV column stays empty).")
    var noLifetimeValue = false

    @Option(name: .shortAndLong, help: "Output file, or - for standard output.")
    var output: String

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of must be a date yyyy-MM-dd, not \"\(asOf)\"") }
    }

    func run() throws {
        let parsedFilter: AccountFilter
        do { parsedFilter = try AccountFilter.parse(filter ?? "") } catch { throw ValidationError("--filter: " + error.description) }
        let workspace: Workspace
        do {
            let store = try WorkspaceStore.open(directory, options: .init(readOnly: true))
            for w in store.warnings { printError(w.description) }
            workspace = store.workspace
        } catch { throw fail(error) }
        let day = asOf.flatMap { Day(iso: $0) } ?? workspace.asOf(fallback: today())
        var chosen: Scenario?
        if let scenario {
            guard let s = workspace.settings.scenarios.first(where: { $0.name == scenario }) else {
                let names = workspace.settings.scenarios.map(\.name)
                throw ValidationError("no scenario \"\(scenario)\" in \(directory)/settings.json" + (names.isEmpty ? " (it defines none)" : "; known: \(names.joined(separator: ", "))"))
            }
            chosen = s
        }
        let analysis = noLifetimeValue ? PortfolioAnalyzer.analyze(workspace, asOf: day)
            : PortfolioAnalyzer.analyzeWithLifetimeValue(workspace, asOf: day).analysis
        let accounts = ExportedAccount.accounts(analysis, scenario: chosen, filter: parsedFilter)
        let context = ExportContext(asOf: day, scenario: chosen?.name, filter: parsedFilter, currency: workspace.settings.currency,
                                    tierOrder: analysis.tierNames)
        let bytes: [UInt8]
        switch format {
        case .csv: bytes = AccountExporter.csv(accounts)
        case .json: bytes = AccountExporter.json(accounts, workspace: workspace, context: context)
        case .markdown: bytes = Array(PortfolioNote.markdown(accounts, context: context).utf8)
        }
        if output == "-" {
            writeStandardOutput(String(decoding: bytes, as: UTF8.self))
        } else {
            do { try AtomicFile().replace(output, with: bytes) } catch {
                printError("acumen: " + error.description)
                throw ExitCode(1)
            }
            printError("Exported \(accounts.count) account\(accounts.count == 1 ? "" : "s") to \(output) (\(format.rawValue)).")
        }
    }
}
