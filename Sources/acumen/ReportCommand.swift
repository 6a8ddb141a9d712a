import Foundation
import AcumenModel
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

    @Argument(help: "Workspace folder.")
    var directory: String

    @Option(name: .customLong("as-of"), help: "Analysis date yyyy-MM-dd (transactions on or after it are ignored).")
    var asOf: String?

    @Option(help: "Score with a named scenario's weights and compare with the baseline.")
    var scenario: String?

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: Format = .table

    @Option(help: "Sort rows by: \(PortfolioReport.SortField.allCases.map(\.rawValue).joined(separator: ", ")).")
    var sort: String = "rank"

    @Option(help: "At most N rows (0 = all; default: 20 for the table, all otherwise).")
    var limit: Int?

    @Flag(help: "Skip the BG/NBD × Gamma-Gamma lifetime-value fit (predicted CLV and P(alive) stay unknown).")
    var noLifetimeValue = false

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of must be a date yyyy-MM-dd, not \"\(asOf)\"") }
        if PortfolioReport.SortField(rawValue: sort) == nil {
            throw ValidationError("--sort must be one of \(PortfolioReport.SortField.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
    }

    func run() throws {
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
                throw ValidationError("no scenario \"\(scenario)\" in \(directory)/settings.json"
                                      + (names.isEmpty ? " (it defines none)" : "; known: \(names.joined(separator: ", "))"))
            }
            chosen = s
        }
        let (analysis, clv) = noLifetimeValue ? (PortfolioAnalyzer.analyze(workspace, asOf: day), nil)
            : PortfolioAnalyzer.analyzeWithLifetimeValue(workspace, asOf: day)
        let field = PortfolioReport.SortField(rawValue: sort) ?? .rank
        let rowLimit = limit ?? (format == .table ? 20 : 0)
        let report = PortfolioReport(analysis: analysis, scenario: chosen, sort: field, limit: rowLimit)
        let text: String
        switch format {
        case .table: text = ReportFormatter.table(report)
        case .json:
            var json = report.json
            if case .object(var o) = json, let clv {
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

/// Writes text to file descriptor 1 in full (large reports, no buffering surprises).
func writeStandardOutput(_ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buf in
        var done = 0
        while done < buf.count, let base = buf.baseAddress {
            let n = Glibc.write(1, base + done, buf.count - done)
            if n <= 0 { break }
            done += n
        }
    }
}
