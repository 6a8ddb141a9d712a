import AcumenCore

/// Decisions against outcomes: for the accounts whose triage decision was recorded before the
/// earlier of two dates, grouped by the strategy decided, how their window revenue and
/// contribution moved from the earlier date to the later one.
///
/// Counted: customers whose ``Review`` is accepted or decided (not skipped), has a strategy,
/// and is dated (UTC day of ``Review/at``) before the earlier `asOf`. A review made after the
/// earlier date could not have caused the change and is left out. Revenue change =
/// (later − earlier) / earlier, nil when the earlier revenue is 0. Closes the method's loop of
/// data → classification → strategy → feedback (docs/analytics.md §15).
public struct DecisionOutcome: Sendable, Hashable {
    /// The strategy decided.
    public var strategy: Strategy
    /// The accounts, ascending customer index.
    public var customers: [Int32] = []
    /// Their window revenue and contribution at the earlier and the later date (minor units).
    public var earlierRevenue: Int64 = 0
    public var laterRevenue: Int64 = 0
    public var earlierContribution: Int64 = 0
    public var laterContribution: Int64 = 0

    /// Creates an empty group for a strategy.
    public init(strategy: Strategy) { self.strategy = strategy }

    /// Number of accounts.
    public var count: Int { customers.count }

    /// Relative revenue change, `(later − earlier) / earlier`; nil when the earlier revenue is 0.
    public var revenueChange: Double? {
        earlierRevenue == 0 ? nil : Double(laterRevenue - earlierRevenue) / Double(earlierRevenue)
    }

    /// Relative contribution change, `(later − earlier) / |earlier|`; nil when the earlier is 0.
    public var contributionChange: Double? {
        earlierContribution == 0 ? nil : Double(laterContribution - earlierContribution) / Double(abs(earlierContribution))
    }

    /// One group per strategy (in ``Strategy/allCases`` order), including empty ones.
    /// - Complexity: O(customers).
    static func groups(earlier: PortfolioAnalysis, later: PortfolioAnalysis, count n: Int) -> [DecisionOutcome] {
        var groups = Strategy.allCases.map { DecisionOutcome(strategy: $0) }
        let cutoff = earlier.asOf
        let eRev = earlier.revenue, lRev = later.revenue, eCon = earlier.contribution, lCon = later.contribution
        for k in 0..<n {
            guard let review = later.customers[k].review, review.status != .skipped,
                  let strategy = review.strategy, review.at.day < cutoff,
                  let g = Strategy.allCases.firstIndex(of: strategy) else { continue }
            groups[g].customers.append(Int32(k))
            groups[g].earlierRevenue &+= eRev[k]; groups[g].laterRevenue &+= lRev[k]
            groups[g].earlierContribution &+= eCon[k]; groups[g].laterContribution &+= lCon[k]
        }
        return groups
    }
}
