import AcumenCore
/// The accounts to work through in a triage session, in a chosen order, with a position.
///
/// Built once when triage starts (so deciding an account does not reshuffle the list) from
/// one of three sources: every account that needs review (unreviewed, skipped, or stale), or
/// a given set (the accounts list's current filter or its marked rows).
public struct TriageQueue: Hashable, Sendable {
    /// Which accounts the queue holds.
    public enum Source: Hashable, Sendable {
        /// Accounts never reviewed, skipped, or whose review went stale.
        case needsReview
        /// The given customers (a filter's rows or the marked set), by workspace index.
        case customers([Int])
    }

    /// The field the queue is ordered by.
    public enum Order: String, Hashable, Sendable, CaseIterable {
        /// Composite score, best first.
        case score
        /// Name, A to Z.
        case name
        /// Tier (best first), then score.
        case tier
        /// Recommended strategy (grow, maintain, nurture, cut cost), then score.
        case recommendation
        /// As given by the source (workspace order for `needsReview`).
        case given

        /// The next order, for a key that cycles through them.
        public var next: Order {
            let all = Self.allCases
            return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
        }
    }

    public let source: Source
    public private(set) var order: Order
    /// Workspace indices of the customers, in queue order.
    public private(set) var entries: [Int]
    /// The same customers in the source's order.
    private let given: [Int]
    /// Index into ``entries`` of the account shown; `entries.count` once past the last.
    public private(set) var position = 0

    /// Builds a queue.
    /// - Complexity: O(n log n) in the customers considered.
    public init(source: Source, order: Order = .score, workspace: Workspace, facts: some ReviewFacts, rules: TriageSettings) {
        self.source = source
        self.order = order
        let n = min(workspace.customers.count, facts.count)
        var list: [Int]
        switch source {
        case .needsReview:
            list = Self.needingReview(workspace.customers, count: n, facts: facts, rules: rules)
        case .customers(let ids):
            var seen = Set<Int>()
            list = ids.filter { $0 >= 0 && $0 < n && seen.insert($0).inserted }
        }
        given = list
        entries = Self.sorted(list, by: order, workspace: workspace, facts: facts)
    }

    /// Sorts customer indices by a field; ties by customer id so the order is deterministic.
    static func sorted(_ list: [Int], by order: Order, workspace: Workspace, facts: some ReviewFacts) -> [Int] {
        let cs = workspace.customers
        let tierRank = Dictionary(workspace.settings.tiers.bands.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let strategyRank = Dictionary(uniqueKeysWithValues: Strategy.allCases.enumerated().map { ($1, $0) })
        func byScore(_ a: Int, _ b: Int) -> Bool {
            let sa = facts.score(a), sb = facts.score(b)
            return sa != sb ? sa > sb : cs[a].id < cs[b].id
        }
        switch order {
        case .given: return list
        case .score: return list.sorted(by: byScore)
        case .name:
            return list.sorted { a, b in
                let na = cs[a].name.lowercased(), nb = cs[b].name.lowercased()
                return na != nb ? na < nb : cs[a].id < cs[b].id
            }
        case .tier:
            return list.sorted { a, b in
                let ta = tierRank[facts.tierName(a)] ?? Int.max, tb = tierRank[facts.tierName(b)] ?? Int.max
                return ta != tb ? ta < tb : byScore(a, b)
            }
        case .recommendation:
            return list.sorted { a, b in
                let ra = strategyRank[facts.recommendation(a)] ?? 0, rb = strategyRank[facts.recommendation(b)] ?? 0
                return ra != rb ? ra < rb : byScore(a, b)
            }
        }
    }

    /// The customer shown now (workspace index), nil when the queue is empty or finished.
    public var current: Int? { entries.indices.contains(position) ? entries[position] : nil }

    /// True when every entry has been passed.
    public var isFinished: Bool { position >= entries.count }

    /// Moves to the next account (or past the last).
    public mutating func advance() { position = min(entries.count, position + 1) }

    /// Moves back one account ("jump back").
    public mutating func back() { position = max(0, position - 1) }

    /// Moves to a customer if it is in the queue; returns whether it is.
    @discardableResult
    public mutating func move(toCustomer k: Int) -> Bool {
        guard let p = entries.firstIndex(of: k) else { return false }
        position = p
        return true
    }

    /// Re-sorts the same accounts by another field; the current account stays current.
    public mutating func reorder(by order: Order, workspace: Workspace, facts: some ReviewFacts) {
        let k = current
        self.order = order
        entries = Self.sorted(given, by: order, workspace: workspace, facts: facts)
        if let k { move(toCustomer: k) } else { position = entries.count }
    }

    /// The accounts among the first `n` that need a (new) decision, in workspace order: every
    /// account never reviewed (read in place: only its details pointer), and the reviewed ones
    /// whose review is skipped or stale against the facts.
    static func needingReview(_ cs: CustomerList, count n: Int, facts: some ReviewFacts, rules: TriageSettings) -> [Int] {
        var list: [Int] = []
        list.reserveCapacity(n)
        cs.forEachInPlace { k, c in
            if k < n, c.pointee.isPlain || ReviewState(review: c.pointee.review, index: k, facts: facts, rules: rules).needsReview { list.append(k) }
        }
        return list
    }

    /// Progress over the queue's accounts as the workspace stands now.
    ///
    /// Only reviewed accounts count (an unreviewed one adds nothing), and most accounts were
    /// never reviewed: one pass over the customers in place reads only their details pointer,
    /// and only the reviewed ones in the queue (each listed once) are assessed against the facts.
    /// - Complexity: O(customers + queue) word operations, plus O(reviewed) assessments.
    public func progress(workspace: Workspace, facts: some ReviewFacts, rules: TriageSettings) -> TriageProgress {
        var p = TriageProgress(position: min(position + 1, entries.count), total: entries.count)
        let cs = workspace.customers
        let n = min(cs.count, facts.count)
        var queued = [UInt64](repeating: 0, count: (n + 63) / 64)
        for k in entries where k >= 0 && k < n { queued[k >> 6] |= 1 << UInt64(k & 63) }
        cs.forEachInPlace { k, c in
            guard k < n, !c.pointee.isPlain, queued[k >> 6] & (1 << UInt64(k & 63)) != 0, let review = c.pointee.review else { return }
            p.count(ReviewState(review: review, index: k, facts: facts, rules: rules))
        }
        return p
    }
}
