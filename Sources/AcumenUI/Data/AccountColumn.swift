import AcumenAnalytics
import AcumenCore
import AcumenStore

/// A column of the accounts list: its title, width, alignment, cell text and sort order.
public enum AccountColumn: String, CaseIterable, Sendable, Hashable {
    case name, tier, score, abc, segment, revenue, contribution, clv, strategy, owner, triage, trend, tags
    /// Score and rank against the pinned what-if baseline (`b` shows them; see `Workflow/`).
    case deltaScore, deltaRank

    /// The heading.
    public var title: String {
        switch self {
        case .name: "Name"
        case .tier: "Tier"
        case .score: "Score"
        case .abc: "ABC"
        case .segment: "Segment"
        case .revenue: "Revenue"
        case .contribution: "Contrib."
        case .clv: "CLV"
        case .strategy: "Strategy"
        case .owner: "Owner"
        case .triage: "Triage"
        case .trend: "12 months"
        case .tags: "Tags"
        case .deltaScore: "ΔScore"
        case .deltaRank: "ΔRank"
        }
    }

    /// Cells the column takes (the name column takes what is left, at least this).
    public var width: Int {
        switch self {
        case .name: 16
        case .tier: 8
        case .score: 6
        case .abc: 3
        case .segment: 14
        case .revenue, .contribution, .clv: 8
        case .strategy: 9
        case .owner: 10
        case .triage: 8
        case .trend: 12
        case .tags: 12
        case .deltaScore: 7
        case .deltaRank: 6
        }
    }

    public var alignment: TextLayout.Alignment {
        switch self {
        case .score, .revenue, .contribution, .clv, .deltaScore, .deltaRank: .right
        default: .left
        }
    }

    /// The columns shown by default, in order.
    public static let defaults: [AccountColumn] = allCases.filter { !$0.isBaselineDelta }

    /// The text of a cell (already sanitised at table build).
    public func text(_ t: AccountTable, _ i: Int, glyphs: GlyphSet) -> String {
        switch self {
        case .name: return t.names[i]
        case .tier: return t.tier[i] == AccountTable.none ? "" : glyphs.tierMarker(Int(t.tier[i])) + " " + t.tierName(i)
        case .score: return Format.score(t.score[i])
        case .abc: return t.abcName(i)
        case .segment: return t.segmentName(i)
        case .revenue: return Format.money(t.revenue[i])
        case .contribution: return (t.isBelowBreakEven(i) ? glyphs.belowBreakEven : "") + Format.money(t.contribution[i])
        case .clv: return Format.money(t.clv[i])
        case .strategy: return t.strategyName(i) + (t.strategyOverridden.contains(Int32(i)) ? "*" : "")
        case .owner: return t.ownerName(i)
        case .triage: return t.triage[i].title
        case .trend: return Charts.sparkline(t.monthlyRevenue(i), glyphs: glyphs)
        case .tags: return t.tagText(i)
        case .deltaScore, .deltaRank: return baselineDeltaText(t, i, glyphs: glyphs)
        }
    }

    /// The filter term (model filter language) that keeps the rows with row `i`'s value in this
    /// column: `tier=Key`, `owner="Chen Wei"`, `belowBreakEven`; nil for columns without one.
    public func filterTerm(_ t: AccountTable, _ i: Int) -> String? {
        let q = AccountFilter.quoted
        switch self {
        case .name: return "name=" + q(t.names[i])
        case .tier: return t.tier[i] == AccountTable.none ? nil : "tier=" + q(t.tierName(i))
        case .abc: return t.abc[i] == AccountTable.none ? nil : "abc=" + t.abcName(i)
        case .segment: return t.segment[i] == AccountTable.none ? nil : "segment=" + q(t.segmentName(i))
        case .strategy: return t.strategy[i] == AccountTable.none ? nil : "strategy=" + q(t.strategyName(i))
        case .owner: return "owner=" + q(t.ownerName(i))
        case .contribution: return t.isBelowBreakEven(i) ? "belowBreakEven" : "not belowBreakEven"
        case .triage: return t.triage[i] == .unreviewed ? "unreviewed" : "reviewed"
        case .tags: return t.tagText(i).isEmpty ? nil : "tag~" + q(String(t.tagText(i).split(separator: ",").first ?? ""))
        case .score, .revenue, .clv, .trend, .deltaScore, .deltaRank: return nil
        }
    }

