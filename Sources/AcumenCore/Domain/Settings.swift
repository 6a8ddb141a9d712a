/// Workspace settings: every rule and threshold the analytics use, as data.
///
/// Stored in `settings.json`. Defaults reproduce DESIGN §2; the user edits them in the file
/// or on the weights screen.
public struct Settings: Hashable, Sendable {
    /// Currency code shown with amounts (amounts are in hundredths of it).
    public var currency = "EUR"
    /// A fixed analysis date; when nil the CLI and TUI use today.
    public var asOf: Day?
    /// Length of the analysis window in months (revenue, margin, frequency are over it).
    public var windowMonths = 12
    /// Margin assumed for transactions that carry neither margin nor cost (0–1).
    public var defaultMarginRate = 0.3
    /// Weight, direction and normalisation of each criterion.
    public var criteria: [CriterionSetting] = CriterionSetting.defaults
    /// Named weight sets for what-if.
    public var scenarios: [Scenario] = []
    public var tiers = TierSettings()
    public var abc = ABCSettings()
    public var rfm = RFMSettings()
    public var strategy = StrategySettings()
    public var clv = CLVSettings()
    /// Fields this version does not know, kept verbatim on rewrite.
    public var extra: [String: JSONValue] = [:]

    /// Default settings.
    public init() {}

    /// The weights of all criteria, by criterion; a criterion without a setting takes its
    /// default weight (``CriterionSetting/defaults``), as `docs/format.md` says of any missing member.
    public var weights: [Criterion: Double] {
        get {
            var w = Dictionary(criteria.map { ($0.criterion, $0.weight) }, uniquingKeysWith: { a, _ in a })
            for c in Criterion.allCases where w[c] == nil { w[c] = c.defaultWeight }
            return w
        }
        set {
            for k in criteria.indices { criteria[k].weight = newValue[criteria[k].criterion] ?? 0 }
            for (c, w) in newValue where !criteria.contains(where: { $0.criterion == c }) {
                criteria.append(CriterionSetting(criterion: c, weight: w))
            }
        }
    }

    /// The setting of one criterion.
    public func setting(for criterion: Criterion) -> CriterionSetting? { criteria.first { $0.criterion == criterion } }
}

/// How one criterion enters the composite score.
public struct CriterionSetting: Hashable, Sendable {
    /// How a raw value maps to 0–100.
    public enum Normalisation: String, Sendable, CaseIterable {
        /// Percentile rank among customers with a value (ties share the mean rank).
        case percentile
        /// Linear between the minimum and the maximum.
        case minMax
        /// Linear on sign(x)·ln(1+|x|) between its minimum and maximum (skewed money).
        case logMinMax
        /// Rated 0–10 scale times ten.
        case scale
    }
    public var criterion: Criterion
    /// Non-negative relative weight; only ratios matter.
    public var weight: Double
    public var direction: Criterion.Direction
    public var normalisation: Normalisation

    public init(criterion: Criterion, weight: Double, direction: Criterion.Direction? = nil, normalisation: Normalisation? = nil) {
        self.criterion = criterion; self.weight = weight
        self.direction = direction ?? criterion.defaultDirection
        self.normalisation = normalisation ?? (criterion.isRated ? .scale : .percentile)
    }

    /// Default settings of every criterion, in `allCases` order, with the weights of the
    /// criteria table (``Criterion/defaultWeight``): value-heavy, the rated criteria sharing a third.
    public static let defaults: [CriterionSetting] = Criterion.allCases.map { .init(criterion: $0, weight: $0.defaultWeight) }
}

/// A named set of weights.
public struct Scenario: Hashable, Sendable {
    public var name: String
    public var weights: [Criterion: Double]
    public init(name: String, weights: [Criterion: Double]) { self.name = name; self.weights = weights }

    /// The longest scenario name, in characters.
    public static let maxNameLength = 60
    /// Names the workbench uses for weight sets that are not saved scenarios (the workspace's
    /// default weights, the weights on trial); a scenario cannot take them.
    public static let reservedNames: Set<String> = ["default", "trial"]

    /// Why a text cannot name a scenario, or nil when it can: empty, longer than
    /// ``maxNameLength`` characters, space at either end, a control character, or a reserved
    /// name (case-insensitive).
    public static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        if name.count > maxNameLength { return "longer than \(maxNameLength) characters" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format && $0.value != 0x200D }) {
            return "it contains a control character"
        }
        if name.first?.isWhitespace == true || name.last?.isWhitespace == true { return "it starts or ends with a space" }
        if reservedNames.contains(name.lowercased()) { return "\"\(name.lowercased())\" is reserved for the workbench's own weight sets" }
        return nil
    }
}
