import AcumenCore

/// Whether an account's recorded triage decision was followed by growth: its revenue in the
/// 12 months after the decision against the 12 months before.
///
/// With `d` the UTC day of the decision (``Review/at``): before = revenue of the days
/// `[d − 12 months, d)`, after = revenue of `[d, d + 12 months)`, both in minor units. The
/// comparison is only made once the after-period has ended on or before the analysis date
/// (`d + 12 months ≤ asOf`); until then the answer is ``Outcome/tooEarly(until:)``.
/// Transactions on or after `asOf` are never looked at. Change = (after − before) / before.
/// Definition: docs/analytics.md §16.
public struct DecisionGrowth: Sendable, Hashable {
    /// What can be said about the decision so far.
    public enum Outcome: Sendable, Hashable {
        /// No accepted or decided review is recorded.
        case noDecision
        /// Less than a full period has passed; the comparison is possible from this day on.
        case tooEarly(until: Day)
        /// Both periods are complete.
        case measured(before: Int64, after: Int64)
    }

    /// The decision's day and strategy, when there is one.
    public var decided: Day?
    public var strategy: Strategy?
    public var outcome: Outcome

    /// The length of each period in months.
    public static let periodMonths = 12

    /// Relative change `(after − before) / before`; nil unless measured or when before is 0.
    public var change: Double? {
        guard case .measured(let b, let a) = outcome, b != 0 else { return nil }
        return Double(a - b) / Double(b)
    }

    /// True when measured and revenue after exceeds revenue before.
    public var grew: Bool? {
        guard case .measured(let b, let a) = outcome else { return nil }
        return a > b
    }

    /// Assesses customer `k`'s recorded decision as of the analysis date.
    /// - Complexity: O(the customer's transactions).
    public init(_ analysis: PortfolioAnalysis, customer k: Int) {
        self.init(analysis, customer: k, review: k >= 0 && k < analysis.count ? analysis.customers[k].review : nil)
    }

    /// Assesses `review` — customer `k`'s decision as recorded now, e.g. made in triage after
    /// the analysis was computed — against the analysis's transactions.
    public init(_ analysis: PortfolioAnalysis, customer k: Int, review: Review?) {
        guard k >= 0, k < analysis.count, let review, review.status != .skipped,
              let strategy = review.strategy else {
            self.init(decided: nil, strategy: nil, outcome: .noDecision)
            return
        }
        let d = review.at.day
        let end = d.adding(months: Self.periodMonths)
        guard end <= analysis.asOf else {
            self.init(decided: d, strategy: strategy, outcome: .tooEarly(until: end))
            return
        }
        let start = d.adding(months: -Self.periodMonths).ordinal
        let t = analysis.transactions
        var before: Int64 = 0, after: Int64 = 0
        for r in analysis.rows.rows(of: k) {
            let day = t.day[r]
            if day >= start, day < d.ordinal { before &+= t.amount[r] } else if day >= d.ordinal, day < end.ordinal { after &+= t.amount[r] }
        }
        self.init(decided: d, strategy: strategy, outcome: .measured(before: before, after: after))
    }

    init(decided: Day?, strategy: Strategy?, outcome: Outcome) {
        self.decided = decided; self.strategy = strategy; self.outcome = outcome
    }
}
