import AcumenCore
/// Computed figures for one customer, supplied by the analytics engine (all optional, so the
/// exporter works with whatever is available).
public struct AccountFigures: Hashable, Sendable {
    public var tier: String?
    /// Composite score, 0–100.
    public var score: Double?
    /// RFM segment name.
    public var segment: String?
    /// ABC class: `A`, `B` or `C`.
    public var abc: String?
    /// RFM recency and frequency scores 1–5.
    public var recencyScore: Int?
    public var frequencyScore: Int?
    /// The strategy in force (override included), as the analytics decided it.
    public var strategy: Strategy?
    /// The recommended strategy (before any override).
    public var recommendation: Strategy?
    /// The factors that decided the recommendation.
    public var reasons: [String] = []
    /// Revenue over the analysis window.
    public var revenue: Money?
    /// Gross margin over the window.
    public var margin: Money?
    /// Contribution = gross margin − cost to serve.
    public var contribution: Money?
    /// Predicted customer lifetime value, in currency.
    public var clv: Money?

    public init() {}
}

/// One account as exported: master data, figures and the decisions recorded about it.
public struct ExportedAccount: Hashable, Sendable, AccountFilterSubject {
    /// Index in the workspace's customers.
    public var index: Int
    public var customer: Customer
    public var figures: AccountFigures

    public init(index: Int, customer: Customer, figures: AccountFigures) {
        self.index = index; self.customer = customer; self.figures = figures
    }

    /// The tier in force: the analytics' (overrides applied), else the override's.
    public var tier: String? { figures.tier ?? customer.tierOverride?.value }
    /// The strategy in force: the analytics', else the override's, else the recommendation.
    public var strategy: Strategy? {
        figures.strategy ?? customer.strategyOverride.flatMap { Strategy(rawValue: $0.value) } ?? figures.recommendation
    }
    /// `tier`, `strategy` or `tier+strategy` when a manual override is in force.
    public var overrideKind: String {
        switch (customer.tierOverride != nil, customer.strategyOverride != nil) {
        case (true, true): "tier+strategy"
        case (true, false): "tier"
        case (false, true): "strategy"
        case (false, false): ""
        }
    }
    /// Why the account has its strategy: the override's reason, else the recommendation's reasons.
    public var reason: String {
        var parts: [String] = []
        if let o = customer.tierOverride { parts.append("Tier override by \(o.author): \(o.reason.isEmpty ? "no reason given" : o.reason)") }
        if figures.reasons.isEmpty, let o = customer.strategyOverride {
            parts.append("Manual override by \(o.author): \(o.reason.isEmpty ? "no reason given" : o.reason)")
        }
        return (parts + figures.reasons).joined(separator: "; ")
    }
    /// Contribution below zero.
    public var isBelowBreakEven: Bool { (figures.contribution?.minor ?? 0) < 0 }

    public func values(for key: AccountFilter.TextKey) -> [String] {
        switch key {
        case .tier: tier.map { [$0] } ?? []
        case .segment: figures.segment.map { [$0] } ?? []
        case .abc: figures.abc.map { [$0] } ?? []
        case .strategy: strategy.map { [$0.rawValue, $0.title] } ?? []
        case .reason: [reason]
        default: customer.filterValues(for: key)
        }
    }

    public func number(for key: AccountFilter.NumberKey) -> Double? {
        switch key {
        case .score: figures.score
        case .revenue: figures.revenue?.units
        case .contribution: figures.contribution?.units
        case .clv: figures.clv?.units
        case .margin: figures.margin?.units
        case .costToServe: customer.costToServe.units
        case .r: figures.recencyScore.map(Double.init)
        case .f: figures.frequencyScore.map(Double.init)
        }
    }

    public func flag(_ flag: AccountFilter.Flag) -> Bool { customer.filterFlag(flag, belowBreakEven: isBelowBreakEven) }
}
