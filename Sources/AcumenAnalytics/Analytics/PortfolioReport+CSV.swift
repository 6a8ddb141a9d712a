import AcumenCore
import Foundation

/// CSV form of a report's rows (RFC 4180), guarded against spreadsheet formula injection.
extension PortfolioReport {
    /// The CSV column names, in order.
    public static let csvColumns = [
        "rank", "id", "name", "score", "tier", "tier_override", "abc", "r", "f", "m", "segment", "revenue", "margin",
        "cost_to_serve", "contribution", "below_break_even", "purchases", "recency_days", "historical_clv", "predicted_clv",
        "p_alive", "strategy", "recommended_strategy", "strategy_override", "baseline_score", "baseline_rank", "baseline_tier",
    ]

    /// The rows as CSV text: a header line, then one line per row, `\r\n` line ends.
    public var csv: String {
        var out = Self.csvColumns.joined(separator: ",") + "\r\n"
        for r in rows {
            let fields: [String] = [
                String(r.rank), r.id, r.name, String(rounded(r.score, 4)), r.tier, r.tierOverride ? "yes" : "",
                r.abc, String(r.r), String(r.f), String(r.m), r.segment, r.revenue.decimalText, r.margin.decimalText,
                r.costToServe.decimalText, r.contribution.decimalText, r.belowBreakEven ? "yes" : "", String(r.purchases),
                r.recencyDays.map(String.init) ?? "", r.historicalCLV.decimalText,
                r.predictedCLV.map { String(rounded($0, 2)) } ?? "", r.pAlive.map { String(rounded($0, 4)) } ?? "",
                r.strategy.rawValue, r.recommendedStrategy.rawValue, r.strategyOverride ? "yes" : "",
                r.baselineScore.map { String(rounded($0, 4)) } ?? "", r.baselineRank.map(String.init) ?? "", r.baselineTier ?? "",
            ]
            out += fields.map { Self.csvField($0) }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// One CSV field: text starting with `=`, `+`, `-`, `@`, tab or carriage return gets a
    /// leading `'` (OWASP "CSV injection" advice) unless it is a plain number; fields with a
    /// comma, quote or line break are quoted with inner quotes doubled.
    public static func csvField(_ s: String) -> String {
        var v = s
        if let c = v.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(c), !(isNumber(v)) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            v = "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    /// True for plain decimal numbers like `-12.50` (which are data, not formulas).
    static func isNumber(_ s: String) -> Bool {
        var digits = 0, dots = 0
        for (i, ch) in s.unicodeScalars.enumerated() {
            if ch == "-", i == 0 { continue }
            if ch == "." { dots += 1; continue }
            guard ("0"..."9").contains(ch) else { return false }
            digits += 1
        }
        return digits > 0 && dots <= 1
    }
}
