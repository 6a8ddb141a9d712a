import AcumenCore

/// The report's JSON written row by row into a ``ByteOutput``: the same bytes as
/// `JSONWriter.writePretty(json)`, in constant memory and without building a JSON tree per row.
extension PortfolioReport {
    /// Writes the pretty JSON of the report with `extra` top-level members added (they win over
    /// the report's own), handing full chunks to `out`'s sink; the tail stays in `out.bytes`
    /// (call ``ByteOutput/flush()``).
    public func writeJSON(extra: [String: JSONValue] = [:], to out: inout ByteOutput) throws {
        var members = jsonMembers
        members.merge(extra) { $1 }
        let streamsRows = extra["customers"] == nil
        var keys = Array(members.keys)
        if streamsRows { keys.append("customers") }
        keys.sort()
        out.append("{\n")
        for (k, key) in keys.enumerated() {
            out.append("  ")
            out.appendJSONString(key)
            out.append(": ")
            if streamsRows, key == "customers" {
                try writeJSONRows(to: &out)
            } else if let v = members[key] {
                JSONWriter.writePretty(v, indent: 1, into: &out.bytes)
            }
            if k + 1 < keys.count { out.append(",\n") } else { out.append("\n") }
        }
        out.append("}\n")
    }

    /// The `customers` array at indent 1, formatted in chunks on all cores (``ReportRowWriter``).
    private func writeJSONRows(to out: inout ByteOutput) throws {
        guard !order.isEmpty else { out.append("[]"); return }
        out.append("[\n")
        let writer = ReportRowWriter(self)
        try Self.streamChunks(count: order.count, rowsPerChunk: max(1, out.chunkSize / 800), to: &out) { writer.json($0) }
        out.append("  ]")
    }

    /// Formats rows `0..<count` in chunks of `rowsPerChunk`, a few chunks per core at a time,
    /// and hands each chunk to `out`'s sink in order (memory: a few chunks, whatever `count`).
    static func streamChunks(count: Int, rowsPerChunk: Int, to out: inout ByteOutput,
                             _ format: (Range<Int>) -> [UInt8]) throws {
        let inFlight = 2 * Parallel.cores
        var start = 0
        while start < count {
            let ranges = (0..<inFlight).map { c in
                min(count, start + c * rowsPerChunk)..<min(count, start + (c + 1) * rowsPerChunk)
            }.filter { !$0.isEmpty }
            let parts = Parallel.map(ranges.count) { format(ranges[$0]) }
            for var part in parts {
                // The chunk goes to the sink as it is: swapped in for the buffer, not copied.
                try out.flush()
                swap(&out.bytes, &part)
                try out.flush()
                swap(&out.bytes, &part)
            }
            start = ranges.last?.upperBound ?? count
        }
    }
}

extension PortfolioReport.Row {
    /// The members of ``json``, in the writer's sorted key order.
    enum Key: String, CaseIterable {
        case id, name, rank, score, tier, computedTier, tierOverride, abc, r, f, m, segment, revenue, margin, costToServe,
             contribution, belowBreakEven, purchases, recencyDays, historicalCLV, predictedCLV, pAlive, expectedPurchases, strategy,
             recommendedStrategy, strategyOverride, baselineScore, baselineRank, baselineTier, scoreDelta, rankDelta

        /// Members present only in a scenario's report.
        var isBaseline: Bool {
            switch self {
            case .baselineScore, .baselineRank, .baselineTier, .scoreDelta, .rankDelta: true
            default: false
            }
        }

        /// All keys sorted as ``JSONWriter`` sorts object keys, each with its line's opening
        /// bytes (`      "key": `).
        static let sorted: [(key: Key, prefix: [UInt8])] = allCases.sorted { $0.rawValue < $1.rawValue }
            .map { ($0, Array("      \"\($0.rawValue)\": ".utf8)) }
    }

    /// Writes the row's members at indent 3 (six spaces), one per line, as ``json`` pretty-printed.
    func writeJSONMembers(to out: inout ByteOutput) {
        let hasBaseline = baselineScore != nil && baselineRank != nil && baselineTier != nil
        let keys = Key.sorted
        let last = keys[keys.count - 1].key
        for (key, prefix) in keys where hasBaseline || !key.isBaseline {
            out.append(bytes: prefix)
            writeJSONValue(key, to: &out)
            if key == last { out.append("\n") } else { out.append(",\n") }
        }
    }

    private func writeJSONValue(_ key: Key, to out: inout ByteOutput) {
        func bool(_ b: Bool) { if b { out.append("true") } else { out.append("false") } }
        switch key {
        case .id: out.appendJSONString(id)
        case .name: out.appendJSONString(name)
        case .rank: out.appendInt(rank)
        case .score: out.appendJSONNumber(rounded(score, 4))
        case .tier: out.appendJSONString(tier)
        case .computedTier: out.appendJSONString(computedTier)
        case .tierOverride: bool(tierOverride)
        case .abc: out.appendJSONString(abc)
        case .r: out.appendInt(r)
        case .f: out.appendInt(f)
        case .m: out.appendInt(m)
        case .segment: out.appendJSONString(segment)
        case .revenue: out.appendMoney(minor: revenue.minor)
        case .margin: out.appendMoney(minor: margin.minor)
        case .costToServe: out.appendMoney(minor: costToServe.minor)
        case .contribution: out.appendMoney(minor: contribution.minor)
        case .belowBreakEven: bool(belowBreakEven)
        case .purchases: out.appendInt(purchases)
        case .recencyDays: if let v = recencyDays { out.appendInt(v) } else { out.append("null") }
        case .historicalCLV: out.appendMoney(minor: historicalCLV.minor)
        case .predictedCLV: if let v = predictedCLV { out.appendJSONNumber(rounded(v, 2)) } else { out.append("null") }
        case .pAlive: if let v = pAlive { out.appendJSONNumber(rounded(v, 4)) } else { out.append("null") }
        case .expectedPurchases: if let v = expectedPurchases { out.appendJSONNumber(rounded(v, 4)) } else { out.append("null") }
        case .strategy: out.appendJSONString(strategy.rawValue)
        case .recommendedStrategy: out.appendJSONString(recommendedStrategy.rawValue)
        case .strategyOverride: bool(strategyOverride)
        case .baselineScore: out.appendJSONNumber(rounded(baselineScore ?? 0, 4))
        case .baselineRank: out.appendInt(baselineRank ?? 0)
        case .baselineTier: out.appendJSONString(baselineTier ?? "")
        case .scoreDelta: out.appendJSONNumber(rounded(score - (baselineScore ?? 0), 4))
        case .rankDelta: out.appendInt((baselineRank ?? 0) - rank)
        }
    }
}
