import AcumenCore

/// The portfolio between two dates: two analyses of the same workspace, one as of an earlier
/// day and one as of a later day, scored with the *same* weights, so only the data moved.
///
/// Gives the tier, ABC and RFM-segment migration matrices (counts, revenue, and the customers
/// in each cell), the movers up and down with Δscore and Δrank, the customers new since the
/// earlier date, those gone quiet, per tier the change in customers, revenue and contribution,
/// and the decisions against outcomes (``decisions``). Definitions: docs/analytics.md §15.
///
/// Signs follow ``ScoringComparison``: Δ = later − earlier for scores and money; Δrank =
/// earlier rank − later rank, positive = moved up.
public struct PortfolioComparison: Sendable {
    /// Customers, revenue (minor units) and contribution (minor units) of one group at one date.
    public struct Totals: Sendable, Hashable {
        public var customers = 0
        public var revenue: Int64 = 0
        public var contribution: Int64 = 0

        /// Totals from counts and money (minor units).
        public init(customers: Int = 0, revenue: Int64 = 0, contribution: Int64 = 0) {
            self.customers = customers; self.revenue = revenue; self.contribution = contribution
        }

        /// `self − other`, field by field (the change from `other` to `self`).
        public func minus(_ other: Totals) -> Totals {
            Totals(customers: customers - other.customers, revenue: revenue &- other.revenue, contribution: contribution &- other.contribution)
        }
    }

    /// One tier's size and money at both dates (by effective tier at each date).
    public struct TierChange: Sendable, Hashable {
        public var tier: String
        public var earlier = Totals()
        public var later = Totals()
    }

    /// One customer who moved in rank.
    public struct Mover: Sendable, Hashable {
        /// Customer index.
        public var index: Int
        /// Later score − earlier score (points, 0–100 scale).
        public var scoreDelta: Double
        /// Earlier rank − later rank (positive = up).
        public var rankDelta: Int
        /// Effective tier names at the earlier and the later date.
        public var earlierTier: String
        public var laterTier: String
    }

    /// The analyses at the earlier and the later date.
    public let earlier: PortfolioAnalysis
    public let later: PortfolioAnalysis
    /// The weights both dates were scored with.
    public let weights: [Criterion: Double]
    /// Earlier scoring against later scoring (Δscore, Δrank, movers).
    public let scores: ScoringComparison
    /// Effective tier migration (classes: the tier names, best first).
    public let tiers: MigrationMatrix
    /// ABC class migration (classes A, B, C).
    public let abc: MigrationMatrix
    /// RFM segment migration (classes: the segment names of the earlier date, then any new ones).
    public let segments: MigrationMatrix
    /// Customers with no purchase before the earlier date and at least one before the later
    /// date, ascending.
    public let newCustomers: [Int32]
    /// Customers with a purchase in the earlier window and none in the later window, ascending.
    public let goneQuiet: [Int32]
    /// Per tier, customers, revenue and contribution at both dates.
    public let tierChanges: [TierChange]
    /// Decisions against outcomes, one group per decided strategy (see ``DecisionOutcome``).
    public let decisions: [DecisionOutcome]

