import Foundation
import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI
import ArgumentParser

/// `acumen export DIR --format csv|json|markdown -o FILE`: the accounts with their tier, score,
/// segment, ABC class, strategy, overrides and notes, or a Markdown portfolio summary.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export accounts as CSV or JSON, or a portfolio summary as Markdown.",
        discussion: """
        Filter grammar (the workbench's filter prompt speaks the same): key op value, terms side by side \
        or joined by 'and' / 'or', 'not', parentheses; key:value is key=value on codes (tier segment abc \
        strategy) and numbers, key~value on text (id name owner industry region tag reason); number keys \
        (score revenue contribution clv margin costToServe r f) take = != < <= > >=; flags: belowBreakEven \
        overridden reviewed unreviewed hasNotes; a bare word searches names and ids. An unknown key or \
        value is an error. Example: --filter 'tier=Key and owner~"Chen"'. \
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
        // Syntax first (before loading), then the values against the workspace's tiers and segments.
        _ = try Self.parse(filter ?? "", vocabulary: .init())
        let loaded = try options.load()
        let analysis = loaded.analysis
        let parsedFilter = try Self.parse(filter ?? "", vocabulary: .init(analysis))
        let accounts = ExportedAccount.accounts(analysis, scenario: loaded.scenario, filter: parsedFilter)
        let context = ExportContext(asOf: loaded.asOf, scenario: loaded.scenario?.name, filter: parsedFilter, currency: loaded.workspace.settings.currency,
                                    tierOrder: analysis.tierNames)
        if output == "-", format != .markdown {
            // Data formats stream to standard output as they are (constant memory).
            var out = StreamedOutput.standardOutput()
            try AccountExporter.write(format, accounts, workspace: loaded.workspace, context: context, to: &out)
            try out.flush()
            return
        }
        let bytes = AccountExporter.render(format, accounts, workspace: loaded.workspace, context: context)
        do { try ExportWriter.write(bytes, format: format, to: output) } catch {
            printError("acumen: " + error.description + (error.reason == nil ? "" : " — give a file path, or -o - to write to standard output"))
            throw ExitCode(1)
        }
        if output != "-" {
            printError("Exported \(Format.count(accounts.count, "account")) to \(output) (\(format.rawValue)).")
        }
    }
}

extension ExportCommand {
    /// Parses `--filter`; an error names its column and points at it under the filter text.
    static func parse(_ text: String, vocabulary: AccountFilter.Vocabulary) throws -> AccountFilter {
        do { return try AccountFilter.parse(text, vocabulary: vocabulary) } catch {
            let pointer = String(repeating: " ", count: max(0, error.column - 1)) + "^"
            throw ValidationError("--filter: \(error.description)\n  \(text)\n  \(pointer)")
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
