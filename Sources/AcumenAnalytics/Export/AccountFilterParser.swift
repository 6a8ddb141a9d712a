import AcumenCore
/// Recursive-descent parser for ``AccountFilter``'s grammar.
struct AccountFilterParser {
    /// A token with its 1-based column.
    enum Token: Equatable {
        case word(String), quoted(String), op(AccountFilter.Operator), colon, bang, open, close, end
    }

    private var tokens: [(Token, Int)] = []
    private var at = 0
    private var lexError: AccountFilterError?
    private let vocabulary: AccountFilter.Vocabulary

    init(_ text: String, vocabulary: AccountFilter.Vocabulary = .init()) {
        self.vocabulary = vocabulary
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i], col = i + 1
            if c == " " || c == "\t" { i += 1; continue }
            if c == "(" { tokens.append((.open, col)); i += 1; continue }
            if c == ")" { tokens.append((.close, col)); i += 1; continue }
            if c == ":" { tokens.append((.colon, col)); i += 1; continue }
            if c == "\"" {
                var s = "", j = i + 1, closed = false
                while j < chars.count {
                    if chars[j] == "\\", j + 1 < chars.count { s.append(chars[j + 1]); j += 2; continue }
                    if chars[j] == "\"" { closed = true; break }
                    s.append(chars[j]); j += 1
                }
                if !closed { lexError = AccountFilterError(column: col, message: "the quote is never closed"); return }
                tokens.append((.quoted(s), col)); i = j + 1; continue
            }
            let two = i + 1 < chars.count ? String(chars[i...(i + 1)]) : ""
            if let op = AccountFilter.Operator(rawValue: two), two.count == 2 { tokens.append((.op(op), col)); i += 2; continue }
            if c == "!" { tokens.append((.bang, col)); i += 1; continue }
            if let op = AccountFilter.Operator(rawValue: String(c)) { tokens.append((.op(op), col)); i += 1; continue }
            var s = ""
            while i < chars.count, !" \t()\"=!~<>:".contains(chars[i]) { s.append(chars[i]); i += 1 }
            tokens.append((.word(s), col))
        }
        tokens.append((.end, chars.count + 1))
    }

    private var current: Token { tokens[at].0 }
    private var column: Int { tokens[at].1 }
    private var next: Token { at + 1 < tokens.count ? tokens[at + 1].0 : .end }

    private func isKeyword(_ t: Token, _ k: String) -> Bool {
        if case .word(let w) = t { return w.lowercased() == k }
        return false
    }

    private func fail(_ message: String, at col: Int? = nil) -> AccountFilterError {
        AccountFilterError(column: col ?? column, message: message)
    }

    /// Parses the whole text; an empty text matches everything.
    mutating func parseAll() throws(AccountFilterError) -> AccountFilter.Expression {
        if let lexError { throw lexError }
        if current == .end { return .all }
        let e = try parseOr()
        guard current == .end else { throw fail(current == .close ? "')' without '('" : "expected 'and', 'or' or the end of the filter") }
        return e
    }

    private mutating func parseOr() throws(AccountFilterError) -> AccountFilter.Expression {
        var parts = [try parseAnd()]
        while isKeyword(current, "or") { at += 1; parts.append(try parseAnd()) }
        return parts.count == 1 ? parts[0] : .or(parts)
    }

    /// Terms joined by `and`, or simply side by side.
    private mutating func parseAnd() throws(AccountFilterError) -> AccountFilter.Expression {
        var parts = [try parseUnary()]
        while true {
            if isKeyword(current, "and") { at += 1; parts.append(try parseUnary()); continue }
            switch current {
            case .word where !isKeyword(current, "or"), .quoted, .bang, .open: parts.append(try parseUnary())
            default: return parts.count == 1 ? parts[0] : .and(parts)
            }
        }
    }

    private mutating func parseUnary() throws(AccountFilterError) -> AccountFilter.Expression {
        if isKeyword(current, "not") || current == .bang { at += 1; return .not(try parseUnary()) }
        switch current {
        case .open:
            at += 1
            let e = try parseOr()
            guard current == .close else { throw fail("expected ')'") }
            at += 1
            return e
        case .quoted(let text):
            at += 1
            return .search(TextFolding.fold(text))
        case .word(let name):
            if isKeyword(current, "and") || isKeyword(current, "or") { throw fail("expected a term before '\(name)'") }
            return try parseTerm(name)
        default:
            throw fail("expected a term: a key such as tier=Key, a flag such as belowBreakEven, or a word of a name")
        }
    }

    /// A comparison, a `key:value` shorthand, a flag or a bare word, starting at the word `name`.
    private mutating func parseTerm(_ name: String) throws(AccountFilterError) -> AccountFilter.Expression {
        let key = name.lowercased(), keyColumn = column
        let flag = AccountFilter.Flag.allCases.first { $0.rawValue.lowercased() == key }
        let textKey = Self.textKey(key), numberKey = Self.numberKey(key)
        at += 1
        let op: AccountFilter.Operator?
        switch current {
        case .op(let o): op = o
        case .colon: op = nil
        default:
            if let flag { return .flag(flag) }
            if textKey != nil || numberKey != nil { throw fail("expected an operator (: = != ~ !~ < <= > >=) after '\(name)'") }
            return .search(TextFolding.fold(name))
        }
        let operatorText = op?.rawValue ?? ":"
        at += 1
        let value: String
        switch current {
        case .word(let w), .quoted(let w): value = w
        default: throw fail("expected a value after '\(name)\(operatorText)'")
        }
        let valueColumn = column
        at += 1
        if let flag, op == nil {
            switch value.lowercased() {
            case "yes", "y", "true", "1": return .flag(flag)
            case "no", "n", "false", "0": return .not(.flag(flag))
            default: throw fail("'\(name)' is a flag: use \(name), \(name):yes or \(name):no", at: valueColumn)
            }
        }
        if let k = textKey {
            let o = op ?? (k.isCode ? .equal : .contains)
            guard [.equal, .notEqual, .contains, .notContains].contains(o) else {
                throw fail("'\(name)' is text: use : = != ~ or !~", at: valueColumn)
            }
            if o == .equal || o == .notEqual, !vocabulary.accepts(value, for: k) {
                throw fail("unknown \(k.rawValue) '\(value)' (\(k.rawValue) is one of \(vocabulary.listing(k)))", at: valueColumn)
            }
            return .text(k, o, value)
        }
        if let k = numberKey {
            let o = op ?? .equal
            guard o != .contains, o != .notContains else { throw fail("'\(name)' is a number: use : = != < <= > or >=", at: valueColumn) }
            guard let v = Double(value.filter { $0 != "," && $0 != "_" }), v.isFinite else {
                throw fail("'\(value)' is not a number", at: valueColumn)
            }
            return .number(k, o, v)
        }
        throw fail("unknown key '\(name)' (keys: \(Self.keyList); flags: \(Self.flagList))", at: keyColumn)
    }

    static func textKey(_ k: String) -> AccountFilter.TextKey? { AccountFilter.TextKey.allCases.first { $0.rawValue.lowercased() == k } }
    static func numberKey(_ k: String) -> AccountFilter.NumberKey? { AccountFilter.NumberKey.allCases.first { $0.rawValue.lowercased() == k } }
    static var keyList: String { (AccountFilter.TextKey.allCases.map(\.rawValue) + AccountFilter.NumberKey.allCases.map(\.rawValue)).joined(separator: ", ") }
    static var flagList: String { AccountFilter.Flag.allCases.map(\.rawValue).joined(separator: ", ") }
}
