import AcumenCore

/// Formats the report's rows as JSON or CSV straight from the analysis' arrays — no
/// ``PortfolioReport/Row`` values, names and codes copied from bytes prepared once — into
/// one buffer per chunk of rows, so chunks can be formatted on all cores and written in order.
///
/// The bytes equal ``PortfolioReport/Row/writeJSONMembers(to:)`` and
/// ``PortfolioReport/Row/writeCSV(to:)`` of the same rows (tested in `ReportFastWriterTests`).
struct ReportRowWriter: @unchecked Sendable {
    let order: [Int]
    let hasBaseline: Bool
    /// The customers' chunks (``CustomerList``): customer k is `customers[k / size][k % size]`.
    let customers: [[Customer]], chunkSize: Int
    /// The analysis' columns for every customer, held once (several are computed properties of
    /// the analysis); ids and names are read from `customers` as rows are gathered.
    let all: Columns
    /// JSON keys in writer order with their line openings (`,\n` before all but the first).
    let keys: [(key: PortfolioReport.Row.Key, opening: [UInt8])]
    /// Names as JSON strings and as CSV fields: tiers, ABC classes, segments, strategies
    /// (in `Strategy.allCases` order).
    let tierJSON: [[UInt8]], tierCSV: [[UInt8]], abcJSON: [[UInt8]], abcCSV: [[UInt8]]
    let segmentJSON: [[UInt8]], segmentCSV: [[UInt8]], strategyJSON: [[UInt8]], strategyCSV: [[UInt8]]
    /// The CSV names above laid end to end, and where each is: a row copies its names from
    /// these bytes in place (no array of each name retained and released per row).
    let csvNames: [UInt8]
    let tierCSVAt: [Range<Int>], abcCSVAt: [Range<Int>], segmentCSVAt: [Range<Int>], strategyCSVAt: [Range<Int>]
    /// Bytes a row can take besides its id and name.
    let jsonRowBound: Int, csvRowBound: Int

    init(_ report: PortfolioReport) {
        let a = report.analysis, sc = report.scoring
        order = report.order
        hasBaseline = report.scenarioName != nil
        customers = (0..<a.customers.chunkCount).map(a.customers.chunk)
        chunkSize = CustomerList.chunkSize
        all = Columns(a, sc)
        var keys: [(PortfolioReport.Row.Key, [UInt8])] = []
        for (key, prefix) in PortfolioReport.Row.Key.sorted where hasBaseline || !key.isBaseline {
            keys.append((key, (keys.isEmpty ? [] : Array(",\n".utf8)) + prefix))
        }
        self.keys = keys
        func json(_ s: String) -> [UInt8] { var b: [UInt8] = []; JSONWriter.writeString(s, into: &b); return b }
        func csv(_ s: String) -> [UInt8] { var o = ByteOutput { _ in }; PortfolioReport.appendCSVField(s, to: &o); return o.bytes }
        let tierNames = a.tierNames, abcNames = ABCAnalysis.classNames, segments = a.rfm.segmentNames
        let strategies = Strategy.allCases.map(\.rawValue)
        tierJSON = tierNames.map(json); tierCSV = tierNames.map(csv); abcJSON = abcNames.map(json); abcCSV = abcNames.map(csv)
        segmentJSON = segments.map(json); segmentCSV = segments.map(csv)
        strategyJSON = strategies.map(json); strategyCSV = strategies.map(csv)
        var flat: [UInt8] = []
        func place(_ names: [[UInt8]]) -> [Range<Int>] {
            names.map { n in let start = flat.count; flat += n; return start..<flat.count }
        }
        tierCSVAt = place(tierCSV); abcCSVAt = place(abcCSV); segmentCSVAt = place(segmentCSV); strategyCSVAt = place(strategyCSV)
        csvNames = flat
        func longest(_ names: [[UInt8]]) -> Int { names.map(\.count).max() ?? 0 }
        // 40 bytes cover any number (the general double form is at most 26).
        let jsonNames = 3 * longest(tierJSON) + longest(abcJSON) + longest(segmentJSON) + 2 * longest(strategyJSON)
        jsonRowBound = keys.reduce(0) { $0 + $1.1.count + 40 } + jsonNames + 32
        let csvNames = 2 * longest(tierCSV) + longest(abcCSV) + longest(segmentCSV) + 2 * longest(strategyCSV)
        csvRowBound = 27 * 41 + csvNames + 8
    }

