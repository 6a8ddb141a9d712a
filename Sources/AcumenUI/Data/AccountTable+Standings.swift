import AcumenAnalytics
import AcumenCore

extension AccountTable {
    /// The effective tiers and strategies of the rows a manual override changed, with the
    /// filter's view of the analysis that holds them: what the runtime hands the list after an
    /// override, which moves no score and no other row (``PortfolioAnalysis/updatingOverrides(of:in:)``).
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
    }

    /// Applies changed standings: the rows' tier and strategy cells and the filter's source.
    /// - Returns: the rows' tier and strategy before (for ``PortfolioFigures/move(_:in:)``).
    /// - Complexity: O(rows touched), plus one copy of the two byte columns when shared.
    @discardableResult
    public mutating func apply(_ s: Standings) -> [(row: Int, tier: UInt8, strategy: UInt8)] {
        var before: [(row: Int, tier: UInt8, strategy: UInt8)] = []
        for r in s.rows where r.row >= 0 && r.row < count && r.row < tier.count && r.row < strategy.count {
            before.append((r.row, tier[r.row], strategy[r.row]))
            tier[r.row] = r.tier
            strategy[r.row] = r.strategy
            if r.isOverridden { strategyOverridden.insert(Int32(r.row)) } else { strategyOverridden.remove(Int32(r.row)) }
        }
        filterSource = s.filterSource
        return before
    }
}

extension WorkspaceView {
    /// The standings of rows `ks` under the view's analysis (after an override changed them).
    public func standings(_ ks: [Int]) -> AccountTable.Standings {
        let a = analysis, last = Strategy.allCases.count - 1, override = a.strategy.override, recommended = a.strategy.recommended
        let rows = ks.filter { $0 >= 0 && $0 < min(a.count, workspace.customers.count) }.map { k in
            AccountTable.Standings.Row(row: k, tier: a.baseline.effectiveTiers[k],
                                       strategy: UInt8(max(0, min(last, override[k] >= 0 ? Int(override[k]) : Int(recommended[k])))),
                                       isOverridden: workspace.customers[k].strategyOverride != nil)
        }
        return AccountTable.Standings(rows: rows, filterSource: AnalysisFilterRows(a, scoring: a.baseline))
    }
}

extension AccountTable {
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
