import AcumenAnalytics
import AcumenCore

extension AccountTable {
    /// The effective tiers and strategies of the rows an edit changed, with the filter's view of
    /// the analysis that holds them: what the runtime hands the list after an override, which
    /// moves no score and no other row (``PortfolioAnalysis/updatingOverrides(of:in:)``), or
    /// after a rating, which moves the rated rows' scores and the tiers of the rows it pushed
    /// over a tier edge (``PortfolioAnalysis/updatingRatings(_:of:in:)``): then the analysis'
    /// score and tier columns come along, to be shared rather than written row by row.
    public struct Standings: Sendable {
        /// One row's effective tier and strategy.
        public struct Row: Hashable, Sendable {
            public var row: Int
            /// Tier position into ``AccountTable/tierNames``.
            public var tier: UInt8
            /// Strategy position into `Strategy.allCases`.
            public var strategy: UInt8
            /// Whether a manual override decides the strategy.
            public var isOverridden: Bool
        }

        public var rows: [Row]
        /// The analysis the rows come from, for filters on tier and strategy.
        public var filterSource: AnalysisFilterRows
        /// After a rating: the analysis' columns that replace the table's (the score and the
        /// effective tier, shared), and its monthly series (the table let go of the old
        /// analysis' while the runtime updated it); nil after an override.
        public var columns: Columns?

        /// Columns of the analysis a rating updated.
        public struct Columns: Sendable {
            public var score: [Double]
            public var tier: [UInt8]
            public var monthlyRow: @Sendable (Int) -> [Float]
        }
    }

    /// Applies changed standings: the rows' tier and strategy cells (or the tier column the
    /// standings bring, and their score column), and the filter's source.
    /// - Returns: the rows' tier and strategy before (for ``PortfolioFigures/move(_:in:)``).
    /// - Complexity: O(rows touched), plus one copy of the tier and strategy columns when shared.
    @discardableResult
    public mutating func apply(_ s: Standings) -> [(row: Int, tier: UInt8, strategy: UInt8)] {
        var before: [(row: Int, tier: UInt8, strategy: UInt8)] = []
        let columns = s.columns.flatMap { $0.score.count == count && $0.tier.count == count ? $0 : nil }
        for r in s.rows where r.row >= 0 && r.row < count && r.row < tier.count && r.row < strategy.count {
            before.append((r.row, tier[r.row], strategy[r.row]))
            if columns == nil { tier[r.row] = r.tier }
            strategy[r.row] = r.strategy
            if r.isOverridden { strategyOverridden.insert(Int32(r.row)) } else { strategyOverridden.remove(Int32(r.row)) }
        }
        if let columns {
            score = columns.score
            tier = columns.tier
            monthlyRow = columns.monthlyRow
        } else if score.count != count {
            // Columns for other accounts (the runtime sends them only for the same ones): the
            // scores let go of before the update show as unknown rather than break the list.
            score = [Double](repeating: .nan, count: count)
        }
        filterSource = s.filterSource
        return before
    }
}

extension WorkspaceView {
    /// The standings of rows `ks` under the view's analysis (after an override changed them;
    /// with `columns`, after a rating: the analysis' score and tier columns come along).
    public func standings(_ ks: [Int], columns: Bool = false) -> AccountTable.Standings {
        let a = analysis, last = Strategy.allCases.count - 1, override = a.strategy.override, recommended = a.strategy.recommended
        let rows = ks.filter { $0 >= 0 && $0 < min(a.count, workspace.customers.count) }.map { k in
            AccountTable.Standings.Row(row: k, tier: a.baseline.effectiveTiers[k],
                                       strategy: UInt8(max(0, min(last, override[k] >= 0 ? Int(override[k]) : Int(recommended[k])))),
                                       isOverridden: workspace.customers[k].strategyOverride != nil)
        }
        let n = min(a.count, workspace.customers.count)
        return AccountTable.Standings(
            rows: rows, filterSource: AnalysisFilterRows(a, scoring: a.baseline),
            columns: columns ? .init(score: Self.prefix(a.baseline.scores, n), tier: Self.prefix(a.baseline.effectiveTiers, n),
                                     monthlyRow: monthlyRow) : nil)
    }
}

extension AccountTable {
    /// This table without its holds on the analysis (the filter's source and the monthly
    /// series): what background work on its columns and caches takes (sort buckets, codes,
    /// search keys), so that an edit meanwhile updates the analysis in place — a rating
    /// writes into its criteria matrix (~70 MB at 1M accounts) — instead of copying it.
    public var detachedFromAnalysis: AccountTable {
        var t = self
        t.filterSource = nil
        t.monthlyRow = nil
        return t
    }

    /// Takes over what `old` built from the master data and the transactions, which an edit of
    /// the journal never changes for the same accounts: the search keys (names and ids), the
    /// coded owners and tag sets (kept current by every ``refresh(_:)``), and the last month's
    /// revenues. A new table after an edit that changed figures then shows the same rows
    /// without building any of them again in the background (1.3 s of search keys at 1M).
    /// - Precondition: `old` lists the same accounts in the same order (nothing happens
    ///   otherwise).
    public mutating func keepMasterData(of old: AccountTable) {
        guard old.count == count, old.sourceCustomers?.count == sourceCustomers?.count else { return }
        searchCache = old.searchCache
        owners = old.owners
        tagSets = old.tagSets
        lastMonthCache = old.lastMonthCache
    }
}
