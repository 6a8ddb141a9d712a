import AcumenCore
/// The analysis of a whole portfolio as of one day: flat per-customer arrays indexed like
/// ``Workspace/customers``, plus RFM, ABC, the criterion matrix, the baseline scoring and the
/// strategy grid.
///
/// Build it with ``PortfolioAnalyzer/analyze(_:asOf:clv:)``. Everything weight-independent is
/// computed once; ``rescored(weights:ranking:)`` only recombines the ``matrix`` and re-ranks.
/// Per-customer detail (``profile(for:)``, ``explanation(for:scoring:)``,
/// ``recommendation(for:)``) is derived on demand. Formulas: `docs/analytics.md`.
public struct PortfolioAnalysis: Sendable {
    /// The analysis date: transactions on or after it are ignored.
    public let asOf: Day
    /// First day of the analysis window `[windowStart, asOf)` (``Settings/windowMonths`` long).
    public let windowStart: Day
    /// The settings the analysis used.
    public let settings: Settings
    /// The customers, in workspace order.
    public let customers: CustomerList
    /// The transactions (kept for monthly series; shared copy-on-write with the workspace).
    public let transactions: TransactionTable
    let aggregates: CustomerAggregates

    /// Window cost to serve: annual cost × windowMonths / 12, rounded half away from zero (minor units).
    public let costToServe: [Int64]
    /// Contribution in the window: margin − window cost to serve (minor units).
    public let contribution: [Int64]
    /// Historical CLV: lifetime margin − annual cost × tenure days / 365 (minor units).
    public let historicalCLV: [Int64]
    /// RFM scores and segments.
    public let rfm: RFMAnalysis
    /// ABC classes and Pareto curve on ``ABCSettings/measure``.
    public let abc: ABCAnalysis
    /// Normalised criteria (weight-independent half of the score).
    public let matrix: CriterionMatrix
    /// The rescoring engine.
    public let engine: ScoreEngine
    /// Scores, tiers and ranks under the settings' weights.
    public let baseline: Scoring
    /// Value × potential strategy grid.
    public let strategy: StrategyAnalysis
    /// Predicted CLV and P(alive), when a fit was supplied.
    public let clv: CLVInputs?
    /// Problems that did not stop the analysis (an override naming no tier, a gap in the RFM map).
    public let warnings: [String]
    /// The customers whose tier or strategy override names nothing (a warning says so for each):
    /// an edit of their overrides changes the warnings, which only a full analysis gets right.
    let ignoredOverrides: Set<Int>

    init(asOf: Day, windowStart: Day, settings: Settings, customers: CustomerList, transactions: TransactionTable,
         aggregates: CustomerAggregates, costToServe: [Int64], contribution: [Int64], historicalCLV: [Int64],
         rfm: RFMAnalysis, abc: ABCAnalysis, matrix: CriterionMatrix, engine: ScoreEngine, baseline: Scoring,
         strategy: StrategyAnalysis, clv: CLVInputs?, warnings: [String], ignoredOverrides: Set<Int>) {
        self.asOf = asOf; self.windowStart = windowStart; self.settings = settings; self.customers = customers
        self.transactions = transactions; self.aggregates = aggregates; self.costToServe = costToServe
        self.contribution = contribution; self.historicalCLV = historicalCLV; self.rfm = rfm; self.abc = abc
        self.matrix = matrix; self.engine = engine; self.baseline = baseline; self.strategy = strategy
        self.clv = clv; self.warnings = warnings; self.ignoredOverrides = ignoredOverrides
    }

    /// Number of customers.
    public var count: Int { customers.count }

    /// Revenue in the window per customer (minor units).
    public var revenue: [Int64] { aggregates.revenue }
    /// Gross margin in the window per customer (minor units; unknown margins at the default rate).
    public var margin: [Int64] { aggregates.margin }
    /// Purchases (distinct purchase days) in the window per customer.
    public var purchases: [Int32] { aggregates.purchases }
    /// Where each customer's transaction rows are.
    public var rows: CustomerRows { aggregates.rows }

    /// Whether customer `k` is below break-even (contribution < 0).
    public func isBelowBreakEven(_ k: Int) -> Bool { contribution[k] < 0 }

    /// Days since customer `k`'s last purchase; nil when it never purchased before `asOf`.
    public func recencyDays(_ k: Int) -> Int? { MeasuredCriteria.recencyDays(aggregates, k, asOf: asOf) }

    /// The names of the tiers, best first.
    public var tierNames: [String] { engine.bands.map(\.name) }

    /// Rescores every customer with another weight set (a what-if scenario).
    /// - Parameter ranking: compute full ranks too (needed for Δrank); without it only
    ///   scores, tiers and cut-offs (the fast path for live sliders).
    /// - Complexity: O(n · weighted criteria); see ``ScoreEngine``.
    public func rescored(weights: [Criterion: Double], ranking: Bool = true) -> Scoring {
        engine.score(weights: weights, ranking: ranking)
    }

    /// Rescores with a named scenario's weights (criteria it does not list weigh 0).
    public func rescored(scenario: Scenario, ranking: Bool = true) -> Scoring {
        engine.score(weights: scenario.weights, ranking: ranking)
    }

    /// The raw value of a criterion for customer `k`, in its unit (nil when unknown).
    ///
    /// Recency is in days since the last purchase (nil when none); ratings are 0–10.
    public func rawValue(_ c: Criterion, for k: Int) -> Double? {
        if c.isRated { return customers[k].ratings[c] }
        return MeasuredCriteria.value(c, aggregates, contribution: contribution, k, asOf: asOf, clv: clv)
    }
}
