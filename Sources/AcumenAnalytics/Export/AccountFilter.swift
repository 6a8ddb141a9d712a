import AcumenCore
/// A small filter language over accounts, shared by `acumen export --filter` and the TUI.
///
/// Grammar (keywords and keys are case-insensitive):
/// ```
/// filter     := or
/// or         := and ("or" and)*
/// and        := unary ("and" unary)*
/// unary      := "not" unary | "(" filter ")" | flag | comparison
/// comparison := key op value
/// op         := "=" | "!=" | "~" | "!~" | "<" | "<=" | ">" | ">="
/// value      := word | "quoted text"
/// ```
/// Text keys (`id name tier segment abc strategy owner industry region tag reason`) take
/// `=` / `!=` (equal ignoring case, spaces and dashes) and `~` / `!~` (contains, ignoring
/// case). Number keys (`score revenue contribution clv margin costToServe`) take all six
/// comparisons. Flags: `belowBreakEven overridden reviewed unreviewed hasNotes`.
/// Examples: `tier=Key and strategy=grow`, `owner~"Chen"`, `belowBreakEven and revenue>10000`.
public struct AccountFilter: Sendable, Hashable, CustomStringConvertible {
    /// Keys with text values (a tag key matches any of the account's tags).
    public enum TextKey: String, Sendable, CaseIterable { case id, name, tier, segment, abc, strategy, owner, industry, region, tag, reason }
    /// Keys with numeric values.
    public enum NumberKey: String, Sendable, CaseIterable { case score, revenue, contribution, clv, margin, costToServe }
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
    }

    /// The source text.
    public let source: String
    public let expression: Expression

    /// A filter that matches every account.
    public static let all = AccountFilter(source: "", expression: .all)

    init(source: String, expression: Expression) { self.source = source; self.expression = expression }

    /// Parses a filter.
    /// - Throws: ``AccountFilterError`` naming the column and what was expected.
    public static func parse(_ text: String) throws(AccountFilterError) -> AccountFilter {
        var p = AccountFilterParser(text)
        return AccountFilter(source: text, expression: try p.parseAll())
    }

    public var description: String { source }

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

    /// True when the account satisfies the filter.
    public func matches(_ account: some AccountFilterSubject) -> Bool { Self.evaluate(expression, account) }

    static func evaluate(_ e: Expression, _ a: some AccountFilterSubject) -> Bool {
        switch e {
        case .all: return true
        case .and(let parts): return parts.allSatisfy { evaluate($0, a) }
        case .or(let parts): return parts.contains { evaluate($0, a) }
        case .not(let inner): return !evaluate(inner, a)
        case .flag(let f): return a.flag(f)
        case .number(let key, let op, let v):
            guard let x = a.number(for: key) else { return op == .notEqual }
            switch op {
            case .equal: return x == v
            case .notEqual: return x != v
            case .less: return x < v
            case .lessOrEqual: return x <= v
            case .greater: return x > v
            case .greaterOrEqual: return x >= v
            case .contains, .notContains: return false
            }
        case .text(let key, let op, let v):
            let values = a.values(for: key)
            switch op {
            case .equal: return values.contains { normalized($0) == normalized(v) }
            case .notEqual: return !values.contains { normalized($0) == normalized(v) }
            case .contains: return values.contains { $0.lowercased().contains(v.lowercased()) }
            case .notContains: return !values.contains { $0.lowercased().contains(v.lowercased()) }
            default: return false
            }
        }
    }

    /// Lowercased without spaces, dashes and underscores, so `cut-cost`, `Cut cost` and `cutCost` agree.
    static func normalized(_ s: String) -> String {
        String(s.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" })
    }
}

/// What a filter is evaluated against: an exported account, or a row of the TUI's table.
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