    /// Compares two rows' values in this column: -1, 0 or 1. Unknown values sort last.
    public func compare(_ t: AccountTable, _ a: Int, _ b: Int) -> Int {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (y < x ? 1 : 0) }
        switch self {
        case .name: return NameCollation.precedes(t.names[a], t.names[b]) ? -1 : (NameCollation.precedes(t.names[b], t.names[a]) ? 1 : 0)
        case .tier: return cmp(t.tier[a], t.tier[b])
        case .score:
            let x = t.score[a].isNaN ? Double.infinity : t.score[a], y = t.score[b].isNaN ? Double.infinity : t.score[b]
            return cmp(x, y)
        case .abc: return cmp(t.abc[a], t.abc[b])
        case .segment: return cmp(t.segmentName(a), t.segmentName(b))
        case .revenue: return cmp(t.revenue[a], t.revenue[b])
        case .contribution: return cmp(t.contribution[a], t.contribution[b])
        case .clv: return cmp(t.clv[a] == Int64.min ? Int64.max : t.clv[a], t.clv[b] == Int64.min ? Int64.max : t.clv[b])
        case .strategy: return cmp(t.strategy[a], t.strategy[b])
        case .owner: return cmp(t.ownerName(a), t.ownerName(b))
        case .triage: return cmp(t.triage[a].rawValue, t.triage[b].rawValue)
        case .trend: return cmp(t.monthlyRevenue(a).last ?? 0, t.monthlyRevenue(b).last ?? 0)
        case .tags: return cmp(t.tagText(a), t.tagText(b))
        case .deltaScore: return cmp(t.deltaScore[a], t.deltaScore[b])
        case .deltaRank: return cmp(t.deltaRank[a], t.deltaRank[b])
        }
    }

    /// Whether a row has no value in this column (such rows sort last in both directions).
    public func isUnknown(_ t: AccountTable, _ i: Int) -> Bool {
        switch self {
        case .score: t.score[i].isNaN
        case .clv: t.clv[i] == Int64.min
        case .tier: t.tier[i] == AccountTable.none
        case .abc: t.abc[i] == AccountTable.none
        case .segment: t.segment[i] == AccountTable.none
        case .strategy: t.strategy[i] == AccountTable.none
        case .deltaScore: i >= t.deltaScore.count
        case .deltaRank: i >= t.deltaRank.count
        default: false
        }
    }

    /// Sorts row indices by this column, stably: equal values keep their order in `rows`;
    /// unknown values go last whichever the direction.
    /// - Complexity: O(n) radix passes for numbers and coded columns (a million rows in tens of
    ///   milliseconds); O(n log n) comparisons for names.
    public func sorted(_ rows: [Int32], _ t: AccountTable, descending: Bool) -> [Int32] {
        let unknown = rows.filter { isUnknown(t, Int($0)) }
        var known = unknown.isEmpty ? rows : rows.filter { !isUnknown(t, Int($0)) }
        if self == .name { return NameCollation.sorted(known, names: t.names.all, descending: descending) + unknown }
        if let keyOf = sortKey(t) {
            // Descending: flip the key; the radix sort is stable, so ties keep their incoming order.
            var keys = known.map { descending ? ~keyOf(Int($0)) : keyOf(Int($0)) }
            RadixSort.sortInPlace(keys: &keys, values: &known)
            return known + unknown
        }
        // Pair each row with its position so ties fall back to the incoming order.
        var keyed = Array(known.enumerated())
        keyed.sort { x, y in
            let c = compare(t, Int(x.element), Int(y.element))
            if c != 0 { return descending ? c > 0 : c < 0 }
            return x.offset < y.offset
        }
        return keyed.map(\.element) + unknown
    }

    /// An order-preserving 64-bit key of a row's value, for columns that have one (all but names).
    func sortKey(_ t: AccountTable) -> ((Int) -> UInt64)? {
        func rank(_ names: [String]) -> [UInt64] {
            let order = names.indices.sorted { NameCollation.precedes(names[$0], names[$1]) }
            var r = [UInt64](repeating: 0, count: names.count)
            for (position, k) in order.enumerated() { r[k] = UInt64(position) }
            return r
        }
        switch self {
        case .name: return nil
        case .tier: return { UInt64(t.tier[$0]) }
        case .score: return { RadixSort.key(t.score[$0]) }
        case .abc: return { UInt64(t.abc[$0]) }
        case .segment:
            let r = rank(t.segmentNames)
            return { Int(t.segment[$0]) < r.count ? r[Int(t.segment[$0])] : UInt64.max }
        case .revenue: return { RadixSort.key(t.revenue[$0]) }
        case .contribution: return { RadixSort.key(t.contribution[$0]) }
        case .clv: return { RadixSort.key(t.clv[$0]) }
        case .strategy: return { UInt64(t.strategy[$0]) }
        case .owner:
            let c = t.owners.coded, r = rank(c.names)
            return { Int(c.codes[$0]) < r.count && c.codes[$0] >= 0 ? r[Int(c.codes[$0])] : UInt64.max }
        case .triage: return { UInt64(t.triage[$0].rawValue) }
        case .trend:
            let last = t.lastMonth
            return { RadixSort.key(Double(last[$0])) }
        case .tags:
            let c = t.tagSets.coded, r = rank(c.names)
            return { Int(c.codes[$0]) < r.count && c.codes[$0] >= 0 ? r[Int(c.codes[$0])] : UInt64.max }
        case .deltaScore: return { RadixSort.key(t.deltaScore[$0]) }
        case .deltaRank: return { RadixSort.key(Int64(t.deltaRank[$0])) }
        }
    }

    /// The column a filter field name refers to (`tier`, `owner`, `below`, …).
    public static func named(_ field: String) -> AccountColumn? {
        let f = field.lowercased()
        if f == "below" || f == "breakeven" { return .contribution }
        return allCases.first { $0.rawValue == f || $0.title.lowercased() == f }
    }
}
