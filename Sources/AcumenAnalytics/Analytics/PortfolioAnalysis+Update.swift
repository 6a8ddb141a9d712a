import AcumenCore

extension PortfolioAnalyzer {
    /// What an analysis read from the transactions, which an edit of the customers' own data
    /// (a rating, a cost to serve, an override, the weights) leaves as it was: the per-customer
    /// aggregates of the transaction pass and the order of the customer ids.
    ///
    /// Keeping it lets ``reanalyze(_:asOf:clv:keeping:)`` skip the pass over every transaction
    /// (more than half of an analysis at 10M transactions) and hold one copy of the aggregates
    /// instead of two while the new analysis is built.
    public struct Scan: Sendable {
        let asOf: Day
        let windowStart: Day
        let settings: Settings
        let aggregates: CustomerAggregates
        let ids: IdentifierOrder
        /// Transactions the scan was made over.
        let transactions: Int
        /// Customers the scan was made over.
        var customers: Int { aggregates.revenue.count }

        init(asOf: Day, windowStart: Day, settings: Settings, aggregates: CustomerAggregates, ids: IdentifierOrder, transactions: Int) {
            self.asOf = asOf; self.windowStart = windowStart; self.settings = settings
            self.aggregates = aggregates; self.ids = ids; self.transactions = transactions
        }

        /// Whether this scan is what a fresh analysis of `workspace` as of `asOf` would compute:
        /// the same date, window and default margin, the same numbers of customers and
        /// transactions. (The transactions and the customer ids themselves are the caller's
        /// promise: edits never change them.)
        func fits(_ workspace: Workspace, asOf day: Day) -> Bool {
            let s = workspace.settings
            return day == asOf && s.windowMonths == settings.windowMonths && s.defaultMarginRate == settings.defaultMarginRate
                && workspace.customers.count == customers && workspace.transactions.count == transactions
                && ids.rank.count == customers
        }
    }

    /// Analyses `workspace` again after edits that changed no transaction and no customer id,
    /// reusing the transaction pass of `scan` (from ``PortfolioAnalysis/scan``); the result is
    /// the same as ``analyze(_:asOf:clv:)``. Falls back to a full analysis when the scan does
    /// not fit (another date, window or default margin, other counts).
    /// - Complexity: O(customers · criteria); no transaction is read.
    public static func reanalyze(_ workspace: Workspace, asOf: Day, clv: CLVInputs? = nil, keeping scan: Scan) -> PortfolioAnalysis {
        guard scan.fits(workspace, asOf: asOf) else { return analyze(workspace, asOf: asOf, clv: clv) }
        let n = workspace.customers.count
        let clv = clv.flatMap { $0.predictedCLV.count == n && $0.pAlive.count == n ? $0 : nil }
        let parts = n >= ScoreEngine.parallelFrom ? 2 * Parallel.cores : 1
        return analyze(workspace, asOf: asOf, clv: clv, scan: scan,
                       inputs: CustomerInputs(workspace.customers, settings: workspace.settings, parts: parts))
    }
}

extension PortfolioAnalysis {
    /// What this analysis read from the transactions (see ``PortfolioAnalyzer/Scan``).
    public var scan: PortfolioAnalyzer.Scan {
        PortfolioAnalyzer.Scan(asOf: asOf, windowStart: windowStart, settings: settings, aggregates: aggregates, ids: engine.idOrder,
                                 transactions: transactions.count)
    }

    /// This analysis after edits that changed only the manual tier and strategy overrides of
    /// customers `ks` in `workspace` (its customers as they now are): their effective tier and
    /// strategy change, nothing else does — overrides feed no score, no cut-off and no
    /// recommendation. The same as a fresh analysis, in O(n) copies of two byte columns.
    /// - Returns: nil when an override (new or old) names no tier or strategy, or the workspace
    ///   no longer matches: a warning changes then, which only a full analysis gets right.
    public func updatingOverrides(of ks: [Int], in workspace: Workspace) -> PortfolioAnalysis? {
        let cs = workspace.customers
        guard cs.count == count, workspace.settings == settings else { return nil }
        let bands = settings.tiers.bands.isEmpty ? ["All"] : settings.tiers.bands.prefix(255).map(\.name)
        var tiers = engine.tierOverride, strategies = strategy.override, effective = baseline.effectiveTiers
        for k in ks {
            guard cs.indices.contains(k), !ignoredOverrides.contains(k) else { return nil }
            let c = cs[k]
            var tier: Int8 = -1, chosen: Int8 = -1
            if let o = c.tierOverride {
                guard let t = bands.firstIndex(of: o.value) else { return nil }
                tier = Int8(truncatingIfNeeded: t)
            }
            if let o = c.strategyOverride {
                guard let s = PortfolioAnalyzer.strategy(named: o.value) else { return nil }
                chosen = Int8(StrategyAnalysis.index(s))
            }
            tiers[k] = tier; strategies[k] = chosen
            effective[k] = tier >= 0 ? UInt8(tier) : baseline.tiers[k]
        }
        let engine = ScoreEngine(matrix: engine.matrix, idOrder: engine.idOrder, tierSettings: engine.tierSettings,
                                 tierOverride: tiers, columnFacts: engine.columnFacts)
        return PortfolioAnalysis(asOf: asOf, windowStart: windowStart, settings: settings, customers: cs,
                                 transactions: transactions, aggregates: aggregates, costToServe: costToServe,
                                 contribution: contribution, historicalCLV: historicalCLV, rfm: rfm, abc: abc, matrix: matrix,
                                 engine: engine, baseline: baseline.with(effectiveTiers: effective),
                                 strategy: strategy.with(overrides: strategies), clv: clv, warnings: warnings,
                                 ignoredOverrides: ignoredOverrides)
    }
}

