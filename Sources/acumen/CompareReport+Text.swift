import AcumenAnalytics
import AcumenCore
import AcumenUI
import AcumenStore

/// The comparison of two dates as an 80-column text table, Markdown, or one CSV line per customer.
extension CompareReport {
    /// Money in whole currency units, compact (`12345`, `1234k`).
    static func money(_ minor: Int64) -> String { ReportFormatter.compact(Money(minor: minor)) }

    /// The heading lines shared by the table and Markdown.
    var heading: [String] {
        let c = comparison
        return ["Changes between two dates" + (scenario.map { ", scenario \"\(TextSanitizer.sanitize($0))\"" } ?? ""),
                "  same weights at both dates, so only the data moved",
                "  earlier: \(c.earlier.window)", "  later:   \(c.later.window)",
                "  \(Format.count(c.count, "customer")); \(Format.grouped(Int64(c.newCustomers.count))) new since the earlier date; \(Format.grouped(Int64(c.goneQuiet.count))) gone quiet",
                "  (gone quiet: purchased in the earlier window, not in the later)"]
    }

    /// Text lines of a matrix: rows are the earlier classes, columns the later ones, with totals.
    static func matrixLines(_ title: String, _ m: MigrationMatrix) -> [String] {
        let nameW = 12, cellW = max(4, min(8, (ReportFormatter.width - nameW) / max(1, m.classes.count + 1) - 1))
        var lines = [title]
        lines.append(TextLayout.fit("from \\ to", width: nameW) + m.classes.map { " " + TextLayout.fit(TextSanitizer.sanitize($0), width: cellW, alignment: .right) }.joined()
                     + " " + TextLayout.fit("total", width: cellW, alignment: .right))
        for (i, row) in m.cells.enumerated() {
            lines.append(TextLayout.fit(TextSanitizer.sanitize(m.classes[i]), width: nameW) + row.map { " " + TextLayout.fit(String($0.count), width: cellW, alignment: .right) }.joined()
                         + " " + TextLayout.fit(String(m.rowSums[i]), width: cellW, alignment: .right))
        }
        lines.append(TextLayout.fit("total", width: nameW) + m.columnSums.map { " " + TextLayout.fit(String($0), width: cellW, alignment: .right) }.joined()
                     + " " + TextLayout.fit(String(m.total), width: cellW, alignment: .right))
        return lines
    }

