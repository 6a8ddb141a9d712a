/// Writes JSON with sorted keys, so a workspace's files diff cleanly under git.
///
/// Two layouts: `compact` (one line, used for JSON Lines records and the journal) and
/// `pretty` (two-space indent, used for settings). Strings escape control characters,
/// so a written file never carries raw escape sequences.
public enum JSONWriter {
    /// Appends the compact, single-line form of `value` to `out`.
    public static func writeCompact(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                writeCompact(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (k, key) in members.keys.sorted().enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if let v = members[key] { writeCompact(v, into: &out) }
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The compact form as a string.
    public static func compact(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        writeCompact(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the pretty form (two-space indent, sorted keys, newline-terminated at top level).
    public static func writePretty(_ value: JSONValue, indent: Int = 0, into out: inout [UInt8]) {
        func pad(_ n: Int) { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: n * 2)) }
        switch value {
        case .array(let items) where !items.isEmpty:
            if items.allSatisfy({ $0.isScalar }) {
                writeCompact(value, into: &out)
            } else {
                out.append(contentsOf: "[\n".utf8)
                for (k, item) in items.enumerated() {
                    pad(indent + 1)
                    writePretty(item, indent: indent + 1, into: &out)
                    out.append(contentsOf: (k + 1 < items.count ? ",\n" : "\n").utf8)
                }
                pad(indent)
                out.append(UInt8(ascii: "]"))
            }
        case .object(let members) where !members.isEmpty:
            out.append(contentsOf: "{\n".utf8)
            let keys = members.keys.sorted()
            for (k, key) in keys.enumerated() {
                pad(indent + 1)
                writeString(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                if let v = members[key] { writePretty(v, indent: indent + 1, into: &out) }
                out.append(contentsOf: (k + 1 < keys.count ? ",\n" : "\n").utf8)
            }
            pad(indent)
            out.append(UInt8(ascii: "}"))
        default:
            writeCompact(value, into: &out)
        }
        if indent == 0 { out.append(0x0A) }
    }

    /// The pretty form as a string.
    public static func pretty(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        writePretty(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends a quoted, escaped JSON string.
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for c in s.utf8 {
            switch c {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20, 0x7F:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 48, 48, hex[Int(c >> 4)], hex[Int(c & 15)]])
            default: out.append(c)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension JSONValue {
    /// True for values that are not arrays or objects.
    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}