    /// Compares two analyses of the same customers.
    /// - Parameters:
    ///   - earlier: the analysis at the earlier date.
    ///   - later: the analysis at the later date (same workspace, same customer order).
    ///   - weights: the weights to score both with; nil uses the later analysis' settings' weights.
    /// - Complexity: O(customers) plus at most two rescorings (only when `weights` differ from
    ///   an analysis' own settings).
    public init(earlier: PortfolioAnalysis, later: PortfolioAnalysis, weights: [Criterion: Double]? = nil) {
        let w = weights ?? later.settings.weights
        self.earlier = earlier; self.later = later; self.weights = w
        func scoring(_ a: PortfolioAnalysis) -> Scoring {
            WhatIf.normalised(a.baseline.weights) == WhatIf.normalised(w) && a.baseline.isRanked ? a.baseline : a.rescored(weights: w)
        }
        let e = scoring(earlier), l = scoring(later)
        let n = min(earlier.count, later.count)
        scores = ScoringComparison(baseline: e, scenario: l)
        let eRev = earlier.revenue, lRev = later.revenue
        tiers = MigrationMatrix(classes: later.tierNames, earlier: { Int(e.effectiveTiers[$0]) }, later: { Int(l.effectiveTiers[$0]) },
                                count: n, earlierRevenue: eRev, laterRevenue: lRev)
        let ea = earlier.abc.classes, la = later.abc.classes
        abc = MigrationMatrix(classes: ABCAnalysis.classNames, earlier: { Int(ea[$0]) }, later: { Int(la[$0]) },
                              count: n, earlierRevenue: eRev, laterRevenue: lRev)
        var names = earlier.rfm.segmentNames
        for s in later.rfm.segmentNames where !names.contains(s) { names.append(s) }
        let laterMap = later.rfm.segmentNames.map { s in names.firstIndex(of: s) ?? 0 }
        let es = earlier.rfm.segment, ls = later.rfm.segment
        segments = MigrationMatrix(classes: names, earlier: { Int(es[$0]) }, later: { laterMap[Int(ls[$0])] },
                                   count: n, earlierRevenue: eRev, laterRevenue: lRev)
        let eLife = earlier.aggregates.lifetimePurchases, lLife = later.aggregates.lifetimePurchases
        let eWin = earlier.purchases, lWin = later.purchases
        var fresh: [Int32] = [], quiet: [Int32] = []
        var changes = later.tierNames.map { TierChange(tier: $0) }
        let eCon = earlier.contribution, lCon = later.contribution
        for k in 0..<n {
            if eLife[k] == 0, lLife[k] > 0 { fresh.append(Int32(k)) }
            if eWin[k] > 0, lWin[k] == 0 { quiet.append(Int32(k)) }
            let a = Int(e.effectiveTiers[k]), b = Int(l.effectiveTiers[k])
            if a < changes.count { changes[a].earlier.add(revenue: eRev[k], contribution: eCon[k]) }
            if b < changes.count { changes[b].later.add(revenue: lRev[k], contribution: lCon[k]) }
        }
        newCustomers = fresh; goneQuiet = quiet; tierChanges = changes
        decisions = DecisionOutcome.groups(earlier: earlier, later: later, count: n)
    }

    /// Number of customers compared.
    public var count: Int { tiers.total }

    /// Later score − earlier score of customer `k` (points).
    public func scoreDelta(_ k: Int) -> Double { scores.scoreDelta(k) }

    /// Earlier rank − later rank of customer `k` (positive = moved up).
    public func rankDelta(_ k: Int) -> Int { scores.rankDelta(k) }

    /// The `limit` customers whose rank moved most in `direction` (the shared ``RankMovers``
    /// rule: |Δrank| descending, then later rank).
    /// - Complexity: O(n · log limit) typical.
    public func movers(limit: Int, direction: RankMovers.Direction) -> [Mover] {
        let names = later.tierNames
        return scores.movers(limit: limit, direction: direction).map { k in
            Mover(index: k, scoreDelta: scoreDelta(k), rankDelta: rankDelta(k),
                  earlierTier: names[Int(scores.baseline.effectiveTiers[k])], laterTier: names[Int(scores.scenario.effectiveTiers[k])])
        }
    }

    /// The earlier and later windows (for the heading: `as of … · window … – …`).
    public var windows: (earlier: AnalysisWindow, later: AnalysisWindow) { (earlier.window, later.window) }
}

extension PortfolioComparison.Totals {
    /// Counts one more customer with its revenue and contribution (minor units).
    mutating func add(revenue r: Int64, contribution c: Int64) {
        customers += 1; revenue &+= r; contribution &+= c
    }
}
