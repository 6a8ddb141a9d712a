import AcumenCore
import Foundation

/// The one filter language over accounts: `acumen export --filter` and the workbench's filter
/// prompt both parse with it and both evaluate it (docs/import-export.md, "Filters").
///
/// Grammar (keywords, keys and flags are case-insensitive):
/// ```
/// filter     := or
/// or         := and ("or" and)*
/// and        := unary (["and"] unary)*          — terms side by side are joined by "and"
/// unary      := ("not" | "!") unary | "(" filter ")" | flag [":" yes/no] | comparison | word
/// comparison := key op value | key ":" value
/// op         := "=" | "!=" | "~" | "!~" | "<" | "<=" | ">" | ">="
/// value      := word | "quoted text"
/// ```
/// - Code keys (`tier segment abc strategy`) take values from a closed list: `=`/`!=` match
///   exactly, ignoring case, spaces, dashes and underscores (`cut-cost`, `cutCost` and
///   `"cut cost"` are one strategy), and a value outside the list is an error; `key:value`
///   means `key=value`.
/// - Text keys (`id name owner industry region tag reason`) take `=`/`!=` (the whole value,
///   ignoring case, accents, spaces and dashes: `owner=ana` does not match "Dana") and `~`/`!~`
///   (contains, ignoring case and accents); `key:value` means `key~value`. A tag key matches any tag.
/// - Number keys (`score revenue contribution clv margin costToServe r f`) take all six
///   comparisons; `key:value` means `key=value`. Money is in currency units; `r`/`f` are the
///   RFM recency and frequency scores 1–5.
/// - Flags: `belowBreakEven overridden reviewed unreviewed hasNotes` (`flag:no` negates).
/// - A bare word matches accounts whose name or id contains it (ignoring case and accents).
///
/// Examples: `tier=Key and strategy=grow`, `tier:key strategy:grow owner:chen belowBreakEven`,
/// `owner~"Chen" or region=EMEA`, `not tag:strategic and revenue>10000`.
public struct AccountFilter: Sendable, Hashable, CustomStringConvertible {
    /// Keys with text values (a tag key matches any of the account's tags).
    public enum TextKey: String, Sendable, CaseIterable {
        case id, name, tier, segment, abc, strategy, owner, industry, region, tag, reason
        /// Keys whose values come from a closed list (see ``Vocabulary``): `:` means `=`.
        public var isCode: Bool { self == .tier || self == .segment || self == .abc || self == .strategy }
    }
    /// Keys with numeric values (money in currency units; `r`, `f`: RFM scores 1–5).
    public enum NumberKey: String, Sendable, CaseIterable { case score, revenue, contribution, clv, margin, costToServe, r, f }
    /// Yes/no properties.
    public enum Flag: String, Sendable, CaseIterable { case belowBreakEven, overridden, reviewed, unreviewed, hasNotes }
    /// Comparison operators.
    public enum Operator: String, Sendable, CaseIterable { case equal = "=", notEqual = "!=", contains = "~", notContains = "!~", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=" }

    /// A parsed filter expression.
    public indirect enum Expression: Sendable, Hashable {
        case all
        case and([Expression])
        case or([Expression])
        case not(Expression)
        case text(TextKey, Operator, String)
        case number(NumberKey, Operator, Double)
        case flag(Flag)
        /// A bare word: the name or the id contains it (folded here, ``TextFolding``).
        case search(String)
    }

    /// The source text.
    public let source: String
    public let expression: Expression

    /// A filter that matches every account.
    public static let all = AccountFilter(source: "", expression: .all)

    init(source: String, expression: Expression) { self.source = source; self.expression = expression }

    /// Parses a filter; with a vocabulary, a code key's value outside it is an error.
    /// - Throws: ``AccountFilterError`` naming the column and what was expected.
    public static func parse(_ text: String, vocabulary: Vocabulary = .init()) throws(AccountFilterError) -> AccountFilter {
        var p = AccountFilterParser(text, vocabulary: vocabulary)
        return AccountFilter(source: text, expression: try p.parseAll())
    }

    public var description: String { source }

    /// Whether the filter keeps everything.
    public var isEmpty: Bool { expression == .all }

