import AcumenCore
import AcumenAnalytics
/// Reads typed fields out of one JSON object, collecting every problem instead of stopping.
///
/// Used by every file decoder so that a broken file reports all its faults at once, each
/// with file, line and field. Keys read are remembered; ``unknownFields`` returns the rest so
/// they survive a rewrite.
struct FieldReader {
    let object: [String: JSONValue]
    let file: String
    let line: Int
    /// Prefix for field paths (e.g. `criteria[2].`).
    let path: String
    var problems: [WorkspaceProblem] = []
    private(set) var seen: Set<String> = []

    init(_ object: [String: JSONValue], file: String, line: Int, path: String = "") {
        self.object = object; self.file = file; self.line = line; self.path = path
    }

    mutating func problem(_ key: String, _ message: String, severity: WorkspaceProblem.Severity = .error) {
        problems.append(WorkspaceProblem(file: file, line: line, field: path + key, message: message, severity: severity))
    }

    private mutating func raw(_ key: String, required: Bool) -> JSONValue? {
        seen.insert(key)
        guard let v = object[key], !v.isNull else {
            if required { problem(key, "missing required field") }
            return nil
        }
        return v
    }

    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let v = raw(key, required: required) else { return nil }
        guard let s = v.stringValue else { problem(key, "expected a string, found \(v.typeName)"); return nil }
        return s
    }

    mutating func strings(_ key: String) -> [String] {
        guard let v = raw(key, required: false) else { return [] }
        guard let a = v.arrayValue else { problem(key, "expected an array of strings, found \(v.typeName)"); return [] }
        var out: [String] = []
        for (k, item) in a.enumerated() {
            if let s = item.stringValue { out.append(s) } else { problem("\(key)[\(k)]", "expected a string, found \(item.typeName)") }
        }
        return out
    }

    mutating func double(_ key: String, required: Bool = false, range: ClosedRange<Double>? = nil) -> Double? {
        guard let v = raw(key, required: required) else { return nil }
        guard let d = v.doubleValue else { problem(key, "expected a number, found \(v.typeName)"); return nil }
        guard d.isFinite else { problem(key, "number out of range"); return nil }
        if let range, !range.contains(d) {
            problem(key, "\(d) is outside \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return d
    }

    mutating func int(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil) -> Int? {
        guard let v = raw(key, required: required) else { return nil }
        guard let i = v.intValue else { problem(key, "expected an integer, found \(v.typeName)"); return nil }
        if let range, !range.contains(i) { problem(key, "\(i) is outside \(range.lowerBound)…\(range.upperBound)"); return nil }
        return i
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let v = raw(key, required: false) else { return nil }
        guard let b = v.boolValue else { problem(key, "expected true or false, found \(v.typeName)"); return nil }
        return b
    }

    mutating func money(_ key: String, required: Bool = false, allowNegative: Bool = false) -> Money? {
        guard let v = raw(key, required: required) else { return nil }
        guard case .number(let text) = v else { problem(key, "expected an amount (a number), found \(v.typeName)"); return nil }
        guard let m = Money(decimalText: text) else {
            problem(key, "amount \(text) is not a plain decimal within ±10^15")
            return nil
        }
        if !allowNegative, m.minor < 0 { problem(key, "amount must not be negative (\(text))"); return nil }
        return m
    }

    mutating func day(_ key: String, required: Bool = false) -> Day? {
        guard let s = string(key, required: required) else { return nil }
        guard let d = Day(iso: s) else { problem(key, "\"\(s)\" is not a date (expected yyyy-MM-dd)"); return nil }
        return d
    }

    mutating func timestamp(_ key: String, required: Bool = false) -> Timestamp? {
        guard let s = string(key, required: required) else { return nil }
        guard let t = Timestamp(iso: s) else { problem(key, "\"\(s)\" is not a time (expected yyyy-MM-ddTHH:mm:ssZ)"); return nil }
        return t
    }

    mutating func object(_ key: String) -> [String: JSONValue]? {
        guard let v = raw(key, required: false) else { return nil }
        guard let o = v.objectValue else { problem(key, "expected an object, found \(v.typeName)"); return nil }
        return o
    }

    mutating func array(_ key: String) -> [JSONValue]? {
        guard let v = raw(key, required: false) else { return nil }
        guard let a = v.arrayValue else { problem(key, "expected an array, found \(v.typeName)"); return nil }
        return a
    }

    /// Reads a nested object with its own reader, merging its problems into this one.
    mutating func nested<T>(_ key: String, _ decode: (inout FieldReader) -> T) -> T? {
        guard let o = object(key) else { return nil }
        var sub = FieldReader(o, file: file, line: line, path: path + key + ".")
        let v = decode(&sub)
        problems += sub.problems
        return v
    }

    /// Marks a key as known without reading it.
    mutating func markKnown(_ key: String) { seen.insert(key) }

    /// Members not read so far, kept so they survive a rewrite.
    var unknownFields: [String: JSONValue] { object.filter { !seen.contains($0.key) } }
}
