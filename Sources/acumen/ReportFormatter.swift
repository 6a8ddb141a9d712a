import Foundation
import AcumenAnalytics
import AcumenCore
import AcumenStore

/// Renders a ``PortfolioReport`` as an 80-column text table or as Markdown.
enum ReportFormatter {
    /// Total width of the text table.
    static let width = 80

    /// Compact money for narrow columns: `1234`, `12345k`, `1234M` (currency units, rounded).
    static func compact(_ m: Money) -> String {
        let u = m.units, a = abs(u), sign = u < 0 ? "-" : ""
        if a < 100_000 { return sign + String(Int(a.rounded())) }
        if a < 100_000_000 { return sign + String(Int((a / 1e3).rounded())) + "k" }
        if a < 100_000_000_000 { return sign + String(Int((a / 1e6).rounded())) + "M" }
        return sign + String(Int((a / 1e9).rounded())) + "G"
    }

    /// A percentage with one decimal, e.g. `12.5%`.
    static func percent(_ x: Double) -> String { String((x * 1000).rounded() / 10) + "%" }

    /// A score with one decimal.
    static func score(_ x: Double) -> String { String((x * 10).rounded() / 10) }

    /// The table: a header, the rows, then the portfolio summary; every line ≤ 80 cells.
    static func table(_ r: PortfolioReport) -> String {
        let rankW = max(1, String(r.analysis.count).count)
        let tierW = min(8, max(4, (r.analysis.tierNames.map { ReportText.width($0) }.max() ?? 4) + 1))
        let fixed: [(String, Int, Bool)] = [("Tier", tierW, false), ("Score", 5, true), ("ABC", 5, false),
                                            ("Segment", 11, false), ("Revenue", 8, true), ("Contrib", 8, true), ("Strategy", 9, false)]
        let nameW = max(8, width - rankW - fixed.reduce(0) { $0 + $1.1 } - (fixed.count + 1))
        var lines: [String] = []
        lines.append(([ReportText.fit("#", rankW, right: true), ReportText.fit("Customer", nameW)]
                      + fixed.map { ReportText.fit($0.0, $0.1, right: $0.2) }).joined(separator: " "))
        for row in r.rows {
            let cells = [
                ReportText.fit(String(row.rank), rankW, right: true),
                ReportText.fit(ReportText.sanitized(row.name), nameW),
                ReportText.fit(ReportText.sanitized(row.tier) + (row.tierOverride ? "*" : ""), tierW),
                ReportText.fit(score(row.score), 5, right: true),
                ReportText.fit(row.abc + " " + row.rfm, 5),
                ReportText.fit(ReportText.sanitized(row.segment), 11),
                ReportText.fit(compact(row.revenue), 8, right: true),
                ReportText.fit(compact(row.contribution), 8, right: true),
                ReportText.fit(row.strategy.rawValue + (row.strategyOverride ? "*" : ""), 9),
            ]
            lines.append(cells.joined(separator: " "))
        }
        if r.rows.count < r.analysis.count {
            lines.append("… \(r.rows.count) of \(r.analysis.count) customers shown (--limit 0 shows all); * = manual override")
        } else {
            lines.append("* = manual override")
        }
        lines.append("")
        lines += summaryLines(r)
        return lines.map { ReportText.fit($0, width).replacingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }

    /// The portfolio summary as text lines.
    static func summaryLines(_ r: PortfolioReport) -> [String] {
        let a = r.analysis, s = r.summary
        var lines = ["Portfolio as of \(a.asOf.iso)\(r.scenarioName.map { ", scenario \"\(ReportText.sanitized($0))\"" } ?? ""): "
                     + "\(s.customers) customers, window \(a.windowStart.iso) to \(a.asOf.adding(days: -1).iso)"]
        let head = ReportText.fit("", 14) + ReportText.fit("Customers", 10, right: true) + ReportText.fit("Share", 8, right: true)
            + ReportText.fit("Revenue", 12, right: true) + ReportText.fit("Share", 8, right: true)
            + ReportText.fit("Contrib", 12, right: true) + ReportText.fit("Share", 8, right: true)
        func group(_ g: PortfolioSummary.Group) -> String {
            ReportText.fit(ReportText.sanitized(g.name), 14) + ReportText.fit(String(g.customers), 10, right: true)
                + ReportText.fit(percent(g.customerShare), 8, right: true) + ReportText.fit(compact(Money(minor: g.revenue)), 12, right: true)
                + ReportText.fit(percent(g.revenueShare), 8, right: true)
                + ReportText.fit(compact(Money(minor: g.contribution)), 12, right: true)
                + ReportText.fit(percent(g.contributionShare), 8, right: true)
        }
        lines.append(ReportText.fit("Tier", 14) + head.dropFirst(14))
        lines += s.tiers.map(group)
        lines.append(ReportText.fit(s.abcMeasure == .revenue ? "ABC (revenue)" : "ABC (contrib)", 14) + head.dropFirst(14))
        lines += s.abc.map(group)
        lines.append("Top 20% of customers hold \(percent(s.top20Share)) of \(s.abcMeasure.rawValue); \(s.belowBreakEven) below break-even.")
        lines += wrap("Strategies:", s.strategies.map { "\($0.strategy.rawValue) \($0.customers)" })
        lines += wrap("Segments:", s.segments.map { "\(ReportText.sanitized($0.segment)) \($0.customers)" })
        if let c = r.comparison {
            lines.append("Tier moves vs baseline: \(c.movedUp) up, \(c.movedDown) down (rows: baseline → scenario)")
            let names = a.tierNames.map { ReportText.fit(ReportText.sanitized($0), 9, right: true) }.joined()
            lines.append(ReportText.fit("", 10) + names)
            for (i, row) in c.migration.enumerated() {
                lines.append(ReportText.fit(ReportText.sanitized(a.tierNames[i]), 10) + row.map { ReportText.fit(String($0), 9, right: true) }.joined())
            }
        }
        lines += a.warnings.map { "warning: " + ReportText.sanitized($0) }
        return lines
    }

    /// `label item · item · …` wrapped to the table width.
    static func wrap(_ label: String, _ items: [String]) -> [String] {
        var lines: [String] = []
        var line = label
        for item in items {
            if ReportText.width(line) + 3 + ReportText.width(item) > width, line != label {
                lines.append(line); line = "  " + item
            } else { line += (line == label ? " " : " · ") + item }
        }
        lines.append(line)
        return lines
    }

    /// The rows and summary as a Markdown table (pipes and line breaks in names escaped).
    static func markdown(_ r: PortfolioReport) -> String {
        func cell(_ s: String) -> String {
            ReportText.sanitized(s).replacingOccurrences(of: "|", with: "\\|")
        }
        var out = "| Rank | ID | Customer | Tier | Score | ABC | RFM | Segment | Revenue | Margin | Contribution | CLV | Strategy | Override |\n"
        out += "|---:|---|---|---|---:|---|---|---|---:|---:|---:|---:|---|---|\n"
        for row in r.rows {
            let override = [row.tierOverride ? "tier" : nil, row.strategyOverride ? "strategy" : nil].compactMap { $0 }.joined(separator: ", ")
            let clv = row.predictedCLV.map { String((($0 * 100).rounded()) / 100) } ?? ""
            out += "| \(row.rank) | \(cell(row.id)) | \(cell(row.name)) | \(cell(row.tier)) | \(score(row.score)) | \(row.abc) | \(row.rfm) | "
                + "\(cell(row.segment)) | \(row.revenue) | \(row.margin) | \(row.contribution) | \(clv) | \(row.strategy.rawValue) | \(override) |\n"
        }
        out += "\n```\n" + summaryLines(r).joined(separator: "\n") + "\n```\n"
        return out
    }
}

extension String {
    /// The string without trailing spaces.
    func replacingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