    /// Rows `range` of the report's order as JSON array elements (`    {` … `    },`), the
    /// last element of the report without the comma.
    func json(_ range: Range<Int>) -> [UInt8] {
        let g = Columns(self, Array(order[range]))
        var bound = 0
        for j in 0..<range.count { bound += jsonRowBound + 6 * (g.ids[j].utf8.count + g.names[j].utf8.count) }
        return [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            guard let base = buffer.baseAddress else { count = 0; return }
            var w = ByteCursor(cursor: base)
            for (j, i) in range.enumerated() {
                w.text("    {\n")
                jsonRow(j, g, &w)
                if i + 1 < order.count { w.text("\n    },\n") } else { w.text("\n    }\n") }
            }
            count = w.cursor - base
        }
    }

    private func jsonRow(_ j: Int, _ g: Columns, _ w: inout ByteCursor) {
        let st = g.strategies(j)
        for (key, opening) in keys {
            w.bytes(opening)
            switch key {
            case .id: w.jsonString(g.ids[j])
            case .name: w.jsonString(g.names[j])
            case .rank: w.int(Int(g.ranks[j]))
            case .score: w.fixed(g.scores[j], places: 4, json: true)
            case .tier: w.bytes(tierJSON[Int(g.effectiveTiers[j])])
            case .computedTier: w.bytes(tierJSON[Int(g.tiers[j])])
            case .tierOverride: if g.tierOverride[j] >= 0 { w.text("true") } else { w.text("false") }
            case .abc: w.bytes(abcJSON[Int(g.abc[j])])
            case .r: w.int(Int(g.r[j]))
            case .f: w.int(Int(g.f[j]))
            case .m: w.int(Int(g.m[j]))
            case .segment: w.bytes(segmentJSON[Int(g.segment[j])])
            case .revenue: w.money(g.revenue[j])
            case .margin: w.money(g.margin[j])
            case .costToServe: w.money(g.costToServe[j])
            case .contribution: w.money(g.contribution[j])
            case .belowBreakEven: if g.contribution[j] < 0 { w.text("true") } else { w.text("false") }
            case .purchases: w.int(Int(g.purchases[j]))
            case .recencyDays: if let v = g.recency(j) { w.int(v) } else { w.text("null") }
            case .historicalCLV: w.money(g.historicalCLV[j])
            case .predictedCLV: if let v = g.known(g.clv, j) { w.fixed(v, places: 2, json: true) } else { w.text("null") }
            case .pAlive: if let v = g.known(g.alive, j) { w.fixed(v, places: 4, json: true) } else { w.text("null") }
            case .expectedPurchases: if let v = g.known(g.expected, j) { w.fixed(v, places: 4, json: true) } else { w.text("null") }
            case .strategy: w.bytes(strategyJSON[st.effective])
            case .recommendedStrategy: w.bytes(strategyJSON[st.recommended])
            case .strategyOverride: if st.overridden { w.text("true") } else { w.text("false") }
            case .baselineScore: w.fixed(g.baseScores[j], places: 4, json: true)
            case .baselineRank: w.int(Int(g.baseRanks[j]))
            case .baselineTier: w.bytes(tierJSON[Int(g.baseTiers[j])])
            case .scoreDelta: w.fixed(g.scores[j] - g.baseScores[j], places: 4, json: true)
            case .rankDelta: w.int(Int(g.baseRanks[j]) - Int(g.ranks[j]))
            }
        }
    }

