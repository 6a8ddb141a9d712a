/// Everything the profile screen shows about one customer, already formatted and sanitised.
///
/// Built by the runtime (from the workspace and the analysis) in answer to
/// ``Effect/loadProfile(_:)``, so the reducer stays pure and tests can use fixtures.
public struct ProfileFacts: Hashable, Sendable {
    /// One criterion of the composite score.
    public struct CriterionLine: Hashable, Sendable {
        public var title: String
        /// The raw value as text (`12.4k`, `7/10`, `unknown`).
        public var raw: String
        /// Normalised score 0–100, NaN when unknown.
        public var normalised: Double
        /// Weight as a share of the total (0–1).
        public var weight: Double
        /// Points contributed to the composite (normalised × weight).
        public var contribution: Double
        public init(title: String, raw: String, normalised: Double, weight: Double, contribution: Double) {
            self.title = TextSanitizer.sanitize(title); self.raw = TextSanitizer.sanitize(raw)
            self.normalised = normalised; self.weight = weight; self.contribution = contribution
        }
    }

    /// A labelled figure (`Cost to serve`, `4.2k`).
    public struct Fact: Hashable, Sendable {
        public var label: String
        public var value: String
        public var isWarning: Bool
        public init(_ label: String, _ value: String, warning: Bool = false) {
            self.label = TextSanitizer.sanitize(label); self.value = TextSanitizer.sanitize(value); isWarning = warning
        }
    }

    public var row: Int
    public var name: String
    public var id: String
    /// One-line headline facts: tier, score, ABC, segment, owner…
    public var headline: [Fact]
    public var criteria: [CriterionLine]
    /// RFM, purchase cycle, trend, margin, cost to serve, break-even, CLV, P(alive)…
    public var facts: [Fact]
    /// Monthly revenue, oldest first, with a label for the first and last month.
    public var monthly: [Double]
    public var firstMonth: String
    public var lastMonth: String
    public var recommendation: String
    public var reasons: [String]
    public var actions: [String]
    /// The customer's tags as recorded (prefill of the tags prompt).
    public var tags: [String]
    public var notes: [String]
    public var overrides: [String]
    public var history: [String]
    /// Tier, score and strategy at the end of each of the last quarters, oldest first
    /// (`Q3'97 Key 81 grow`); nil while the account history is being computed.
    public var quarters: [String]?
    /// Whether the recorded triage decision was followed by growth (empty: not shown).
    public var decision: String = ""

    public init(row: Int, name: String, id: String, headline: [Fact] = [], criteria: [CriterionLine] = [],
                facts: [Fact] = [], monthly: [Double] = [], firstMonth: String = "", lastMonth: String = "",
                recommendation: String = "", reasons: [String] = [], actions: [String] = [],
                tags: [String] = [], notes: [String] = [], overrides: [String] = [], history: [String] = []) {
        let s: (String) -> String = { TextSanitizer.sanitize($0) }
        self.row = row; self.name = s(name); self.id = s(id); self.headline = headline; self.criteria = criteria
        self.facts = facts; self.monthly = monthly; self.firstMonth = s(firstMonth); self.lastMonth = s(lastMonth)
        self.recommendation = s(recommendation); self.reasons = reasons.map(s); self.actions = actions.map(s)
        self.tags = tags.map(s)
        self.notes = notes.map(s); self.overrides = overrides.map(s); self.history = history.map(s)
        quarters = []
    }
}
