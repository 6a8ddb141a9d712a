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
                add(.text(t.lowercased()), neg); continue
            }
            let field = String(t[..<colon]).lowercased()
            let value = String(t[t.index(after: colon)...]).lowercased()
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

    /// Whether the filter keeps everything.
    public var isEmpty: Bool { conditions.isEmpty }

    /// Whether a row passes every term.
    public func matches(_ table: AccountTable, _ i: Int) -> Bool {
        for (k, term) in conditions.enumerated() {
            let hit: Bool
            switch term {
            case .text(let s): hit = table.searchKeys[i].contains(s)
            case .field(let c, let v): hit = c.filterValue(table, i).contains(v)
            case .belowBreakEven(let b): hit = table.isBelowBreakEven(i) == b
            case .recency(let r): hit = table.recencyScore[i] == r
            case .frequency(let f): hit = table.frequencyScore[i] == f
            }
            if hit == negations[k] { return false }
        }
        return true
    }

    /// The rows of `order` that pass, in that order.
    /// - Complexity: O(n × terms).
    public func apply(_ order: [Int32], _ table: AccountTable) -> [Int32] {
        if isEmpty { return order }
        return order.filter { matches(table, Int($0)) }
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
