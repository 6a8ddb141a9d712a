import AcumenCore

/// Every account's tier, score and strategy at the end of each of the last quarters: the
/// profile's timeline, computed for all accounts at once.
///
/// An account has a standing at a date only once it is a customer in the data: at least one
/// purchase before that date. At the dates before its first purchase (Acumen keeps no separate
/// "customer since" date, so the first transaction is when the account enters the data) the
/// point has no ``Point/standing`` — the profile shows "—" — instead of the tier and score the
/// analysis would rank a customer with no history at.
///
/// The dates are calendar quarter starts (1 January, 1 April, 1 July, 1 October): analysing as
/// of a quarter start sees the data up to the end of the quarter before. The newest date is the
/// latest quarter start on or before the analysis date; the others step back three months each.
/// Each date is analysed as ``PortfolioAnalyzer/analyze(_:asOf:clv:)`` would, with the workspace's
/// weights and tier settings (``QuarterStandings`` computes only what the history keeps). By default no lifetime-value fit is made per quarter (eight fits would
/// multiply the cost): predicted CLV and P(alive) are then unknown at every date and their
/// weight is spread over the other criteria, the same way at every date, so the quarters are
/// comparable with each other (though not to the decimal with a score that includes the fit).
///
/// Meant to be computed once per workspace load, off the input path, and kept: a profile then
/// reads one account's timeline with ``timeline(_:)`` in O(quarters). Definition: docs/analytics.md §16.
/// Storage: quarters × customers × 10 bytes (80 MB for 8 quarters of 1M customers; 14 bytes
/// when a revenue needs 64 bits).
public struct AccountHistory: Sendable {
    /// One account at one date.
    public struct Point: Sendable, Hashable {
        /// The analysis date (a quarter start; the quarter before it has ended).
        public var asOf: Day
        /// Tier, score and strategy at that date; nil before the account's first purchase.
        public var standing: Standing?
        /// Window revenue at that date (minor units; 0 before the first purchase).
        public var revenue: Int64
    }

    /// Where an account stood at one date.
    public struct Standing: Sendable, Hashable {
        /// Effective tier name.
        public var tier: String
        /// Composite score 0–100.
        public var score: Double
        /// Effective strategy.
        public var strategy: Strategy
    }

    /// One date's window revenue per customer (minor units), as `Int32` when every value fits
    /// (half the memory: 4 MB less per date at 1M customers), else as `Int64`.
    enum Amounts: Sendable, Equatable {
        case narrow([Int32])
        case wide([Int64])

        init(_ values: [Int64]) {
            if values.allSatisfy({ Int64(Int32.min)...Int64(Int32.max) ~= $0 }) {
                self = .narrow(values.map { Int32(truncatingIfNeeded: $0) })
            } else {
                self = .wide(values)
            }
        }

        /// Customer `k`'s amount.
        subscript(k: Int) -> Int64 {
            switch self {
            case .narrow(let v): Int64(v[k])
            case .wide(let v): v[k]
            }
        }
    }

    /// The tier index stored for a customer with no purchase before a date (no standing).
    static let noStanding = UInt8.max

    /// The analysis dates, oldest first.
    public let dates: [Day]
    /// The tier names, best first.
    public let tierNames: [String]
    /// Per date, per customer: effective tier index (``noStanding`` before the first purchase),
    /// score, effective strategy index, window revenue.
    let tiers: [[UInt8]]
    let scores: [[Float]]
    let strategies: [[UInt8]]
    let revenue: [Amounts]

    /// Analyses `workspace` at the ends of the `quarters` quarters up to `asOf`.
    /// - Parameters:
    ///   - clv: lifetime-value inputs for a date (nil: no fit, the default; see above).
    ///   - betweenDates: called after each date's analysis (the workbench gives the memory its
    ///     temporaries held back to the system there: 100 MB less at the peak at 1M accounts).
    /// - Complexity: `quarters` per-date analyses (``QuarterStandings``: only what the history
    ///   keeps, the same figures as a full analysis), run one after the other; memory stays at
    ///   one date's aggregates and matrix plus the kept columns.
    public init(_ workspace: Workspace, asOf: Day, quarters: Int = 8, clv: (@Sendable (Day) -> CLVInputs?)? = nil,
                betweenDates: (() -> Void)? = nil) {
        let dates = Self.quarterEnds(onOrBefore: asOf, count: quarters)
        var t: [[UInt8]] = [], s: [[Float]] = [], g: [[UInt8]] = [], r: [Amounts] = []
        var names: [String] = []
        var shared = dates.isEmpty ? nil : QuarterStandings(workspace)
        for d in dates {
            guard let a = shared?.standings(asOf: d, clv: clv?(d)) else { continue }
            names = a.tierNames
            t.append(zip(a.effectiveTiers, a.lifetimePurchases).map { tier, bought in bought > 0 ? tier : Self.noStanding })
            s.append(a.scores.map { Float($0) })
            g.append(a.strategies)
            r.append(Amounts(a.revenue))
            betweenDates?()
        }
        self.dates = dates; tierNames = names; tiers = t; scores = s; strategies = g; revenue = r
    }

    /// A history from its columns.
    init(dates: [Day], tierNames: [String], tiers: [[UInt8]], scores: [[Float]], strategies: [[UInt8]], revenue: [Amounts]) {
        self.dates = dates; self.tierNames = tierNames; self.tiers = tiers; self.scores = scores
        self.strategies = strategies; self.revenue = revenue
    }

    /// Number of customers covered.
    public var count: Int { tiers.first?.count ?? 0 }

    /// Customer `k`'s tier, score and strategy at each date, oldest first (empty when `k` is
    /// out of range, e.g. a customer added after the history was computed); no standing at the
    /// dates before its first purchase.
    /// - Complexity: O(dates).
    public func timeline(_ k: Int) -> [Point] {
        guard k >= 0, k < count else { return [] }
        return dates.indices.map { i in
            let tier = tiers[i][k]
            let standing = tier == Self.noStanding ? nil
                : Standing(tier: tierNames[min(tierNames.count - 1, Int(tier))], score: Double(scores[i][k]),
                           strategy: StrategyAnalysis.strategy(Int(strategies[i][k])))
            return Point(asOf: dates[i], standing: standing, revenue: revenue[i][k])
        }
    }

    /// The `count` latest calendar quarter starts on or before `day`, oldest first.
    ///
    /// Example: for 1998-08-15 and 3 → 1998-01-01, 1998-04-01, 1998-07-01.
    public static func quarterEnds(onOrBefore day: Day, count: Int) -> [Day] {
        guard count > 0 else { return [] }
        let (y, m, _) = day.civil
        let latest = Day(year: y, month: (m - 1) / 3 * 3 + 1, day: 1) ?? day
        return (0..<count).reversed().map { latest.adding(months: -3 * $0) }
    }
}
