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
    @Option(parsing: .unconditional, help: "At most N rows (0 = all; default: 20 for the table, all otherwise). With --compare-as-of: movers each way and ids per list (default 20).")
    var limit: Int?

    @Option(name: .customLong("compare-as-of"), help: "Compare with the portfolio as of this date yyyy-MM-dd: tier, ABC and RFM migration, movers, new and quiet customers, decisions against outcomes (same weights for both dates).")
    var compareAsOf: String?

    func validate() throws {
        if PortfolioReport.SortField(rawValue: sort) == nil {
            throw ValidationError("--sort must be one of \(PortfolioReport.SortField.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 (all rows) or a positive number of rows, not \(limit)") }
        if let compareAsOf, Day(iso: compareAsOf) == nil { throw ValidationError("--compare-as-of must be a date yyyy-MM-dd, not \"\(compareAsOf)\"") }
    }

    func run() throws {
        let loaded = try options.load()
        if let other = compareAsOf.flatMap({ Day(iso: $0) }) {
            let c = CompareReport.build(loaded, other: other, lifetimeValue: !options.noLifetimeValue, limit: limit ?? 20)
            let text = switch format { case .table: c.table; case .json: JSONWriter.pretty(c.json) + "\n"; case .csv: c.csv; case .markdown: c.markdown }
            return writeStandardOutput(text, sanitize: format == .table || format == .markdown)
        }
        let field = PortfolioReport.SortField(rawValue: sort) ?? .rank
        let rowLimit = limit ?? (format == .table ? 20 : 0)
        let report = PortfolioReport(analysis: loaded.analysis, scenario: loaded.scenario, sort: field, limit: rowLimit)
        switch format {
        case .table:
            // Streamed in pieces of whole lines, each sanitised as the whole table would be.
            ReportFormatter.writeTable(report) { writeStandardOutput($0, sanitize: true) }
        case .json, .csv:
            // Streamed: constant memory, numbers formatted straight into bytes.
            var out = StreamedOutput.standardOutput()
            if format == .json {
                try report.writeJSON(extra: loaded.lifetimeValue.map { ["lifetimeValue": $0.json] } ?? [:], to: &out)
                out.append("\n")
            } else {
                try report.writeCSV(to: &out)
            }
            try out.flush()
        case .markdown: writeStandardOutput(ReportFormatter.markdown(report), sanitize: true)
        }
    }
}
