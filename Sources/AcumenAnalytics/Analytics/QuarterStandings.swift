import AcumenCore

/// What ``AccountHistory`` keeps of one date's analysis — every customer's effective tier,
/// score, effective strategy, window revenue and lifetime purchases — computed without building
/// the rest of a ``PortfolioAnalysis``.
///
/// The figures are those of ``PortfolioAnalyzer/analyze(_:asOf:clv:)`` at that date (tests
/// compare): the same aggregates, contribution (window margin − window cost to serve), raw
/// criteria, ranks and normalisation into a ``CriterionMatrix``, the same ``ScoreEngine`` under
/// the settings' weights and the same ``StrategyAnalysis``. What it leaves out is what the
/// history never shows: historical CLV, RFM, ABC, the full rank order (tiers, scores and
/// cut-offs need only the engine's selection), and the raw columns and ranks kept side by side
/// until the end of a full analysis — here each measured criterion's raw column and ranks live
/// only while its matrix row is filled.
///
/// The parts that do not depend on the date — the id order, the customer inputs (cost to serve,
/// overrides) and the normalised rated rows with their known-mask bits — are computed once in
/// ``init(_:)`` and shared by every date's ``standings(asOf:clv:)``; the matrix's buffer is reused
/// from date to date.
struct QuarterStandings: Sendable {
    /// One date's columns, indexed like the customers.
    struct Columns: Sendable {
        var tierNames: [String]
        var effectiveTiers: [UInt8]
        var scores: [Double]
        var strategies: [UInt8]
        var revenue: [Int64]
        var lifetimePurchases: [Int32]
    }

    let workspace: Workspace
    let ids: IdentifierOrder
    let windowCost: [Int64]
    let tierOverride: [Int8]
    let strategyOverride: [Int8]
    /// The matrix rows, reused from date to date: the rated criteria's rows (the tail — rated
    /// criteria come after the measured ones in `Criterion.allCases`) are filled once, the
    /// measured rows anew at each date. Lent to each date's matrix and taken back after it.
    var values: [Float]
    /// The rated criteria's known-mask bits.
    let ratedMask: [UInt16]

    /// The date-independent parts for `workspace`.
    init(_ workspace: Workspace) {
        let s = workspace.settings, customers = workspace.customers, n = customers.count
        self.workspace = workspace
        ids = IdentifierOrder(ids: customers.map(\.id))
        let inputs = CustomerInputs(customers, settings: s)
        windowCost = inputs.windowCost; tierOverride = inputs.tierOverride; strategyOverride = inputs.strategyOverride
        let rated = Criterion.rated, measured = Criterion.measured.count
        precondition(Criterion.allCases.suffix(rated.count).elementsEqual(rated), "rated criteria are the matrix's last rows")
        // One rated row at a time: its raw column (8 MB at a million customers) lives only
        // while its row and known bits are filled, not all ten at once.
        var mask = [UInt16](repeating: 0, count: n)
        values = [Float](unsafeUninitializedCapacity: Criterion.allCases.count * n) { buffer, initialized in
            buffer.initialize(repeating: 0)
            for (j, criterion) in rated.enumerated() {
                let row = measured + j
                let raw = inputs.ratedColumn(j)
                CriterionMatrix.normalise(raw, setting: CriterionMatrix.setting(criterion, s), ranks: nil,
                                          into: UnsafeMutableBufferPointer(rebasing: buffer[(row * n)..<((row + 1) * n)]))
                CriterionMatrix.knownBits([criterion: raw], into: &mask)
            }
            initialized = Criterion.allCases.count * n
        }
        ratedMask = mask
    }

