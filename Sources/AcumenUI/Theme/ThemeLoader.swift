import AcumenAnalytics
import AcumenCore
import AcumenStore

/// Reads theme files (`themes/NAME.json`) with the project's strict ``JSONParser``.
///
/// Format: `{"name": "...", "colors": true, "roles": {"header": {"fg": "brightWhite",
/// "bg": "#005f87", "bold": true}, ...}, "glyphs": {"mark": "*", "tierMarkers": ["#", ...]}}`.
/// Unknown roles, colours or attributes are errors naming the file, line and field, so a typo
/// is never silently ignored; ``load(named:searchPath:read:)`` then falls back to the default.
public enum ThemeLoader {
    /// A theme file that could not be used.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var field: String
        public var message: String
        public var description: String {
            "\(file)\(line > 0 ? ":\(line)" : ""): \(field.isEmpty ? "" : field + ": ")\(message)"
        }
    }

    /// The names of the themes shipped in `themes/`.
    public static let shippedNames = ["default", "light", "high-contrast", "mono"]

    /// Parses theme file bytes; `file` names the file in error messages.
    public static func parse(_ bytes: [UInt8], file: String) throws(Failure) -> Theme {
        do { return try parseTree(bytes, file: file) } catch {
            var e = error
            if e.line == 0 { e.line = line(of: e.field, in: bytes) }
            throw e
        }
    }

    /// The line where a dotted field path (`roles.header.fg`) first appears, found by looking
    /// for each key in turn after the previous one; 0 if not found.
    static func line(of field: String, in bytes: [UInt8]) -> Int {
        var from = 0
        for key in field.split(separator: ".") {
            let needle = Array(("\"" + key + "\"").utf8)
            guard needle.count <= bytes.count, from <= bytes.count - needle.count else { return 0 }
            guard let at = (from...(bytes.count - needle.count)).first(where: { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }) else { return 0 }
            from = at + needle.count
        }
        guard from > 0 else { return 0 }
        return bytes[..<from].reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
    }

    static func parseTree(_ bytes: [UInt8], file: String) throws(Failure) -> Theme {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch {
            throw Failure(file: file, line: error.line, field: "", message: error.message)
        }
        guard let obj = root.objectValue else { throw Failure(file: file, line: 1, field: "", message: "expected an object") }
        var theme = Theme(name: obj["name"]?.stringValue ?? file)
        if let c = obj["colors"] {
            guard let b = c.boolValue else { throw Failure(file: file, line: 0, field: "colors", message: "expected true or false") }
            theme.usesColor = b
        }
        if let roles = obj["roles"] {
            guard let ro = roles.objectValue else { throw Failure(file: file, line: 0, field: "roles", message: "expected an object") }
            for (key, value) in ro {
                guard let role = StyleRole(name: key) else {
                    throw Failure(file: file, line: 0, field: "roles.\(key)", message: "unknown role (known: \(StyleRole.allCases.map(\.name).joined(separator: ", ")))")
                }
                theme.styles[role] = try style(value, file: file, field: "roles.\(key)")
            }
        }
        if let glyphs = obj["glyphs"] {
            guard let go = glyphs.objectValue else { throw Failure(file: file, line: 0, field: "glyphs", message: "expected an object") }
            for (key, value) in go {
                if key == "tierMarkers" {
                    guard let arr = value.arrayValue?.compactMap(\.stringValue), !arr.isEmpty else {
                        throw Failure(file: file, line: 0, field: "glyphs.tierMarkers", message: "expected a list of strings")
                    }
                    theme.tierMarkers = arr.map(TextSanitizer.sanitize)
                } else if GlyphSet.fieldNames.contains(key), let s = value.stringValue {
                    theme.glyphOverrides[key] = TextSanitizer.sanitize(s)
                } else {
                    throw Failure(file: file, line: 0, field: "glyphs.\(key)", message: "unknown glyph or not a string")
                }
            }
        }
        return theme
    }

    static func style(_ value: JSONValue, file: String, field: String) throws(Failure) -> RoleStyle {
        guard let o = value.objectValue else { throw Failure(file: file, line: 0, field: field, message: "expected an object") }
        var s = RoleStyle()
        for (k, v) in o {
            switch k {
            case "fg", "bg":
                guard let text = v.stringValue, let c = ThemeColor(parsing: text) else {
                    throw Failure(file: file, line: 0, field: "\(field).\(k)", message: "expected a colour: default, an ANSI name, 0-255 or #rrggbb")
                }
                if k == "fg" { s.foreground = c } else { s.background = c }
            case "bold", "dim", "reverse", "underline":
                guard let b = v.boolValue else { throw Failure(file: file, line: 0, field: "\(field).\(k)", message: "expected true or false") }
                switch k {
                case "bold": s.bold = b
                case "dim": s.dim = b
                case "reverse": s.reverse = b
                default: s.underline = b
                }
            default:
                throw Failure(file: file, line: 0, field: "\(field).\(k)", message: "unknown attribute (fg, bg, bold, dim, reverse, underline)")
            }
        }
        return s
    }

    /// Loads `NAME.json` from the first folder of `searchPath` that has it. Returns the theme
    /// and a notice when it fell back to the built-in default (missing or broken file).
    /// `read` returns a file's bytes or nil if absent (a seam for tests).
    public static func load(named name: String, searchPath: [String],
                            read: (String) -> [UInt8]?) -> (theme: Theme, notice: String?) {
        let safe = name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        guard safe, !name.isEmpty else { return (.fallback, "theme name '\(TextSanitizer.sanitize(name))' is not valid; using the default theme") }
        for folder in searchPath {
            let path = folder + "/" + name + ".json"
            guard let bytes = read(path) else { continue }
            do { return (try parse(bytes, file: path), nil) } catch {
                return (.fallback, "theme \(error.description); using the default theme")
            }
        }
        if name == "default" { return (.fallback, nil) }
        return (.fallback, "theme '\(name)' not found; using the default theme (looked in \(searchPath.joined(separator: ", ")))")
    }
}