    /// The report as text, every line at most 80 cells.
    var table: String {
        let c = comparison, customers = c.later.customers
        var lines = heading + [""]
        lines += Self.matrixLines("Tier migration (customers)", c.tiers) + [""]
        lines += Self.matrixLines("ABC migration (customers)", c.abc) + [""]
        lines += Self.matrixLines("RFM segment migration (customers)", c.segments) + [""]
        lines.append("Per tier         customers            revenue       contribution")
        for t in c.tierChanges {
            lines.append(TextLayout.fit(TextSanitizer.sanitize(t.tier), width: 12)
                         + TextLayout.fit("\(t.earlier.customers) → \(t.later.customers)", width: 15, alignment: .right)
                         + TextLayout.fit("\(Self.money(t.earlier.revenue)) → \(Self.money(t.later.revenue))", width: 19, alignment: .right)
                         + TextLayout.fit("\(Self.money(t.earlier.contribution)) → \(Self.money(t.later.contribution))", width: 19, alignment: .right))
        }
        for (title, dir) in [("Movers up", RankMovers.Direction.up), ("Movers down", .down)] {
            lines += ["", title + "  (Δscore in points, Δrank positive = up)"]
            let list = movers(dir)
            if list.isEmpty { lines.append("  none") }
            for m in list {
                lines.append("  " + TextLayout.fit(TextSanitizer.sanitize(customers[m.index].name), width: 30)
                             + TextLayout.fit("\(TextSanitizer.sanitize(m.earlierTier)) → \(TextSanitizer.sanitize(m.laterTier))", width: 20)
                             + TextLayout.fit(Self.signed(m.scoreDelta), width: 8, alignment: .right) + TextLayout.fit(String(m.rankDelta), width: 9, alignment: .right))
            }
        }
        lines += ["", "Decisions against outcomes (accounts triaged before \(c.earlier.asOf.iso))"]
        let decided = c.decisions.filter { $0.count > 0 }
        if decided.isEmpty { lines.append("  none recorded") }
        for d in decided {
            lines.append("  \(d.strategy.title): \(d.count) account\(d.count == 1 ? "" : "s"), revenue \(Self.change(d.revenueChange)), "
                         + "contribution \(Self.change(d.contributionChange))")
        }
        return lines.map { TextLayout.fit($0, width: ReportFormatter.width).replacingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }

    /// A Markdown table of a matrix (counts, and later revenue in brackets).
    static func markdownMatrix(_ m: MigrationMatrix) -> String {
        var t = MarkdownTable(headers: ["earlier \\ later"] + m.classes + ["total"],
                              alignments: [.left] + m.classes.map { _ in .right } + [.right])
        for (i, row) in m.cells.enumerated() { t.add([m.classes[i]] + row.map { String($0.count) } + [String(m.rowSums[i])]) }
        t.add(["total"] + m.columnSums.map(String.init) + [String(m.total)])
        return t.markdown
    }

    /// The report as Markdown.
    var markdown: String {
        let c = comparison, customers = c.later.customers
        var out = "# " + heading[0] + "\n\n" + heading[1...].map { "- " + $0.trimmingLeadingSpaces() }.joined(separator: "\n") + "\n"
        for (title, m) in [("Tier migration", c.tiers), ("ABC migration", c.abc), ("RFM segment migration", c.segments)] {
            out += "\n## \(title) (customers)\n\n" + Self.markdownMatrix(m)
        }
        var tiers = MarkdownTable(headers: ["Tier", "Customers", "Δ", "Revenue", "Δ", "Contribution", "Δ"],
                                  alignments: [.left, .right, .right, .right, .right, .right, .right])
        for t in c.tierChanges {
            tiers.add([t.tier, "\(t.earlier.customers) → \(t.later.customers)", String(t.later.customers - t.earlier.customers),
                       "\(Money(minor: t.earlier.revenue)) → \(Money(minor: t.later.revenue))", Money(minor: t.later.revenue - t.earlier.revenue).description,
                       "\(Money(minor: t.earlier.contribution)) → \(Money(minor: t.later.contribution))",
                       Money(minor: t.later.contribution - t.earlier.contribution).description])
        }
        out += "\n## Per tier (\(currency))\n\n" + tiers.markdown
        for (title, dir) in [("Movers up", RankMovers.Direction.up), ("Movers down", .down)] {
            var t = MarkdownTable(headers: ["Customer", "Tier", "Δscore", "Δrank"], alignments: [.left, .left, .right, .right])
            for m in movers(dir) {
                t.add([customers[m.index].name, "\(m.earlierTier) → \(m.laterTier)", Self.signed(m.scoreDelta), String(m.rankDelta)])
            }
            out += "\n## \(title)\n\n" + t.markdown
        }
        var d = MarkdownTable(headers: ["Decided strategy", "Accounts", "Revenue change", "Contribution change"],
                              alignments: [.left, .right, .right, .right])
        for g in c.decisions { d.add([g.strategy.title, String(g.count), Self.change(g.revenueChange), Self.change(g.contributionChange)]) }
        out += "\n## Decisions against outcomes (triaged before \(c.earlier.asOf.iso))\n\n" + d.markdown
        return out
    }

    /// One CSV line per customer: classes, scores, ranks and revenue at both dates, and the flags.
    var csv: String {
        let c = comparison, e = c.scores.baseline, l = c.scores.scenario, names = c.later.tierNames
        let fresh = Set(c.newCustomers), quiet = Set(c.goneQuiet)
        var w = CSVWriter()
        w.row(["id", "name", "earlierTier", "laterTier", "earlierAbc", "laterAbc", "earlierSegment", "laterSegment",
               "earlierScore", "laterScore", "scoreDelta", "earlierRank", "laterRank", "rankDelta",
               "earlierRevenue", "laterRevenue", "new", "goneQuiet"])
        for k in 0..<c.count {
            let cu = c.later.customers[k]
            w.row([.text(cu.id), .text(cu.name), .text(names[Int(e.effectiveTiers[k])]), .text(names[Int(l.effectiveTiers[k])]),
                   .text(c.earlier.abc.className(k)), .text(c.later.abc.className(k)),
                   .text(c.earlier.rfm.segmentName(k)), .text(c.later.rfm.segmentName(k)),
                   .number(String((e.scores[k] * 1e4).rounded() / 1e4)), .number(String((l.scores[k] * 1e4).rounded() / 1e4)),
                   .number(String((c.scoreDelta(k) * 1e4).rounded() / 1e4)),
                   .number(String(e.ranks[k])), .number(String(l.ranks[k])), .number(String(c.rankDelta(k))),
                   .number(Money(minor: c.earlier.revenue[k]).decimalText), .number(Money(minor: c.later.revenue[k]).decimalText),
                   .number(fresh.contains(Int32(k)) ? "1" : "0"), .number(quiet.contains(Int32(k)) ? "1" : "0")])
        }
        return w.text
    }
}

extension String {
    /// The string without leading spaces.
    func trimmingLeadingSpaces() -> String { String(drop { $0 == " " }) }
}
