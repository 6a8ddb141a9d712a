import AcumenAnalytics
import AcumenCore
import AcumenStore

/// The analysed accounts as the screens need them: one column per field, indexed by the
/// customer's position in the workspace, so a million rows sort and filter as arrays.
///
/// A view over the analysis: the figures are the analysis' own arrays (shared, not copied);
/// names, ids and the 12-month sparklines are read for the rows drawn (``TextColumn``,
/// ``monthlyRevenue(_:)``); the search keys and whole-column forms a sort needs are built on
/// first use and cached (see `AccountTable+SearchIndex.swift`). Text is sanitised as it is read
/// (``TextSanitizer``), so screens can draw it directly. Unknown values: score NaN, CLV
/// `Int64.min`, small-integer codes ``none``.
public struct AccountTable: Sendable {
    /// Code for "no value" in the small-integer columns.
    public static let none: UInt8 = 255

    /// Triage state of an account.
    public enum TriageState: UInt8, Sendable, CaseIterable {
        case unreviewed, accepted, decided, skipped, stale
        public var title: String {
            switch self {
            case .unreviewed: "new"
            case .accepted: "accepted"
            case .decided: "decided"
            case .skipped: "skipped"
            case .stale: "stale"
            }
        }

        /// The triage queue's label: a current decision is `done`.
        public var reviewLabel: String {
            switch self {
            case .accepted, .decided: "done"
            default: title
            }
        }

        /// Whether the account needs a (new) decision.
        public var needsReview: Bool { self != .accepted && self != .decided }

        /// The code of a review state (the model's rule, ``ReviewState``).
        public init(_ s: ReviewState) {
            switch s {
            case .unreviewed: self = .unreviewed
            case .skipped: self = .skipped
            case .stale: self = .stale
            case .current(let r): self = r.status == .decided ? .decided : .accepted
            }
        }
    }

    /// The master data of one row that an edit can change without a new analysis (owner, tags,
    /// triage state): what the runtime hands the list after such an edit.
    public struct RowRefresh: Hashable, Sendable {
        public var row: Int
        public var owner: String
        /// The tags joined with `, `.
        public var tags: String
        public var triage: TriageState
        /// The customer as the workspace now holds it (notes, tags, review), for the filter.
        public var customer: Customer?
        public init(row: Int, owner: String, tags: String, triage: TriageState, customer: Customer? = nil) {
            self.row = row; self.owner = TextSanitizer.sanitize(owner); self.tags = TextSanitizer.sanitize(tags); self.triage = triage
            self.customer = customer
        }
    }

    public var ids = TextColumn()
    public var names = TextColumn()
    /// The search keys, built on first use (``searchKeys``).
    var searchCache = Cache<SearchKeys>()
    /// Tier position (0 = top) into ``tierNames``.
    public var tier: [UInt8] = []
    public var tierNames: [String] = []
    /// Composite score 0–100, NaN when unknown.
    public var score: [Double] = []
    /// ABC class: 0 = A, 1 = B, 2 = C.
    public var abc: [UInt8] = []
    /// RFM segment position into ``segmentNames``.
    public var segment: [UInt8] = []
    public var segmentNames: [String] = []
    /// RFM recency and frequency scores 1–5 (0 unknown).
    public var recencyScore: [UInt8] = []
    public var frequencyScore: [UInt8] = []
    /// Revenue, contribution and CLV over the analysis window, in minor units.
    public var revenue: [Int64] = []
    public var contribution: [Int64] = []
    public var clv: [Int64] = []
    /// Strategy position in `Strategy.allCases` (the override if any, else the recommendation).
    public var strategy: [UInt8] = []
    public var strategyNames: [String] = []
    /// Rows whose strategy is a manual override (the Strategy column marks them with `*`).
    public var strategyOverridden: Set<Int32> = []
    /// The owners, coded (built on first use for a table built from the workspace).
    public var owners = CodedColumn()
    /// The tag sets, coded: each the row's tags joined with `, `, "" for none.
    public var tagSets = CodedColumn(names: [""])
    /// Owner position into ``ownerNames``.
    public var owner: [Int32] {
        get { owners.codes }
        set { owners.codes = newValue }
    }
    public var ownerNames: [String] {
        get { owners.names }
        set { owners.names = newValue }
    }
    public var triage: [TriageState] = []
    /// Tags position into ``tagNames`` (each entry the row's tags joined with `, `; "" none).
    public var tags: [Int32] {
        get { tagSets.codes }
        set { tagSets.codes = newValue }
    }
    public var tagNames: [String] {
        get { tagSets.names }
        set { tagSets.names = newValue }
    }
    /// Monthly revenue, `months` values per customer (oldest first), in currency units, for
    /// tables built row by row; a table built from an analysis reads each row's series on
    /// demand (``monthlyRow``) instead.
    public var monthly: [Float] = []
    /// Reads one row's monthly series (tables built from an analysis).
    public var monthlyRow: (@Sendable (Int) -> [Float])?
    /// The last month of every row, for a sort by trend (built on first use).
    var lastMonthCache = Cache<[Float]>()
    public var months = 12
    public var currency = "EUR"
    /// Score and rank change against the what-if baseline per row (empty until `b` asks).
    public var deltaScore: [Double] = []
    /// Baseline rank − rank now (positive = moved up).
    public var deltaRank: [Int32] = []
    /// The what-if generation the Δ columns were derived from (-1: none).
    public var deltaGeneration = -1
    /// The analysis the table was built from, for the filter keys the table does not keep
    /// (see `AccountTable+Filter.swift`); nil for tables built row by row.
    public var filterSource: AnalysisFilterRows?
    /// Customers an edit changed since ``filterSource``'s analysis (by row): the filter reads their
    /// master data (tags, notes, review) from here, so a filter right after an edit sees it.
    /// Emptied whenever the table is rebuilt from a new analysis.
    public var editedCustomers: [Int: Customer] = [:]
    /// The customer list a table built from the workspace reads (row `k` is `customers[k]`).
    public var sourceCustomers: CustomerList?

