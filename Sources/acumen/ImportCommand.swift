import Foundation
import AcumenAnalytics
import AcumenCore
import AcumenStore
import ArgumentParser

/// `acumen import DIR --transactions FILE [--customers FILE]`: brings CSV, TSV,
/// whitespace-separated or JSON Lines data into a workspace, all or nothing.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import transactions and customers from CSV, TSV, whitespace-separated or JSON Lines files.",
        discussion: """
        Creates DIR when it holds no workspace; otherwise merges by customer id, keeping every edit. \
        Rows equal in customer, date, amount and quantity to stored ones are skipped, so importing \
        the same file twice changes nothing. Every row is checked first; any problem means nothing \
        is written. See docs/import-export.md.
        Example: acumen import /tmp/cdnow --transactions CDNOW_master.txt
        """
    )

    @Argument(help: "Workspace folder (created if it holds no workspace).")
    var directory: String

    @Option(help: "Transactions file: customer, date, amount, and optionally margin or cost, quantity.")
    var transactions: String?

    @Option(help: "Customers file: id, name, industry, region, owner, cost to serve, tags.")
    var customers: String?

    @Option(help: ArgumentHelp("Column mapping, e.g. 'customer=Cust ID,date=Order Date,amount=Total' or 'amount=#4'.",
                               valueName: "field=column,..."))
    var map: String?

    @Option(help: "Date format: yyyy-MM-dd, yyyyMMdd, dd/MM/yyyy or MM/dd/yyyy (default: detected).")
    var dateFormat: String?

    @Option(help: "Field separator: ',', ';', '|', tab, whitespace or jsonl (default: detected).")
    var delimiter: String?

    @Flag(inversion: .prefixedNo, help: "Whether the first line is a header (default: detected).")
    var header: Bool?

    @Flag(help: "Amounts use a decimal comma (1.234,50); default: detected.")
    var decimalComma = false

    @Flag(help: "Amounts use a decimal point even if they look like decimal commas.")
    var decimalPoint = false

    @Flag(help: "Show what would change and write nothing.")
    var dryRun = false

    @Flag(help: "Show progress on standard error even when it is not a terminal.")
    var progress = false

    func validate() throws {
        if transactions == nil && customers == nil { throw ValidationError("give --transactions FILE and/or --customers FILE") }
        if decimalComma && decimalPoint { throw ValidationError("--decimal-comma and --decimal-point exclude each other") }
    }

    func options() throws -> ImportOptions {
        var o = ImportOptions()
        if let map {
            do { o.mapping = try ColumnReference.parseMapping(map) } catch { throw ValidationError(error.description) }
        }
        if let dateFormat {
            guard let f = ImportDateFormat(argument: dateFormat) else {
                throw ValidationError("--date-format: unknown format '\(dateFormat)' (use yyyy-MM-dd, yyyyMMdd, dd/MM/yyyy or MM/dd/yyyy)")
            }
            o.dateFormat = f
        }
        if let delimiter {
            guard let d = ImportDelimiter(argument: delimiter) else {
                throw ValidationError("--delimiter: use one character such as ',' ';' '|', or tab, whitespace, jsonl")
            }
            o.delimiter = d
        }
        o.hasHeader = header
        o.decimalComma = decimalComma ? true : decimalPoint ? false : nil
        return o
    }

    func run() throws {
        let opts = try options()
        let meter = ProgressMeter(force: progress)
        let batch: ImportBatch
        do {
            batch = try Importer.read(transactions: transactions, customers: customers, options: opts, progress: meter.report)
        } catch {
            meter.finish()
            printError(error.description)
            throw ExitCode(1)
        }
        meter.finish()
        for plan in batch.plans { for line in plan.summaryLines { printLine(line) } }
        do {
            let summary = try Importer.apply(batch, to: directory, dryRun: dryRun, progress: meter.report)
            meter.finish()
            printLine(dryRun ? "Dry run — nothing was written. The import would give:" : "Imported into \(directory):")
            for line in summary.lines { printLine("  " + line) }
        } catch {
            meter.finish()
            printError("acumen: " + error.description)
            throw ExitCode(1)
        }
    }
}
