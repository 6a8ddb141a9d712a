import Foundation
import AcumenAnalytics
import AcumenCore
import AcumenStore
import ArgumentParser

/// `acumen report DIR`: per-customer scores, tiers, ABC, RFM, strategy and the portfolio summary.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the portfolio analysis: one row per customer and a summary.",
        discussion: "Scores, tiers, ABC classes, RFM segments and strategies as of --as-of (default: the workspace's asOf, else today). Formulas: docs/analytics.md."
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, markdown }

    @OptionGroup var options: AnalysisOptions

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: Format = .table

    @Option(help: "Sort rows by: \(PortfolioReport.SortField.allCases.map(\.rawValue).joined(separator: ", ")).")
    var sort: String = "rank"

    // `.unconditional` so `--limit -3` reaches validate() and gets its own message, not "Missing value".
    @Option(parsing: .unconditional, help: "At most N rows (0 = all; default: 20 for the table, all otherwise).")
    var limit: Int?

    func validate() throws {
        if PortfolioReport.SortField(rawValue: sort) == nil {
            throw ValidationError("--sort must be one of \(PortfolioReport.SortField.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 (all rows) or a positive number of rows, not \(limit)") }
    }

    func run() throws {
        let loaded = try options.load()
        let field = PortfolioReport.SortField(rawValue: sort) ?? .rank
        let rowLimit = limit ?? (format == .table ? 20 : 0)
        let report = PortfolioReport(analysis: loaded.analysis, scenario: loaded.scenario, sort: field, limit: rowLimit)
        let text: String
        switch format {
        case .table: text = ReportFormatter.table(report)
        case .json:
            var json = report.json
            if case .object(var o) = json, let clv = loaded.lifetimeValue {
                o["lifetimeValue"] = clv.json
                json = .object(o)
            }
            text = JSONWriter.pretty(json) + "\n"
        case .csv: text = report.csv
        case .markdown: text = ReportFormatter.markdown(report)
        }
        writeStandardOutput(text)
    }
}
