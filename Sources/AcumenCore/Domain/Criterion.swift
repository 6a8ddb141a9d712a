/// A criterion of the composite score: measured from transactions, or rated by a person 0–10.
///
/// **One table.** Everything known about a criterion — key (the raw value, used in
/// `settings.json`), title, kind, default direction, default weight, unit and whether it can be
/// unknown — is its row in ``definition``; its ordinal is its position in `allCases` (the
/// declaration order). Adding a criterion is one case, one row, and for a measured one its
/// computation in `MeasuredCriteria` (the compiler asks for both).
///
/// **Capacity.** ``Ratings`` keeps at most ``Ratings/capacity`` (16) rated criteria inline, and
/// the criterion matrix's known-mask has 16 bits for the criteria that can be unknown (the rated
/// ones plus predicted CLV and P(alive)); rescoring builds a table of 2^(those criteria) weight
/// sums. Today 10 rated and 12 optional criteria are defined; a test fails past the limits.
public enum Criterion: String, CaseIterable, Sendable, Hashable, Comparable {
    // Measured from the transactions.
    case monetary, contribution, frequency, recency, tenure, trend, predictedCLV, pAlive
    // Rated by the account manager on a 0–10 scale.
    case satisfaction, stickiness, marketPotential, needsFit, competition, innovation
    case cooperation, brandInfluence, cultureFit, risk

    /// The criterion's row of the table.
    public var definition: CriterionDefinition {
        switch self {
        case .monetary: .measured(self, "Revenue", .currency, weight: 15)
        case .contribution: .measured(self, "Contribution", .currency, weight: 15)
        case .frequency: .measured(self, "Frequency", .purchases, weight: 8)
        case .recency: .measured(self, "Recency", .days, weight: 8)
        case .tenure: .measured(self, "Tenure", .days, weight: 3)
        case .trend: .measured(self, "Revenue trend", .growthRate, weight: 5)
        case .predictedCLV: .measured(self, "Predicted CLV", .currency, weight: 10, canBeUnknown: true)
        case .pAlive: .measured(self, "P(alive)", .probability, weight: 0, canBeUnknown: true)
        case .satisfaction: .rated(self, "Satisfaction", weight: 5)
        case .stickiness: .rated(self, "Stickiness", weight: 4)
        case .marketPotential: .rated(self, "Market potential", weight: 6)
        case .needsFit: .rated(self, "Needs fit", weight: 3)
        case .competition: .rated(self, "Competition", weight: 2, direction: .lowerIsBetter)
        case .innovation: .rated(self, "Innovation", weight: 2)
        case .cooperation: .rated(self, "Willingness to cooperate", weight: 4)
        case .brandInfluence: .rated(self, "Brand influence", weight: 3)
        case .cultureFit: .rated(self, "Culture fit", weight: 2)
        case .risk: .rated(self, "Risk", weight: 5, direction: .lowerIsBetter)
        }
    }

    /// True for criteria a person rates on a 0–10 scale.
    public var isRated: Bool { definition.kind == .rated }
    /// A human title for screens and reports.
    public var title: String { definition.title }
    /// Whether a higher raw value is better, before settings override it.
    public var defaultDirection: Direction { definition.direction }
    /// The weight a criterion has when the settings do not list it.
    public var defaultWeight: Double { definition.defaultWeight }
    /// The unit of the raw value.
    public var unit: CriterionDefinition.Unit { definition.unit }

    /// The rated criteria, in display order.
    public static let rated: [Criterion] = allCases.filter(\.isRated)
    /// The measured criteria, in display order.
    public static let measured: [Criterion] = allCases.filter { !$0.isRated }

    /// Position in ``allCases`` (display order): the declaration order, read from the case's
    /// tag byte (a payload-free enum of fewer than 256 cases is one byte numbered in declaration
    /// order; `CriterionTableTests` checks it against `allCases`).
    @inline(__always)
    public var ordinal: Int { withUnsafeBytes(of: self) { Int($0[0]) } }

    /// Position among the rated criteria (0…), nil for measured ones.
    public var ratedIndex: Int? {
        let k = Self.ratedIndexByOrdinal[ordinal]
        return k < 0 ? nil : Int(k)
    }

    private static let ratedIndexByOrdinal: [Int8] = allCases.map { c in Int8(rated.firstIndex(of: c) ?? -1) }

    public static func < (a: Criterion, b: Criterion) -> Bool { a.ordinal < b.ordinal }

    /// Hashes the case position, not the raw string (cheap in hot loops).
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    /// Which way a criterion counts.
    public enum Direction: String, Sendable, CaseIterable {
        case higherIsBetter = "higher"
        case lowerIsBetter = "lower"
    }
}