    /// Whether the table was built from this customer list: the same customers at the same rows
    /// (O(chunks) when the list shares the table's storage, as a comparison's later date does).
    public func isBuilt(from customers: CustomerList) -> Bool {
        guard let own = sourceCustomers, own.count == customers.count, !own.isEmpty else { return false }
        return own == customers
    }

    public init() {}

    /// Number of accounts.
    public var count: Int { names.count }

    /// The tier name of a row ("" when unknown).
    public func tierName(_ i: Int) -> String { name(tier[i], in: tierNames) }
    /// The segment name of a row.
    public func segmentName(_ i: Int) -> String { name(segment[i], in: segmentNames) }
    /// The strategy title of a row.
    public func strategyName(_ i: Int) -> String { name(strategy[i], in: strategyNames) }
    /// The owner of a row.
    public func ownerName(_ i: Int) -> String { owners.text(i) }
    /// The tags of a row, joined with `, `.
    public func tagText(_ i: Int) -> String {
        let c = tagSets.isBuilt ? tagSets.coded : nil
        guard let c else { return tagSets.text(i) }
        let t = i < c.codes.count ? Int(c.codes[i]) : 0
        return t >= 0 && t < c.names.count ? c.names[t] : ""
    }

    /// The code of a name in a name list, appended when new.
    /// - Complexity: O(names): owners and tag sets are few.
    static func code(_ name: String, in names: inout [String]) -> Int32 {
        if let k = names.firstIndex(of: name) { return Int32(k) }
        names.append(name)
        return Int32(names.count - 1)
    }

    /// Applies the master data of rows an edit changed (owner, tags, triage state).
    /// - Complexity: O(rows × distinct owners).
    public mutating func refresh(_ rows: [RowRefresh]) {
        for r in rows where r.row >= 0 && r.row < count {
            owners.set(r.row, to: r.owner)
            tagSets.set(r.row, to: r.tags, pad: 0)
            triage[r.row] = r.triage
            if let c = r.customer { editedCustomers[r.row] = c }
        }
    }

    /// The ABC letter of a row.
    public func abcName(_ i: Int) -> String {
        switch abc[i] { case 0: "A"; case 1: "B"; case 2: "C"; default: "" }
    }
    /// The last month's revenue of every row (the trend column's sort key).
    /// - Complexity: O(rows) the first time (every row's series for a table built from an
    ///   analysis), then O(1).
    public var lastMonth: [Float] {
        guard let monthlyRow else {
            return (0..<count).map { monthly.indices.contains($0 * months + months - 1) ? monthly[$0 * months + months - 1] : 0 }
        }
        let n = count
        return lastMonthCache.get { (0..<n).map { monthlyRow($0).last ?? 0 } }
    }

    /// Whether a row's contribution is below break-even (negative).
    public func isBelowBreakEven(_ i: Int) -> Bool { contribution[i] < 0 }

