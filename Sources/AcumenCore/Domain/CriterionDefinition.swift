/// One row of the criteria table (``Criterion/definition``): what a criterion is and how it
/// enters the score by default.
public struct CriterionDefinition: Sendable, Hashable {
    /// Where a criterion's raw value comes from.
    public enum Kind: String, Sendable, Hashable { case measured, rated }

    /// The unit of a raw value (how screens and reports show it).
    public enum Unit: String, Sendable, Hashable {
        /// Currency units (hundredths are the minor unit).
        case currency
        /// Purchases: distinct purchase days over the window.
        case purchases
        /// Days (recency: since the last purchase; tenure: since the first).
        case days
        /// Symmetric growth rate in [−2, 2].
        case growthRate
        /// A probability 0–1.
        case probability
        /// A person's rating on the 0–10 scale.
        case rating
    }

    /// The key used in `settings.json`, `customers.jsonl` ratings and filters.
    public var key: Criterion
    public var title: String
    public var kind: Kind
    /// Which way counts as better when the settings say nothing.
    public var direction: Criterion.Direction
    /// The weight when the settings do not list the criterion.
    public var defaultWeight: Double
    public var unit: Unit
    /// Whether a customer can lack a value (a rating not given, no lifetime-value fit): such a
    /// criterion has a bit in the criterion matrix's known-mask.
    public var canBeUnknown: Bool

    /// A measured criterion (higher is better).
    static func measured(_ key: Criterion, _ title: String, _ unit: Unit, weight: Double, canBeUnknown: Bool = false) -> CriterionDefinition {
        CriterionDefinition(key: key, title: title, kind: .measured, direction: .higherIsBetter, defaultWeight: weight,
                            unit: unit, canBeUnknown: canBeUnknown)
    }

    /// A rated criterion (0–10, may be unknown).
    static func rated(_ key: Criterion, _ title: String, weight: Double, direction: Criterion.Direction = .higherIsBetter) -> CriterionDefinition {
        CriterionDefinition(key: key, title: title, kind: .rated, direction: direction, defaultWeight: weight,
                            unit: .rating, canBeUnknown: true)
    }
}
