/// A criterion of the composite score: measured from transactions, or rated by a person 0–10.
public enum Criterion: String, CaseIterable, Sendable, Hashable, Comparable {
    // Measured from the transactions.
    case monetary, contribution, frequency, recency, tenure, trend, predictedCLV, pAlive
    // Rated by the account manager on a 0–10 scale.
    case satisfaction, stickiness, marketPotential, needsFit, competition, innovation
    case cooperation, brandInfluence, cultureFit, risk

    /// True for criteria a person rates on a 0–10 scale.
    public var isRated: Bool {
        switch self {
        case .monetary, .contribution, .frequency, .recency, .tenure, .trend, .predictedCLV, .pAlive: false
        default: true
        }
    }

    /// The rated criteria, in display order.
    public static let rated: [Criterion] = allCases.filter(\.isRated)
    /// The measured criteria, in display order.
    public static let measured: [Criterion] = allCases.filter { !$0.isRated }

    /// A human title for screens and reports.
    public var title: String {
        switch self {
        case .monetary: "Revenue"
        case .contribution: "Contribution"
        case .frequency: "Frequency"
        case .recency: "Recency"
        case .tenure: "Tenure"
        case .trend: "Revenue trend"
        case .predictedCLV: "Predicted CLV"
        case .pAlive: "P(alive)"
        case .satisfaction: "Satisfaction"
        case .stickiness: "Stickiness"
        case .marketPotential: "Market potential"
        case .needsFit: "Needs fit"
        case .competition: "Competition"
        case .innovation: "Innovation"
        case .cooperation: "Willingness to cooperate"
        case .brandInfluence: "Brand influence"
        case .cultureFit: "Culture fit"
        case .risk: "Risk"
        }
    }

    /// Whether a higher raw value is better, before settings override it.
    public var defaultDirection: Direction {
        switch self {
        case .competition, .risk: .lowerIsBetter
        default: .higherIsBetter
        }
    }

    /// Position in ``allCases`` (display order).
    public var ordinal: Int {
        switch self {
        case .monetary: 0
        case .contribution: 1
        case .frequency: 2
        case .recency: 3
        case .tenure: 4
        case .trend: 5
        case .predictedCLV: 6
        case .pAlive: 7
        default: 8 + (ratedIndex ?? 0)
        }
    }

    public static func < (a: Criterion, b: Criterion) -> Bool { a.ordinal < b.ordinal }

    /// Hashes the case position, not the raw string (cheap in hot loops).
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    /// Which way a criterion counts.
    public enum Direction: String, Sendable, CaseIterable {
        case higherIsBetter = "higher"
        case lowerIsBetter = "lower"
    }
}
