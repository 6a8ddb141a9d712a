/// A customer's master data, ratings and the decisions recorded about it.
///
/// Transactions are not stored here but in the columnar ``TransactionTable``; analytics
/// join the two by the customer's dense index.
public struct Customer: Hashable, Sendable {
    /// Stable identifier, unique in the workspace.
    public var id: String
    /// Display name (any script; may be CJK).
    public var name: String
    public var industry: String = ""
    public var region: String = ""
    /// The account manager responsible.
    public var owner: String = ""
    public var tags: [String] = []
    /// Rated criteria on 0–10; a criterion absent from the dictionary is *unknown*, not zero.
    public var ratings = Ratings()
    /// Annual cost to serve (account management, support, logistics), in currency.
    public var costToServe: Money = .zero
    /// Annotations and decisions, kept out of line: most customers have none, and a small
    /// `Customer` makes a million of them cheap to load, copy and scan.
    private var details: Details?

    public var notes: [Note] {
        get { details?.notes ?? [] }
        set { mutateDetails { $0.notes = newValue } }
    }
    /// A manual tier, which wins over the computed one.
    public var tierOverride: Override? {
        get { details?.tierOverride }
        set { mutateDetails { $0.tierOverride = newValue } }
    }
    /// A manual strategy, which wins over the recommendation.
    public var strategyOverride: Override? {
        get { details?.strategyOverride }
        set { mutateDetails { $0.strategyOverride = newValue } }
    }
    /// The last triage decision, if any.
    public var review: Review? {
        get { details?.review }
        set { mutateDetails { $0.review = newValue } }
    }
    /// Every edit made to this customer, oldest first.
    public var history: [HistoryEntry] {
        get { details?.history ?? [] }
        set { mutateDetails { $0.history = newValue } }
    }
    /// Fields this version does not know, kept verbatim on rewrite.
    public var extra: [String: JSONValue] {
        get { details?.extra ?? [:] }
        set { mutateDetails { $0.extra = newValue } }
    }

    /// True when the customer has no notes, overrides, review, history or unknown fields.
    public var isPlain: Bool { details == nil }

    private mutating func mutateDetails(_ change: (Details) -> Void) {
        let unique = isKnownUniquelyReferenced(&details)
        let d: Details
        if unique, let current = details { d = current } else { d = details?.copy() ?? Details() }
        change(d)
        details = d.isEmpty ? nil : d
    }

    /// Out-of-line storage of a customer's annotations (copy on write through ``mutateDetails``).
    private final class Details: @unchecked Sendable {
        var notes: [Note] = []
        var tierOverride: Override?
        var strategyOverride: Override?
        var review: Review?
        var history: [HistoryEntry] = []
        var extra: [String: JSONValue] = [:]

        var isEmpty: Bool {
            notes.isEmpty && tierOverride == nil && strategyOverride == nil && review == nil && history.isEmpty && extra.isEmpty
        }

        func copy() -> Details {
            let d = Details()
            d.notes = notes; d.tierOverride = tierOverride; d.strategyOverride = strategyOverride
            d.review = review; d.history = history; d.extra = extra
            return d
        }
    }

    public static func == (a: Customer, b: Customer) -> Bool {
        a.id == b.id && a.name == b.name && a.industry == b.industry && a.region == b.region && a.owner == b.owner
            && a.tags == b.tags && a.ratings == b.ratings && a.costToServe == b.costToServe && a.notes == b.notes
            && a.tierOverride == b.tierOverride && a.strategyOverride == b.strategyOverride && a.review == b.review
            && a.history == b.history && a.extra == b.extra
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id); hasher.combine(name); hasher.combine(ratings); hasher.combine(costToServe)
        hasher.combine(notes); hasher.combine(history)
    }

    /// Creates a customer with an id and a name; other fields start empty.
    public init(id: String, name: String) {
        self.id = id; self.name = name
    }

    /// Initialises `slot` with a customer with its master data, ratings and cost and no
    /// annotations, in one step: each string is moved in once, nothing is copied (a cache builds
    /// a million customers this way, in place in their chunks).
    @inlinable
    package static func initialize(_ slot: UnsafeMutablePointer<Customer>, id: consuming String, name: consuming String,
                                   industry: consuming String, region: consuming String, owner: consuming String,
                                   tags: consuming [String], ratings: consuming Ratings, costToServe: Money) {
        slot.initialize(to: Customer(id: id, name: name))
        slot.pointee.industry = industry; slot.pointee.region = region; slot.pointee.owner = owner
        slot.pointee.tags = tags; slot.pointee.ratings = ratings; slot.pointee.costToServe = costToServe
    }
}

/// A dated note written about a customer.
public struct Note: Hashable, Sendable {
    public var text: String
    public var author: String
    public var at: Timestamp
    public init(text: String, author: String, at: Timestamp) { self.text = text; self.author = author; self.at = at }
}

/// A manual decision that replaces a computed value, with who made it, when and why.
public struct Override: Hashable, Sendable {
    /// The chosen value: a tier name or a ``Strategy`` raw value.
    public var value: String
    public var reason: String
    public var author: String
    public var at: Timestamp
    public init(value: String, reason: String, author: String, at: Timestamp) {
        self.value = value; self.reason = reason; self.author = author; self.at = at
    }
}

/// The outcome of triaging a customer, with the facts it was based on so it can go stale.
public struct Review: Hashable, Sendable {
    /// What the reviewer did.
    public enum Status: String, Sendable, CaseIterable { case accepted, decided, skipped }
    public var status: Status
    /// The strategy agreed (accepted recommendation or the reviewer's choice).
    public var strategy: Strategy?
    public var reason: String = ""
    public var author: String
    public var at: Timestamp
    /// Composite score when reviewed; a later change beyond tolerance makes the review stale.
    public var score: Double
    /// Recommendation when reviewed.
    public var recommendation: Strategy
    /// Tier when reviewed.
    public var tier: String

    public init(status: Status, strategy: Strategy?, reason: String = "", author: String, at: Timestamp,
                score: Double, recommendation: Strategy, tier: String) {
        self.status = status; self.strategy = strategy; self.reason = reason; self.author = author; self.at = at
        self.score = score; self.recommendation = recommendation; self.tier = tier
    }
}

/// One line of a customer's edit history.
public struct HistoryEntry: Hashable, Sendable {
    public var at: Timestamp
    public var author: String
    /// Human summary, e.g. `rating risk: 4 → unknown`.
    public var summary: String
    public init(at: Timestamp, author: String, summary: String) { self.at = at; self.author = author; self.summary = summary }
}