    /// Rows `range` of the report's order as CSV lines (``PortfolioReport/csvColumns``).
    func csv(_ range: Range<Int>) -> [UInt8] {
        let g = Columns(self, Array(order[range]))
        var bound = 0
        for j in 0..<range.count { bound += csvRowBound + 2 * (g.ids[j].utf8.count + g.names[j].utf8.count) }
        return [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            guard let base = buffer.baseAddress else { count = 0; return }
            var w = ByteCursor(cursor: base)
            csvNames.withUnsafeBufferPointer { names in
                for j in 0..<range.count { csvRow(j, g, &w, names) }
            }
            count = w.cursor - base
        }
    }

    private func csvRow(_ j: Int, _ g: Columns, _ w: inout ByteCursor, _ names: UnsafeBufferPointer<UInt8>) {
        let comma = UInt8(ascii: ",")
        let st = g.strategies(j)
        func yes(_ b: Bool) { if b { w.text("yes,") } else { w.byte(comma) } }
        func name(_ at: [Range<Int>], _ i: Int) { w.bytes(UnsafeBufferPointer(rebasing: names[at[i]])) }
        w.int(Int(g.ranks[j])); w.byte(comma)
        w.csvText(g.ids[j]); w.byte(comma)
        w.csvText(g.names[j]); w.byte(comma)
        w.fixed(g.scores[j], places: 4, json: false); w.byte(comma)
        name(tierCSVAt, Int(g.effectiveTiers[j])); w.byte(comma)
        yes(g.tierOverride[j] >= 0)
        name(abcCSVAt, Int(g.abc[j])); w.byte(comma)
        w.int(Int(g.r[j])); w.byte(comma)
        w.int(Int(g.f[j])); w.byte(comma)
        w.int(Int(g.m[j])); w.byte(comma)
        name(segmentCSVAt, Int(g.segment[j])); w.byte(comma)
        w.money(g.revenue[j]); w.byte(comma)
        w.money(g.margin[j]); w.byte(comma)
        w.money(g.costToServe[j]); w.byte(comma)
        w.money(g.contribution[j]); w.byte(comma)
        yes(g.contribution[j] < 0)
        w.int(Int(g.purchases[j])); w.byte(comma)
        if let v = g.recency(j) { w.int(v) }
        w.byte(comma)
        w.money(g.historicalCLV[j]); w.byte(comma)
        if let v = g.known(g.clv, j) { w.fixed(v, places: 2, json: false) }
        w.byte(comma)
        if let v = g.known(g.alive, j) { w.fixed(v, places: 4, json: false) }
        w.byte(comma)
        name(strategyCSVAt, st.effective); w.byte(comma)
        name(strategyCSVAt, st.recommended); w.byte(comma)
        yes(st.overridden)
        if hasBaseline {
            w.fixed(g.baseScores[j], places: 4, json: false); w.byte(comma)
            w.int(Int(g.baseRanks[j])); w.byte(comma)
            name(tierCSVAt, Int(g.baseTiers[j]))
        } else {
            w.byte(comma); w.byte(comma)
        }
        w.text("\r\n")
    }

    /// A chunk's rows gathered from the analysis' columns into arrays in row order: the
    /// rows are scattered over the columns (report order is not customer order), and a tight
    /// gathering loop per column lets the processor overlap the cache misses that formatting
    /// row by row would wait for one at a time.
    struct Columns {
        let ids: [String], names: [String]
        let ranks: [Int32], scores: [Double], tiers: [UInt8], effectiveTiers: [UInt8]
        let baseRanks: [Int32], baseScores: [Double], baseTiers: [UInt8]
        let tierOverride: [Int8], abc: [UInt8], r: [UInt8], f: [UInt8], m: [UInt8], segment: [UInt16]
        let revenue: [Int64], margin: [Int64], costToServe: [Int64], contribution: [Int64], historicalCLV: [Int64]
        let purchases: [Int32], lastDay: [Int32], asOf: Int
        let recommended: [UInt8], strategyOverride: [Int8]
        /// Predicted CLV, P(alive), expected purchases (`NaN` or absent = unknown; empty without a fit).
        let clv: [Double], alive: [Double], expected: [Double]