    /// True when the filter reads a text key.
    public func mentions(_ key: TextKey) -> Bool {
        func walk(_ e: Expression) -> Bool {
            switch e {
            case .and(let p), .or(let p): return p.contains(where: walk)
            case .not(let inner): return walk(inner)
            case .text(let k, _, _): return k == key
            default: return false
            }
        }
        return walk(expression)
    }

    /// The bare words of a filter made only of bare words (nil otherwise).
    var searchWords: [String]? {
        switch expression {
        case .search(let w): return [w]
        case .and(let parts):
            var out: [String] = []
            for p in parts { guard case .search(let w) = p else { return nil }; out.append(w) }
            return out
        default: return nil
        }
    }

    /// Whether every account this filter keeps is also kept by `other`: both are bare words
    /// only, and each of `other`'s words is contained in the word at its place here (typing
    /// more letters, or another word). Lets the workbench test only the rows still listed.
    public func narrows(_ other: AccountFilter) -> Bool {
        guard let now = searchWords, let was = other.searchWords, !was.isEmpty, now.count >= was.count else { return false }
        return zip(now, was).allSatisfy { $0.contains($1) }
    }

    /// True when the account satisfies the filter.
    public func matches(_ account: some AccountFilterSubject) -> Bool { Self.evaluate(expression, account) }

    static func evaluate(_ e: Expression, _ a: some AccountFilterSubject) -> Bool {
        switch e {
        case .all: return true
        case .and(let parts): return parts.allSatisfy { evaluate($0, a) }
        case .or(let parts): return parts.contains { evaluate($0, a) }
        case .not(let inner): return !evaluate(inner, a)
        case .flag(let f): return a.flag(f)
        case .search(let w): return (a.values(for: .name) + a.values(for: .id)).contains { TextFolding.fold($0).contains(w) }
        case .number(let key, let op, let v): return compare(a.number(for: key), op, v)
        case .text(let key, let op, let v): return textMatches(a.values(for: key), op, v)
        }
    }

    /// A number against a value; an unknown number only satisfies `!=`.
    static func compare(_ x: Double?, _ op: Operator, _ v: Double) -> Bool {
        guard let x, !x.isNaN else { return op == .notEqual }
        switch op {
        case .equal: return x == v
        case .notEqual: return x != v
        case .less: return x < v
        case .lessOrEqual: return x <= v
        case .greater: return x > v
        case .greaterOrEqual: return x >= v
        case .contains, .notContains: return false
        }
    }

    /// A text key's values against a value (several values: any of them).
    static func textMatches(_ values: [String], _ op: Operator, _ v: String) -> Bool {
        switch op {
        case .equal: let n = normalized(v); return values.contains { normalized($0) == n }
        case .notEqual: let n = normalized(v); return !values.contains { normalized($0) == n }
        case .contains: let l = TextFolding.fold(v); return values.contains { TextFolding.fold($0).contains(l) }
        case .notContains: let l = TextFolding.fold(v); return !values.contains { TextFolding.fold($0).contains(l) }
        default: return false
        }
    }

    /// Folded (``TextFolding``: case and accents) without spaces, dashes and underscores, so
    /// `cut-cost`, `Cut cost` and `cutCost` agree, and `muller` is `Müller`.
    public static func normalized(_ s: String) -> String {
        String(TextFolding.fold(s).filter { $0 != " " && $0 != "-" && $0 != "_" })
    }

    /// A value as the filter language writes it: quoted (with `\"` and `\\`) when it holds a
    /// space, a quote or an operator character, or is a keyword.
    public static func quoted(_ v: String) -> String {
        let special = v.isEmpty || v.contains { " \t()\"=!~<>:\\".contains($0) } || ["and", "or", "not"].contains(v.lowercased())
        guard special else { return v }
        return "\"" + v.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// What a filter is evaluated against one account at a time: an exported account.
public protocol AccountFilterSubject {
    /// The values of a text key (several for tags; empty when none).
    func values(for key: AccountFilter.TextKey) -> [String]
    /// A number, or nil when unknown.
    func number(for key: AccountFilter.NumberKey) -> Double?
    /// A yes/no property.
    func flag(_ flag: AccountFilter.Flag) -> Bool
}

/// A filter that does not parse, with the 1-based column of the problem.
public struct AccountFilterError: Error, Sendable, Hashable, CustomStringConvertible {
    public var column: Int
    public var message: String
    public var description: String { "filter, column \(column): \(message)" }
}
