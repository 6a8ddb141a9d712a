/// A parsed JSON value that keeps numbers as their exact source text.
///
/// Numbers stay text so money can be read exactly and unknown fields are written back
/// unchanged. Objects are dictionaries; the writer sorts keys, so output is stable.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number, as the exact text it had in the file.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Creates a number value from an integer.
    public static func int(_ v: Int) -> JSONValue { .number(String(v)) }

    /// Creates a number value from a double, using the shortest text that round-trips.
    /// Non-finite values become `null` (JSON has no NaN or infinity).
    public static func double(_ v: Double) -> JSONValue {
        guard v.isFinite else { return .null }
        if v == v.rounded(), abs(v) < 1e15 { return .number(String(Int64(v))) }
        return .number("\(v)")
    }

    /// Creates a number value from money, with exactly two decimals.
    public static func money(_ m: Money) -> JSONValue { .number(m.decimalText) }

    /// The member dictionary when this is an object.
    public var objectValue: [String: JSONValue]? { if case .object(let o) = self { o } else { nil } }
    /// The elements when this is an array.
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    /// The text when this is a string.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    /// The value as a double when this is a number.
    public var doubleValue: Double? { if case .number(let n) = self { Double(n) } else { nil } }
    /// The value as an integer when this is an integral number.
    public var intValue: Int? {
        guard case .number(let n) = self else { return nil }
        if let i = Int(n) { return i }
        if let d = Double(n), d == d.rounded(), abs(d) < 9e15 { return Int(d) }
        return nil
    }
    /// The boolean when this is `true` or `false`.
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// True for `null`.
    public var isNull: Bool { if case .null = self { true } else { false } }

    /// A short name of the value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Member access on objects; nil for other kinds or a missing key.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }
}