        /// Every customer's columns from the analysis and the report's scoring (no ids or names).
        init(_ a: PortfolioAnalysis, _ sc: Scoring) {
            ids = []; names = []
            ranks = sc.ranks; scores = sc.scores; tiers = sc.tiers; effectiveTiers = sc.effectiveTiers
            baseRanks = a.baseline.ranks; baseScores = a.baseline.scores; baseTiers = a.baseline.effectiveTiers
            tierOverride = a.engine.tierOverride; abc = a.abc.classes; r = a.rfm.r; f = a.rfm.f; m = a.rfm.m; segment = a.rfm.segment
            revenue = a.revenue; margin = a.margin; costToServe = a.costToServe; contribution = a.contribution
            historicalCLV = a.historicalCLV; purchases = a.purchases; lastDay = a.aggregates.lastDay; asOf = Int(a.asOf.ordinal)
            recommended = a.strategy.recommended; strategyOverride = a.strategy.override
            clv = a.clv?.predictedCLV ?? []; alive = a.clv?.pAlive ?? []; expected = a.clv?.expectedPurchases ?? []
        }

        /// Customers `ks` of the writer's columns, in that order, with their ids and names.
        init(_ w: ReportRowWriter, _ ks: [Int]) {
            func take<T>(_ column: [T]) -> [T] { column.withUnsafeBufferPointer { c in ks.map { c[$0] } } }
            func known(_ column: [Double]) -> [Double] {
                column.withUnsafeBufferPointer { c in ks.map { $0 < c.count ? c[$0] : .nan } }
            }
            let size = w.chunkSize
            // The id and name read in place (through the chunk's buffer), not a copy of each
            // customer with all its strings retained and released.
            var ids: [String] = [], names: [String] = []
            ids.reserveCapacity(ks.count); names.reserveCapacity(ks.count)
            for k in ks {
                w.customers[k / size].withUnsafeBufferPointer { chunk in
                    ids.append(chunk[k % size].id)
                    names.append(chunk[k % size].name)
                }
            }
            self.ids = ids; self.names = names
            let c = w.all
            ranks = take(c.ranks); scores = take(c.scores); tiers = take(c.tiers); effectiveTiers = take(c.effectiveTiers)
            let base = w.hasBaseline
            baseRanks = base ? take(c.baseRanks) : []; baseScores = base ? take(c.baseScores) : []; baseTiers = base ? take(c.baseTiers) : []
            tierOverride = take(c.tierOverride); abc = take(c.abc); r = take(c.r); f = take(c.f); m = take(c.m)
            segment = take(c.segment); revenue = take(c.revenue); margin = take(c.margin); costToServe = take(c.costToServe)
            contribution = take(c.contribution); historicalCLV = take(c.historicalCLV); purchases = take(c.purchases)
            lastDay = take(c.lastDay); asOf = c.asOf; recommended = take(c.recommended); strategyOverride = take(c.strategyOverride)
            clv = known(c.clv); alive = known(c.alive); expected = known(c.expected)
        }

        /// A known value (`NaN` = unknown).
        @inline(__always) func known(_ column: [Double], _ j: Int) -> Double? { column[j].isFinite ? column[j] : nil }

        /// The index in `Strategy.allCases` of the strategy in force and of the recommendation
        /// (``StrategyAnalysis/effective(_:)``, ``StrategyAnalysis/recommendation(_:)``).
        @inline(__always) func strategies(_ j: Int) -> (effective: Int, recommended: Int, overridden: Bool) {
            let last = Strategy.allCases.count - 1
            let rec = max(0, min(last, Int(recommended[j])))
            let o = Int(strategyOverride[j])
            return o >= 0 ? (max(0, min(last, o)), rec, true) : (rec, rec, false)
        }

        /// Days from the last purchase to `asOf` (``PortfolioAnalysis/recencyDays(_:)``).
        @inline(__always) func recency(_ j: Int) -> Int? {
            lastDay[j] == CustomerAggregates.noLastDay ? nil : asOf - Int(lastDay[j])
        }
    }
}
