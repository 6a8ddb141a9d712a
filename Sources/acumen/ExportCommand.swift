import Foundation
import AcumenAnalytics
import AcumenCore
import AcumenStore
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


    @OptionGroup var options: AnalysisOptions

    @Option(help: "csv, json or markdown.")
    var format: ExportFormat

    @Option(help: "Only accounts matching this filter, e.g. 'tier=Key and strategy=grow'.")
    var filter: String?

    @Option(name: .shortAndLong, help: "Output file (a regular file, replaced crash-safely), or - for standard output.")
    var output: String

    func run() throws {
        let parsedFilter: AccountFilter
        do { parsedFilter = try AccountFilter.parse(filter ?? "") } catch { throw ValidationError("--filter: " + error.description) }
        let loaded = try options.load()
        let analysis = loaded.analysis
        let accounts = ExportedAccount.accounts(analysis, scenario: loaded.scenario, filter: parsedFilter)
        let context = ExportContext(asOf: loaded.asOf, scenario: loaded.scenario?.name, filter: parsedFilter, currency: loaded.workspace.settings.currency,
                                    tierOrder: analysis.tierNames)
        let bytes = AccountExporter.render(format, accounts, workspace: loaded.workspace, context: context)
        do { try ExportWriter.write(bytes, format: format, to: output) } catch {
            printError("acumen: " + error.description + (error.reason == nil ? "" : " — give a file path, or -o - to write to standard output"))
            throw ExitCode(1)
        }
        if output != "-" {
            printError("Exported \(accounts.count) account\(accounts.count == 1 ? "" : "s") to \(output) (\(format.rawValue)).")
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
