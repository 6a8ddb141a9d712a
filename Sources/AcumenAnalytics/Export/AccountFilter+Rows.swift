import AcumenCore
/// Evaluating a filter over many rows at once: the workbench re-filters up to a million
/// accounts on each keystroke, so code keys are decided once per code, not per row.
extension AccountFilter {
    /// A coded column: the names of each code (a code may have several, e.g. a strategy's value
    /// and title) and each row's code (outside `names`: no value).
    public struct Codes {
        public var names: [[String]]
        public var code: (Int) -> Int
        public init(names: [[String]], code: @escaping (Int) -> Int) { self.names = names; self.code = code }
    }

    /// The rows of `candidates` (in that order) that satisfy the filter.
    /// - Complexity: O(codes) per code-key term once, then O(rows × terms).
    public func rows(_ candidates: [Int32], in table: some AccountFilterRows) -> [Int32] {
        if isEmpty { return candidates }
        let node = Self.compile(expression, table)
        // One per-row test (a word of a name, typed live): called directly, not through the tree.
        if case .row(let test) = node { return candidates.filter { test(Int($0)) } }
        return candidates.filter { node.matches(Int($0)) }
    }

    /// Whether one row satisfies the filter (for a single row; prefer ``rows(_:in:)`` for many).
    public func matches(row: Int, in table: some AccountFilterRows) -> Bool {
        isEmpty || Self.compile(expression, table).matches(row)
    }

    /// A compiled expression: per-code answers for code keys, per-row tests for the rest.
    indirect enum Node {
        case all
        case and([Node])
        case or([Node])
        case not(Node)
        case coded(allowed: [Bool], none: Bool, code: (Int) -> Int)
        case row((Int) -> Bool)

        func matches(_ i: Int) -> Bool {
            switch self {
            case .all: return true
            case .and(let parts): for p in parts where !p.matches(i) { return false }; return true
            case .or(let parts): for p in parts where p.matches(i) { return true }; return false
            case .not(let inner): return !inner.matches(i)
            case .coded(let allowed, let none, let code):
                let c = code(i)
                return c >= 0 && c < allowed.count ? allowed[c] : none
            case .row(let test): return test(i)
            }
        }
    }

    static func compile<T: AccountFilterRows>(_ e: Expression, _ t: T) -> Node {
        switch e {
        case .all: return .all
        case .and(let parts): return .and(parts.map { compile($0, t) })
        case .or(let parts): return .or(parts.map { compile($0, t) })
        case .not(let inner): return .not(compile(inner, t))
        case .flag(let f): return .row { t.flag(f, row: $0) }
        case .search(let w): return .row(t.nameOrIDMatcher(w))
        case .number(let key, let op, let v): return .row { compare(t.number(for: key, row: $0), op, v) }
        case .text(let key, let op, let v):
            if let codes = t.codes(for: key) {
                return .coded(allowed: codes.names.map { textMatches($0, op, v) }, none: textMatches([], op, v), code: codes.code)
            }
            return .row { textMatches(t.values(for: key, row: $0), op, v) }
        }
    }
}

/// Rows a filter is evaluated over in bulk: the workbench's accounts table, or an analysis.
public protocol AccountFilterRows {
    /// The key as a coded column, when the table keeps it coded (tier, strategy, owner …).
    func codes(for key: AccountFilter.TextKey) -> AccountFilter.Codes?
    /// The values of a text key for a row (several for tags; empty when none).
    func values(for key: AccountFilter.TextKey, row: Int) -> [String]
    /// A number for a row, nil when unknown.
    func number(for key: AccountFilter.NumberKey, row: Int) -> Double?
    /// A yes/no property of a row.
    func flag(_ flag: AccountFilter.Flag, row: Int) -> Bool
    /// A test of whether a row's name or id contains `needle` (already folded, ``TextFolding``),
    /// ignoring case and accents.
    func nameOrIDMatcher(_ needle: String) -> (Int) -> Bool
}

extension AccountFilterRows {
    public func nameOrIDMatcher(_ needle: String) -> (Int) -> Bool {
        { row in (values(for: .name, row: row) + values(for: .id, row: row)).contains { TextFolding.fold($0).contains(needle) } }
    }
}
