/// A strict, position-reporting JSON parser over UTF-8 bytes.
///
/// Unlike Foundation's decoders it reports the line and column of every error, refuses
/// duplicate keys, NaN and invalid UTF-8, and bounds nesting depth iteratively enough
/// that hostile input cannot overflow the stack (RFC 8259).
public struct JSONParser {
    /// Where a parse failed, and why.
    public struct Failure: Error, Equatable, Sendable {
        /// 1-based line in the parsed text.
        public var line: Int
        /// 1-based column (in bytes) in that line.
        public var column: Int
        /// What was wrong.
        public var message: String
    }

    /// The deepest nesting of arrays and objects accepted.
    public static let maxDepth = 256

    private let bytes: [UInt8]
    private var i: Int
    private let end: Int
    private var depth = 0
    /// Line number of the first byte (for parsing one line of a larger file).
    private let firstLine: Int
    private let start: Int

    private init(bytes: [UInt8], start: Int, end: Int, firstLine: Int) {
        self.bytes = bytes; i = start; self.start = start; self.end = end; self.firstLine = firstLine
    }

    /// Parses one complete JSON document from `bytes[start..<end]`.
    /// - Parameter firstLine: the line number of `start`, used in error positions.
    public static func parse(_ bytes: [UInt8], start: Int = 0, end: Int? = nil, firstLine: Int = 1) throws(Failure) -> JSONValue {
        var p = JSONParser(bytes: bytes, start: start, end: end ?? bytes.count, firstLine: firstLine)
        p.skipWhitespace()
        let v = try p.value()
        p.skipWhitespace()
        if p.i < p.end { throw p.fail("unexpected text after the JSON value") }
        return v
    }

    /// Like ``parse(_:start:end:firstLine:)`` but returns a `Result`, for use inside closures.
    public static func result(_ bytes: [UInt8], start: Int = 0, end: Int? = nil, firstLine: Int = 1) -> Result<JSONValue, Failure> {
        Result { () throws(Failure) -> JSONValue in try parse(bytes, start: start, end: end, firstLine: firstLine) }
    }

    /// Parses a JSON document from a string.
    public static func parse(_ text: String) throws(Failure) -> JSONValue {
        try parse(Array(text.utf8))
    }

    private func position(_ at: Int) -> (Int, Int) {
        var line = firstLine, lineStart = start
        var k = start
        // Counted from the parse start, only on errors, so linear cost is fine.
        while k < at && k < bytes.count {
            if bytes[k] == 10 { line += 1; lineStart = k + 1 }
            k += 1
        }
        return (line, at - lineStart + 1)
    }

    private func fail(_ message: String, at: Int? = nil) -> Failure {
        let (l, c) = position(at ?? i)
        return Failure(line: l, column: c, message: message)
    }

    private mutating func skipWhitespace() {
        while i < end {
            let c = bytes[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { break }
        }
    }

    private mutating func value() throws(Failure) -> JSONValue {
        guard i < end else { throw fail("unexpected end of data") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), 48...57: return .number(try number())
        case 0xEF where i + 2 < end && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF:
            throw fail("byte order mark (BOM) is not allowed here; save the file as UTF-8 without BOM")
        default:
            let c = bytes[i]
            if c == UInt8(ascii: "N") || c == UInt8(ascii: "I") { throw fail("NaN and Infinity are not valid JSON numbers") }
            throw fail("unexpected character '\(Self.show(c))'")
        }
    }

    static func show(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7F ? String(UnicodeScalar(c)) : "\\x" + String(c, radix: 16).leftPadded(2)
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let n = word.utf8CodeUnitCount
        guard i + n <= end else { throw fail("unexpected end of data") }
        let p = word.utf8Start
        for k in 0..<n where bytes[i + k] != p[k] { throw fail("invalid literal") }
        i += n
    }

    private mutating func number() throws(Failure) -> String {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < end, bytes[i] >= 48, bytes[i] <= 57 else {
            if i < end, bytes[i] == UInt8(ascii: "I") { throw fail("NaN and Infinity are not valid JSON numbers") }
            throw fail("invalid number")
        }
        if bytes[i] == 48, i + 1 < end, bytes[i + 1] >= 48, bytes[i + 1] <= 57 { throw fail("leading zeros are not allowed") }
        while i < end, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < end, bytes[i] >= 48, bytes[i] <= 57 else { throw fail("invalid number: digits expected after '.'") }
            while i < end, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
        }
        if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < end, bytes[i] >= 48, bytes[i] <= 57 else { throw fail("invalid number exponent") }
            while i < end, bytes[i] >= 48, bytes[i] <= 57 { i += 1 }
        }
        guard i - start <= 64 else { throw fail("number too long", at: start) }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private mutating func string() throws(Failure) -> String {
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < end {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                let slice = bytes[start..<i]
                i += 1
                guard let s = String(validating: slice, as: UTF8.self) else { throw fail("invalid UTF-8 in string", at: start) }
                return s
            }
            if c == UInt8(ascii: "\\") || c < 0x20 { break }
            i += 1
        }
        var out = [UInt8](bytes[start..<i])
        while i < end {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                guard let s = String(validating: out, as: UTF8.self) else { throw fail("invalid UTF-8 in string", at: start) }
                return s
            }
            if c < 0x20 { throw fail("control character in string (escape it as \\u00\(String(c, radix: 16).leftPadded(2)))") }
            if c == UInt8(ascii: "\\") {
                i += 1
                guard i < end else { break }
                switch bytes[i] {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard i + 2 < end, bytes[i + 1] == UInt8(ascii: "\\"), bytes[i + 2] == UInt8(ascii: "u") else {
                            throw fail("unpaired surrogate in \\u escape")
                        }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate in \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw fail("unpaired surrogate in \\u escape")
                    }
                    guard let u = UnicodeScalar(scalar) else { throw fail("invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: throw fail("invalid escape sequence")
                }
                i += 1
                continue
            }
            out.append(c)
            i += 1
        }
        throw fail("unterminated string", at: start - 1)
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 < end else { throw fail("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            i += 1
            let c = bytes[i]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 65...70: d = UInt32(c - 55)
            case 97...102: d = UInt32(c - 87)
            default: throw fail("invalid hex digit in \\u escape")
            }
            v = v * 16 + d
        }
        return v
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > JSONParser.maxDepth { throw fail("nesting deeper than \(JSONParser.maxDepth) levels") }
    }

    private mutating func array() throws(Failure) -> JSONValue {
        try enter()
        i += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if i < end, bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try value())
            skipWhitespace()
            guard i < end else { throw fail("unexpected end of data: ']' expected") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; break }
            throw fail("',' or ']' expected")
        }
        depth -= 1
        return .array(items)
    }

    private mutating func object() throws(Failure) -> JSONValue {
        try enter()
        i += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if i < end, bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(members) }
        while true {
            skipWhitespace()
            guard i < end else { throw fail("unexpected end of data: '}' expected") }
            guard bytes[i] == UInt8(ascii: "\"") else { throw fail("object key (a string) expected") }
            let keyStart = i
            let key = try string()
            skipWhitespace()
            guard i < end, bytes[i] == UInt8(ascii: ":") else { throw fail("':' expected after key \"\(key)\"") }
            i += 1
            skipWhitespace()
            let v = try value()
            if members.updateValue(v, forKey: key) != nil { throw fail("duplicate key \"\(key)\"", at: keyStart) }
            skipWhitespace()
            guard i < end else { throw fail("unexpected end of data: '}' expected") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; break }
            throw fail("',' or '}' expected")
        }
        depth -= 1
        return .object(members)
    }
}
