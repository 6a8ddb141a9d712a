import AcumenCore

/// The report's CSV written row by row into a ``ByteOutput``: the same bytes as ``csv``, in
/// constant memory, with numbers formatted straight into bytes.
extension PortfolioReport {
    /// Writes the CSV (header and rows, `\r\n` line ends), handing full chunks to `out`'s sink;
    /// the tail stays in `out.bytes` (call ``ByteOutput/flush()``).
    public func writeCSV(to out: inout ByteOutput) throws {
        for (k, c) in Self.csvColumns.enumerated() {
            if k > 0 { out.append(",") }
            Self.appendCSVField(c, to: &out)
        }
        out.append("\r\n")
        let writer = ReportRowWriter(self)
        try Self.streamChunks(count: order.count, rowsPerChunk: max(1, out.chunkSize / 200), to: &out) { writer.csv($0) }
    }

    /// Appends ``csvField(_:)`` of `s`; text with no character that needs a guard or quotes
    /// (almost all of it) is copied without building a new string.
    static func appendCSVField(_ s: String, to out: inout ByteOutput) {
        var plain = true
        var first = true
        for b in s.utf8 {
            if first, b == UInt8(ascii: "=") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: "@") || b == 0x09 || b == 0x0D {
                plain = false; break
            }
            first = false
            if b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D { plain = false; break }
        }
        out.appendUTF8(plain ? s : csvField(s))
    }
}

extension PortfolioReport.Row {
    /// One CSV line in ``PortfolioReport/csvColumns`` order.
    func writeCSV(to out: inout ByteOutput) {
        func text(_ s: String) { PortfolioReport.appendCSVField(s, to: &out); out.append(",") }
        // Integers and money are plain decimal numbers: never guarded, never quoted.
        func int(_ v: Int) { out.appendInt(v); out.append(",") }
        func money(_ m: Money) { out.appendMoney(minor: m.minor); out.append(",") }
        func double(_ v: Double) { PortfolioReport.appendCSVField(v.description, to: &out); out.append(",") }
        func yes(_ b: Bool) { if b { out.append("yes,") } else { out.append(",") } }
        int(rank); text(id); text(name); double(rounded(score, 4)); text(tier); yes(tierOverride)
        text(abc); int(r); int(f); int(m); text(segment); money(revenue); money(margin)
        money(costToServe); money(contribution); yes(belowBreakEven); int(purchases)
        if let v = recencyDays { int(v) } else { out.append(",") }
        money(historicalCLV)
        if let v = predictedCLV { double(rounded(v, 2)) } else { out.append(",") }
        if let v = pAlive { double(rounded(v, 4)) } else { out.append(",") }
        text(strategy.rawValue); text(recommendedStrategy.rawValue); yes(strategyOverride)
        if let v = baselineScore { double(rounded(v, 4)) } else { out.append(",") }
        if let v = baselineRank { int(v) } else { out.append(",") }
        PortfolioReport.appendCSVField(baselineTier ?? "", to: &out)
        out.append("\r\n")
    }
}
