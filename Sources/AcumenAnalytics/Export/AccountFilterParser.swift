import AcumenCore
/// Recursive-descent parser for ``AccountFilter``'s grammar.
struct AccountFilterParser {
    /// A token with its 1-based column.
    enum Token: Equatable {
        case word(String), quoted(String), op(AccountFilter.Operator), open, close, end
    }

    private var tokens: [(Token, Int)] = []
    private var at = 0
    private var lexError: AccountFilterError?

    init(_ text: String) {
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i], col = i + 1
            if c == " " || c == "\t" { i += 1; continue }
            if c == "(" { tokens.append((.open, col)); i += 1; continue }
            if c == ")" { tokens.append((.close, col)); i += 1; continue }
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
            if let op = AccountFilter.Operator(rawValue: String(c)) { tokens.append((.op(op), col)); i += 1; continue }
            if c == "!" { lexError = AccountFilterError(column: col, message: "'!' must be followed by '=' or '~'"); return }
            var s = ""
            while i < chars.count, !" \t()\"=!~<>".contains(chars[i]) { s.append(chars[i]); i += 1 }
            tokens.append((.word(s), col))
        }
        tokens.append((.end, chars.count + 1))
    }

    private var current: Token { tokens[at].0 }
    private var column: Int { tokens[at].1 }

    private func isKeyword(_ t: Token, _ k: String) -> Bool {
        if case .word(let w) = t { return w.lowercased() == k }
        return false
    }

    private func fail(_ message: String) -> AccountFilterError { AccountFilterError(column: column, message: message) }

    /// Parses the whole text; an empty text matches everything.
    mutating func parseAll() throws(AccountFilterError) -> AccountFilter.Expression {
        if let lexError { throw lexError }
        if current == .end { return .all }
        let e = try parseOr()
        guard current == .end else { throw fail("expected 'and', 'or' or the end of the filter") }
        return e
    }

    private mutating func parseOr() throws(AccountFilterError) -> AccountFilter.Expression {
        var parts = [try parseAnd()]
        while isKeyword(current, "or") { at += 1; parts.append(try parseAnd()) }
        return parts.count == 1 ? parts[0] : .or(parts)
    }

    private mutating func parseAnd() throws(AccountFilterError) -> AccountFilter.Expression {
        var parts = [try parseUnary()]
        while isKeyword(current, "and") { at += 1; parts.append(try parseUnary()) }
        return parts.count == 1 ? parts[0] : .and(parts)
    }

    private mutating func parseUnary() throws(AccountFilterError) -> AccountFilter.Expression {
        if isKeyword(current, "not") { at += 1; return .not(try parseUnary()) }
        if current == .open {
            at += 1
            let e = try parseOr()
            guard current == .close else { throw fail("expected ')'") }
            at += 1
            return e
        }
        guard case .word(let name) = current else { throw fail("expected a key such as tier, strategy, owner or a flag such as belowBreakEven") }
        let key = name.lowercased()
        at += 1
        guard case .op(let op) = current else {
            if let flag = AccountFilter.Flag.allCases.first(where: { $0.rawValue.lowercased() == key }) { return .flag(flag) }
            let known = AccountFilter.Flag.allCases.map(\.rawValue).joined(separator: ", ")
            if Self.textKey(key) != nil || Self.numberKey(key) != nil { throw fail("expected an operator (= != ~ !~ < <= > >=) after '\(name)'") }
            at -= 1
            throw fail("unknown key or flag '\(name)' (keys: \(Self.keyList); flags: \(known))")
        }
        at += 1
        let value: String
        switch current {
        case .word(let w), .quoted(let w): value = w
        default: throw fail("expected a value after '\(op.rawValue)'")
        }
        let valueColumn = column
        at += 1
        if let k = Self.textKey(key) {
            guard [.equal, .notEqual, .contains, .notContains].contains(op) else {
                throw AccountFilterError(column: valueColumn, message: "'\(name)' is text: use = != ~ or !~")
            }
            return .text(k, op, value)
        }
        if let k = Self.numberKey(key) {
            guard op != .contains, op != .notContains else { throw AccountFilterError(column: valueColumn, message: "'\(name)' is a number: use = != < <= > or >=") }
            guard let v = Double(value.filter { $0 != "," && $0 != "_" }) else {
                throw AccountFilterError(column: valueColumn, message: "'\(value)' is not a number")
            }
            return .number(k, op, v)
        }
        at -= 3
        throw fail("unknown key '\(name)' (keys: \(Self.keyList))")
    }

    static func textKey(_ k: String) -> AccountFilter.TextKey? { AccountFilter.TextKey.allCases.first { $0.rawValue.lowercased() == k } }
    static func numberKey(_ k: String) -> AccountFilter.NumberKey? { AccountFilter.NumberKey.allCases.first { $0.rawValue.lowercased() == k } }
    static var keyList: String { (AccountFilter.TextKey.allCases.map(\.rawValue) + AccountFilter.NumberKey.allCases.map(\.rawValue)).joined(separator: ", ") }
}
