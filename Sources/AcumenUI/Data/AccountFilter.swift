/// A parsed filter query for the accounts list.
///
/// Syntax: words match the name or id (all must match, case-insensitive); `field:value` matches
/// a column's value (`tier:key`, `owner:ann`, `strategy:"cut cost"`, `segment:champions`);
/// `below:yes` keeps accounts below break-even (`below:no` the others); `r:5` and `f:4` match RFM
/// scores. A leading `!` negates a term.
public struct AccountFilter: Hashable, Sendable {
    /// One condition.
    public enum Term: Hashable, Sendable {
        case text(String)
        case field(AccountColumn, String)
        case belowBreakEven(Bool)
        case recency(UInt8)
        case frequency(UInt8)
    }

    public var terms: [(term: Term, negated: Bool)] { zip(conditions, negations).map { ($0, $1) } }
    private var conditions: [Term] = []
    private var negations: [Bool] = []
    /// A problem with the query (an unknown field), for the status line.
    public private(set) var problem: String?

    /// Parses a query.
    public init(_ query: String) {
        for token in AccountFilter.tokens(query) {
            var t = token
            var neg = false
            if t.hasPrefix("!"), t.count > 1 { neg = true; t.removeFirst() }
            guard let colon = t.firstIndex(of: ":"), colon != t.startIndex else {
                add(.text(TextFolding.fold(t)), neg); continue
            }
            let field = String(t[..<colon]).lowercased()
            let value = TextFolding.fold(String(t[t.index(after: colon)...]))
            switch field {
            case "below", "breakeven":
                add(.belowBreakEven(!["no", "n", "false", "0"].contains(value)), neg)
            case "r": if let v = UInt8(value) { add(.recency(v), neg) } else { problem = "r: needs a score 1-5" }
            case "f": if let v = UInt8(value) { add(.frequency(v), neg) } else { problem = "f: needs a score 1-5" }
            default:
                if let c = AccountColumn.named(field) { add(.field(c, value), neg) } else {
                    problem = "unknown field '\(TextSanitizer.sanitize(field))'"
                }
            }
        }
    }

    private mutating func add(_ t: Term, _ negated: Bool) { conditions.append(t); negations.append(negated) }

    /// Whether every row this filter keeps is also kept by `other`: both are plain text terms,
    /// none negated, and each of `other`'s terms is contained in the matching term here (typing
    /// more letters, or adding a term). Field terms may match exactly, so they never qualify.
    public func narrows(_ other: AccountFilter) -> Bool {
        guard problem == nil, other.problem == nil, !other.isEmpty, conditions.count >= other.conditions.count,
              !negations.contains(true), !other.negations.contains(true) else { return false }
        for (k, old) in other.conditions.enumerated() {
            guard case .text(let was) = old, case .text(let now) = conditions[k], now.contains(was) else { return false }
        }
        return conditions.allSatisfy { if case .text = $0 { true } else { false } }
    }

    /// Whether the filter keeps everything.
    public var isEmpty: Bool { conditions.isEmpty }

    /// Whether a row passes every term.
    public func matches(_ table: AccountTable, _ i: Int) -> Bool {
        for (k, term) in conditions.enumerated() where matches(term, table, i) == negations[k] { return false }
        return true
    }

    /// The rows of `order` that pass, in that order. Field terms on coded columns (tier,
    /// strategy, segment, ABC, owner, triage) are matched once against the names, then per row
    /// by code, so a keystroke over 100,000 rows compares integers, not strings.
    /// - Complexity: O(n × terms).
    public func apply(_ order: [Int32], _ table: AccountTable) -> [Int32] {
        if isEmpty { return order }
        let lookups = conditions.map { lookup($0, table) }
        return order.filter { r in
            let i = Int(r)
            for (k, term) in conditions.enumerated() {
                let hit: Bool
                if let l = lookups[k] {
                    let code = l.code(table, i)
                    hit = code >= 0 && code < l.allowed.count && l.allowed[code]
                } else {
                    hit = matches(term, table, i)
                }
                if hit == negations[k] { return false }
            }
            return true
        }
    }

    /// A per-code answer for a field term on a coded column.
    struct Lookup {
        var allowed: [Bool]
        var code: (AccountTable, Int) -> Int
    }

    func lookup(_ term: Term, _ t: AccountTable) -> Lookup? {
        if case .text(let s) = term {
            let needle = Array(s.utf8)
            return Lookup(allowed: [false, true]) { $0.searchKey($1, contains: needle) ? 1 : 0 }
        }
        guard case .field(let c, let v) = term else { return nil }
        func names(_ list: [String]) -> [Bool] { list.map { TextFolding.fold($0).contains(v) } }
        switch c {
        case .tier: return Lookup(allowed: names(t.tierNames)) { Int($0.tier[$1]) }
        case .strategy: return Lookup(allowed: names(t.strategyNames)) { Int($0.strategy[$1]) }
        case .segment: return Lookup(allowed: names(t.segmentNames)) { Int($0.segment[$1]) }
        case .owner: return Lookup(allowed: names(t.ownerNames)) { Int($0.owner[$1]) }
        case .abc: return Lookup(allowed: names(["A", "B", "C"])) { Int($0.abc[$1]) }
        case .triage: return Lookup(allowed: names(AccountTable.TriageState.allCases.map(\.title))) { Int($0.triage[$1].rawValue) }
        default: return nil
        }
    }

    /// Whether one row passes one term (the string path).
    func matches(_ term: Term, _ table: AccountTable, _ i: Int) -> Bool {
        switch term {
        case .text(let s): return table.searchKey(i, contains: Array(s.utf8))
        case .field(let c, let v): return TextFolding.fold(c.filterValue(table, i)).contains(v)
        case .belowBreakEven(let b): return table.isBelowBreakEven(i) == b
        case .recency(let r): return table.recencyScore[i] == r
        case .frequency(let f): return table.frequencyScore[i] == f
        }
    }

    /// Splits a query on spaces, keeping `"quoted text"` together (quotes removed).
    static func tokens(_ q: String) -> [String] {
        var out: [String] = []
        var cur = ""
        var quoted = false
        for ch in q {
            if ch == "\"" { quoted.toggle(); continue }
            if ch == " " && !quoted {
                if !cur.isEmpty { out.append(cur) }
                cur = ""
            } else { cur.append(ch) }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// Quotes a value for a query if it has spaces.
    public static func quoted(_ v: String) -> String { v.contains(" ") ? "\"" + v + "\"" : v }

    public static func == (a: AccountFilter, b: AccountFilter) -> Bool { a.conditions == b.conditions && a.negations == b.negations }
    public func hash(into h: inout Hasher) { h.combine(conditions); h.combine(negations) }
}