    /// The monthly revenue series of a row.
    /// - Complexity: O(the customer's transactions) for a table built from an analysis.
    public func monthlyRevenue(_ i: Int) -> [Double] {
        if let monthlyRow { return monthlyRow(i).map(Double.init) }
        let start = i * months
        guard months > 0, start + months <= monthly.count else { return [] }
        return monthly[start..<(start + months)].map(Double.init)
    }

    private func name(_ code: UInt8, in names: [String]) -> String {
        Int(code) < names.count ? names[Int(code)] : ""
    }

    /// Appends one account (for tests, fixtures and adapters); codes index the name lists.
    public mutating func append(id: String, name: String, tier: UInt8, score: Double, abc: UInt8,
                                segment: UInt8, recency: UInt8 = 0, frequency: UInt8 = 0,
                                revenue: Int64, contribution: Int64, clv: Int64, strategy: UInt8,
                                owner: Int32, triage: TriageState, monthly: [Float], tags: Int32 = 0) {
        append(id: id, name: name, tier: tier, score: score, abc: abc, segment: segment, recency: recency, frequency: frequency,
               revenue: revenue, contribution: contribution, clv: clv, strategy: strategy, owner: owner, triage: triage,
               monthly: monthly[...], tags: tags)
    }

    /// Appends one account with its monthly series as a slice (no copy per row).
    public mutating func append(id: String, name: String, tier: UInt8, score: Double, abc: UInt8,
                                segment: UInt8, recency: UInt8 = 0, frequency: UInt8 = 0,
                                revenue: Int64, contribution: Int64, clv: Int64, strategy: UInt8,
                                owner: Int32, triage: TriageState, monthly: ArraySlice<Float>, tags: Int32 = 0) {
        ids.append(id); names.append(name)
        if searchCache.value != nil { searchCache = Cache<SearchKeys>() }
        self.tier.append(tier); self.score.append(score); self.abc.append(abc)
        self.segment.append(segment); recencyScore.append(recency); frequencyScore.append(frequency)
        self.revenue.append(revenue); self.contribution.append(contribution); self.clv.append(clv)
        self.strategy.append(strategy); owners.append(owner); self.triage.append(triage); tagSets.append(tags)
        self.monthly.append(contentsOf: monthly.prefix(months))
        if monthly.count < months { self.monthly.append(contentsOf: repeatElement(0, count: months - monthly.count)) }
    }

    /// Appends the folded UTF-8 of `text` (case and accents, ``TextFolding``): ASCII byte by byte.
    static func appendFolded(_ text: String, to out: inout [UInt8]) {
        var ascii = true
        for b in text.utf8 where b >= 0x80 { ascii = false; break }
        guard ascii else { out.append(contentsOf: TextFolding.fold(text).utf8); return }
        for b in text.utf8 { out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
    }

    /// Reserves room for `n` more rows.
    public mutating func reserve(_ n: Int) {
        ids.reserveCapacity(ids.count + n); names.reserveCapacity(names.count + n)
        tier.reserveCapacity(tier.count + n); score.reserveCapacity(score.count + n); abc.reserveCapacity(abc.count + n)
        segment.reserveCapacity(segment.count + n); recencyScore.reserveCapacity(recencyScore.count + n)
        frequencyScore.reserveCapacity(frequencyScore.count + n); revenue.reserveCapacity(revenue.count + n)
        contribution.reserveCapacity(contribution.count + n); clv.reserveCapacity(clv.count + n)
        strategy.reserveCapacity(strategy.count + n); owners.reserveCapacity(n)
        triage.reserveCapacity(triage.count + n); tagSets.reserveCapacity(n); monthly.reserveCapacity(monthly.count + n * months)
    }

    /// Appends the rows of another table built with the same name lists (chunks built in parallel).
    public mutating func append(contentsOf other: AccountTable) {
        ids.append(contentsOf: other.ids); names.append(contentsOf: other.names)
        if searchCache.value != nil { searchCache = Cache<SearchKeys>() }
        tier += other.tier; score += other.score; abc += other.abc; segment += other.segment
        recencyScore += other.recencyScore; frequencyScore += other.frequencyScore
        revenue += other.revenue; contribution += other.contribution; clv += other.clv
        strategy += other.strategy; owners.append(contentsOf: other.owner); triage += other.triage; tagSets.append(contentsOf: other.tags)
        monthly += other.monthly
    }
}