    /// The columns at `asOf` (with `clv` feeding predicted CLV and P(alive); nil: unknown).
    mutating func standings(asOf: Day, clv: CLVInputs?) -> Columns {
        let s = workspace.settings, n = workspace.customers.count
        let clv = clv.flatMap { $0.predictedCLV.count == n && $0.pAlive.count == n ? $0 : nil }
        var rows = values
        values = []
        // The transaction pass and the measured rows; the aggregates and the raw columns are
        // released before the scoring (only revenue, lifetime purchases and break-even stay).
        let (revenue, lifetime, below, mask) = measuredRows(asOf: asOf, clv: clv, into: &rows)
        let matrix = CriterionMatrix(count: n, values: rows, knownMask: mask)
        let engine = ScoreEngine(matrix: matrix, idOrder: ids, tierSettings: s.tiers, tierOverride: tierOverride)
        let scoring = engine.score(weights: s.weights, ranking: false)
        let columns = Columns(tierNames: engine.bands.map(\.name), effectiveTiers: scoring.effectiveTiers, scores: scoring.scores,
                              strategies: strategies(matrix, below: below, settings: s.strategy),
                              revenue: revenue, lifetimePurchases: lifetime)
        values = rows
        return columns
    }

    /// Fills the measured criteria's rows of `rows` at `asOf` (normalised as in a full analysis)
    /// and returns what the rest of the date needs.
    private func measuredRows(asOf: Day, clv: CLVInputs?, into rows: inout [Float])
        -> (revenue: [Int64], lifetimePurchases: [Int32], below: [Bool], mask: [UInt16]) {
        let s = workspace.settings, n = workspace.customers.count
        let (agg, _) = CustomerAggregates.computing(workspace.transactions, customerCount: n, asOf: asOf,
                                                    windowStart: asOf.adding(months: -s.windowMonths),
                                                    defaultMarginRate: s.defaultMarginRate, others: 0) { _ in true }
        var contribution = [Int64](repeating: 0, count: n)
        for k in 0..<n { contribution[k] = agg.margin[k] &- windowCost[k] }
        let measured = Criterion.measured
        precondition(Criterion.allCases.prefix(measured.count).elementsEqual(measured), "measured criteria are the matrix's first rows")
        let c = contribution
        var mask = ratedMask
        rows.withUnsafeMutableBufferPointer { buffer in
            // One criterion at a time (the history is background work): one raw column and its
            // ranks alive at once, not one per core, each gone once its row and known bits are
            // written (~40 MB less at the history's peak at 1M).
            for (j, criterion) in measured.enumerated() {
                let out = UnsafeMutableBufferPointer(rebasing: buffer[(j * n)..<((j + 1) * n)])
                out.update(repeating: 0)
                let raw = MeasuredCriteria.column(criterion, agg, contribution: c, asOf: asOf, clv: clv)
                let setting = CriterionMatrix.setting(criterion, s)
                let ranks = CriterionMatrix.ranks(criterion, raw: raw, setting: setting, revenue: agg.revenue, contribution: c)
                CriterionMatrix.normalise(raw, setting: setting, ranks: ranks, into: out)
                if CriterionMatrix.bit(of: criterion) != nil { CriterionMatrix.knownBits([criterion: raw], into: &mask) }
            }
        }
        return (agg.revenue, agg.lifetimePurchases, c.map { $0 < 0 }, mask)
    }

    /// Every customer's effective strategy index: the override when there is one, else the
    /// grid's decision on the value and potential axes, as ``StrategyAnalysis`` decides it.
    private func strategies(_ matrix: CriterionMatrix, below: [Bool], settings: StrategySettings) -> [UInt8] {
        let n = matrix.count
        let valueAxis = StrategyAnalysis.AxisColumns(settings.valueCriteria, matrix)
        let potentialAxis = StrategyAnalysis.AxisColumns(settings.potentialCriteria, matrix)
        var out = [UInt8](repeating: 0, count: n)
        let parts = n >= 200_000 ? Parallel.cores : 1
        out.withUnsafeMutableBufferPointer { out in
            _ = Parallel.map(parts) { part -> Bool in
                for k in (n * part / parts)..<(n * (part + 1) / parts) {
                    if strategyOverride[k] >= 0 {
                        out[k] = StrategyAnalysis.index(StrategyAnalysis.strategy(Int(strategyOverride[k])))
                        continue
                    }
                    let v = valueAxis.mean(matrix, k) ?? 0, p = potentialAxis.mean(matrix, k) ?? 0
                    out[k] = StrategyAnalysis.index(StrategyDecision.decide(value: v, potential: p, belowBreakEven: below[k], settings).strategy)
                }
                return true
            }
        }
        return out
    }
}
