import Foundation
import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI

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
        var text = ""
        writeTable(r) { text += $0 }
        return text
    }

    /// The table handed to `emit` in pieces of whole lines (each ending in a line feed), so a
    /// table of every row streams with constant memory; the pieces join to ``table(_:)``.
    static func writeTable(_ r: PortfolioReport, linesPerPiece: Int = 4096, emit: (String) throws -> Void) rethrows {
        let rankW = max(1, String(r.analysis.count).count)
        let tierW = min(8, max(4, (r.analysis.tierNames.map { DisplayWidth.of($0) }.max() ?? 4) + 1))
        let fixed: [(String, Int, Bool)] = [("Tier", tierW, false), ("Score", 5, true), ("ABC", 5, false),
                                            ("Segment", 11, false), ("Revenue", 8, true), ("Contrib", 8, true), ("Strategy", 9, false)]
        let nameW = max(8, width - rankW - fixed.reduce(0) { $0 + $1.1 } - (fixed.count + 1))
        var lines: [String] = []
        func flush() throws {
            guard !lines.isEmpty else { return }
            try emit(lines.map { TextLayout.fit($0, width: width).replacingTrailingSpaces() + "\n" }.joined())
            lines.removeAll(keepingCapacity: true)
        }
        lines.append(([TextLayout.fit("#", width: rankW, alignment: .right), TextLayout.fit("Customer", width: nameW)]
                      + fixed.map { TextLayout.fit($0.0, width: $0.1, alignment: $0.2 ? .right : .left) }).joined(separator: " "))
        for row in r.rows {
            let cells = [
                TextLayout.fit(String(row.rank), width: rankW, alignment: .right),
                TextLayout.fit(TextSanitizer.sanitize(row.name), width: nameW),
                TextLayout.fit(TextSanitizer.sanitize(row.tier) + (row.tierOverride ? "*" : ""), width: tierW),
                TextLayout.fit(score(row.score), width: 5, alignment: .right),
                TextLayout.fit(row.abc + " " + row.rfm, width: 5),
                TextLayout.fit(TextSanitizer.sanitize(row.segment), width: 11),
                TextLayout.fit(compact(row.revenue), width: 8, alignment: .right),
                TextLayout.fit(compact(row.contribution), width: 8, alignment: .right),
                TextLayout.fit(row.strategy.rawValue + (row.strategyOverride ? "*" : ""), width: 9),
            ]
            lines.append(cells.joined(separator: " "))
            if lines.count >= linesPerPiece { try flush() }
        }
        if r.rows.count < r.analysis.count {
            lines.append("… \(Format.grouped(Int64(r.rows.count))) of \(Format.count(r.analysis.count, "customer")) shown (--limit 0 shows all); * = manual override")
        } else {
            lines.append("* = manual override")
        }
        lines.append("")
        lines += summaryLines(r)
        try flush()
    }

    /// The portfolio summary as text lines.
    static func summaryLines(_ r: PortfolioReport) -> [String] {
        let a = r.analysis, s = r.summary
        // The window as the workbench header shows it (AnalysisWindow), so both agree.
        var lines = ["Portfolio\(r.scenarioName.map { ", scenario \"\(TextSanitizer.sanitize($0))\"," } ?? "") \(a.window): \(Format.count(s.customers, "customer"))"]
        let head = TextLayout.fit("", width: 14) + TextLayout.fit("Customers", width: 10, alignment: .right) + TextLayout.fit("Share", width: 8, alignment: .right)
            + TextLayout.fit("Revenue", width: 12, alignment: .right) + TextLayout.fit("Share", width: 8, alignment: .right)
            + TextLayout.fit("Contrib", width: 12, alignment: .right) + TextLayout.fit("Share", width: 8, alignment: .right)
        func group(_ g: PortfolioSummary.Group) -> String {
            TextLayout.fit(TextSanitizer.sanitize(g.name), width: 14) + TextLayout.fit(String(g.customers), width: 10, alignment: .right)
                + TextLayout.fit(percent(g.customerShare), width: 8, alignment: .right) + TextLayout.fit(compact(Money(minor: g.revenue)), width: 12, alignment: .right)
                + TextLayout.fit(percent(g.revenueShare), width: 8, alignment: .right)
                + TextLayout.fit(compact(Money(minor: g.contribution)), width: 12, alignment: .right)
                + TextLayout.fit(percent(g.contributionShare), width: 8, alignment: .right)
        }
        lines.append(TextLayout.fit("Tier", width: 14) + head.dropFirst(14))
        lines += s.tiers.map(group)
        lines.append(TextLayout.fit(s.abcMeasure == .revenue ? "ABC (revenue)" : "ABC (contrib)", width: 14) + head.dropFirst(14))
        lines += s.abc.map(group)
        lines.append("Top 20% of customers hold \(percent(s.top20Share)) of \(s.abcMeasure.rawValue); \(s.belowBreakEven) below break-even.")
        lines += wrap("Strategies:", s.strategies.map { "\($0.strategy.rawValue) \($0.customers)" })
        lines += wrap("Segments:", s.segments.map { "\(TextSanitizer.sanitize($0.segment)) \($0.customers)" })
        if let c = r.comparison {
            lines.append("Tier moves vs baseline: \(c.movedUp) up, \(c.movedDown) down (rows: baseline → scenario)")
            let names = a.tierNames.map { TextLayout.fit(TextSanitizer.sanitize($0), width: 9, alignment: .right) }.joined()
            lines.append(TextLayout.fit("", width: 10) + names)
            for (i, row) in c.migration.enumerated() {
                lines.append(TextLayout.fit(TextSanitizer.sanitize(a.tierNames[i]), width: 10) + row.map { TextLayout.fit(String($0), width: 9, alignment: .right) }.joined())
            }
        }
        lines += a.warnings.map { "warning: " + TextSanitizer.sanitize($0) }
        return lines
    }

    /// `label item · item · …` wrapped to the table width.
    static func wrap(_ label: String, _ items: [String]) -> [String] {
        var lines: [String] = []
        var line = label
        for item in items {
            if DisplayWidth.of(line) + 3 + DisplayWidth.of(item) > width, line != label {
                lines.append(line); line = "  " + item
            } else { line += (line == label ? " " : " · ") + item }
        }
        lines.append(line)
        return lines
    }

    /// The rows and summary as a Markdown table (pipes and line breaks in names escaped).
    static func markdown(_ r: PortfolioReport) -> String {
        func cell(_ s: String) -> String {
            TextSanitizer.sanitize(s).replacingOccurrences(of: "|", with: "\\|")
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