extension PortfolioAnalysis {
    /// Whether ``updatingRatings(_:of:in:)`` can take in rating edits of customers `ks`: every
    /// rated criterion normalised by its scale (`10 · x`, the default: only the rated
    /// customers' normalised scores move), at most 64 of them, the same settings.
    public func canUpdateRatings(of ks: [Int], in workspace: Workspace) -> Bool {
        !ks.isEmpty && ks.count <= 64 && ks.allSatisfy({ $0 >= 0 && $0 < count }) && workspace.customers.count == count
            && matrix.count == count && baseline.isRanked && workspace.settings == settings
            && Criterion.rated.allSatisfy({ CriterionMatrix.setting($0, settings).normalisation == .scale })
    }

    /// `analysis` after edits that changed only the ratings of customers `ks` in `workspace`
    /// (its customers as they now are; see ``canUpdateRatings(of:in:)``): only those customers'
    /// matrix columns change, so their scores and strategy grid decisions are computed again and
    /// they move in the order; the tiers are assigned again only where a place moved over a
    /// band edge (``ScoreEngine/rescoring(_:changed:)``) — nothing reads a transaction or another
    /// customer's ratings. The same as a fresh analysis.
    ///
    /// It takes the analysis (consuming it): when nothing else holds them, its matrix (~70 MB at
    /// 1M customers), scores, order and strategy columns are updated in place instead of copied.
    /// - Returns: the analysis and the customers other than `ks` whose computed tier changed
    ///   (a rated customer moving over a share boundary pushes a neighbour over it); nil when
    ///   ``canUpdateRatings(of:in:)`` says no (the analysis is gone then: ask first).
    /// - Complexity: O(|ks| · log n + the places the rated customers moved over), plus one
    ///   move of the order's tail per rated customer; no pass over every customer.
    public static func updatingRatings(_ analysis: consuming PortfolioAnalysis, of ks: [Int],
                                       in workspace: Workspace) -> (analysis: PortfolioAnalysis, tierMoved: [Int])? {
        guard analysis.canUpdateRatings(of: ks, in: workspace) else { return nil }
        let ks = Array(Set(ks)).sorted()
        let cs = workspace.customers, n = analysis.count, settings = analysis.settings
        let asOf = analysis.asOf, windowStart = analysis.windowStart, transactions = analysis.transactions
        let aggregates = analysis.aggregates, costToServe = analysis.costToServe, contribution = analysis.contribution
        let historicalCLV = analysis.historicalCLV, rfm = analysis.rfm, abc = analysis.abc, clv = analysis.clv
        let warnings = analysis.warnings, ignoredOverrides = analysis.ignoredOverrides, old = analysis.engine
        var previous: Scoring? = analysis.baseline, strategy = analysis.strategy
        let (idOrder, tierSettings, tierOverride) = (old.idOrder, old.tierSettings, old.tierOverride)
        var values = analysis.matrix.values, mask = analysis.matrix.knownMask
        // Let go of every other hold on the matrix, so the writes below need no copy of it.
        _ = consume old
        _ = consume analysis
        // The changed customers' rated rows and known bits, by the matrix's own `.scale` arithmetic.
        let inputs = CustomerInputs(CustomerList(ks.map { cs[$0] }), settings: settings)
        var cells = [Float](repeating: 0, count: ks.count)
        for (j, c) in Criterion.rated.enumerated() {
            let row = CriterionMatrix.row(of: c)
            cells.withUnsafeMutableBufferPointer { out in
                out.update(repeating: 0)
                CriterionMatrix.scale(inputs, ratedIndex: j, lowerIsBetter: CriterionMatrix.setting(c, settings).direction == .lowerIsBetter, into: out)
            }
            for (i, k) in ks.enumerated() { values[row * n + k] = cells[i] }
        }
        let ratedBits = UInt16(truncatingIfNeeded: (1 << Criterion.rated.count) - 1)
        for (i, k) in ks.enumerated() { mask[k] = (mask[k] & ~ratedBits) | inputs.ratedKnown[i] }
        let matrix = CriterionMatrix(count: n, values: values, knownMask: mask)
        let engine = ScoreEngine(matrix: matrix, idOrder: idOrder, tierSettings: tierSettings, tierOverride: tierOverride)
        guard let scoring = previous.take() else { return nil }
        // Handed over (not copied), so its scores and order are updated in place.
        guard let (baseline, tierMoved) = engine.rescoring(consume scoring, changed: ks) else { return nil }
        strategy.update(ks, matrix: matrix, belowBreakEven: { contribution[$0] < 0 }, settings: settings.strategy)
        let updated = PortfolioAnalysis(asOf: asOf, windowStart: windowStart, settings: settings, customers: cs,
                                 transactions: transactions, aggregates: aggregates, costToServe: costToServe,
                                 contribution: contribution, historicalCLV: historicalCLV, rfm: rfm, abc: abc, matrix: matrix,
                                 engine: engine, baseline: baseline, strategy: strategy, clv: clv, warnings: warnings,
                                 ignoredOverrides: ignoredOverrides)
        return (updated, tierMoved)
    }
}
