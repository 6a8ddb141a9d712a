import AcumenCore
import AcumenAnalytics
/// One thing wrong with a workspace file, located by file, line, column and field.
public struct WorkspaceProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// The file name within the workspace (e.g. `customers.jsonl`).
    public var file: String
    /// 1-based line, or 0 when the problem is about the file as a whole.
    public var line: Int
    /// 1-based column, when known.
    public var column: Int?
    /// The field path (e.g. `ratings.risk`), when the problem is about one field.
    public var field: String?
    /// What is wrong, in words a person can act on.
    public var message: String
    /// Errors stop a load; warnings are reported and the load goes on.
    public var severity: Severity

    /// Creates a problem.
    public init(file: String, line: Int, column: Int? = nil, field: String? = nil, message: String, severity: Severity = .error) {
        self.file = file; self.line = line; self.column = column; self.field = field
        self.message = message; self.severity = severity
    }

    /// `file:line:column: error: field "x": message`, the form compilers use, so editors can jump to it.
    public var description: String {
        var s = file
        if line > 0 { s += ":\(line)" }
        if let column, line > 0 { s += ":\(column)" }
        s += ": \(severity.rawValue): "
        if let field { s += "field \"\(field)\": " }
        return s + message
    }
}
