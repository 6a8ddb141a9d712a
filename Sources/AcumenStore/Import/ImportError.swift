import AcumenCore
import AcumenAnalytics
/// Why an import was refused. Nothing is written when any of these is thrown.
public enum ImportError: Error, Sendable, CustomStringConvertible {
    /// The input has problems; every one (up to the cap) is listed with file, line and column.
    case invalid([WorkspaceProblem], total: Int)
    /// A file could not be read.
    case io(IOFailure)
    /// The workspace could not be opened, merged or saved.
    case workspace(WorkspaceError)

    public var description: String {
        switch self {
        case .invalid(let problems, let total):
            var lines = problems.map(\.description)
            if total > problems.count { lines.append("… and \(total - problems.count) more problems") }
            let n = total
            return lines.joined(separator: "\n") + "\nimport refused: \(n) problem\(n == 1 ? "" : "s"); nothing was written"
        case .io(let failure): return failure.description
        case .workspace(let error): return error.description
        }
    }

    /// The listed problems, if the input was invalid.
    public var problems: [WorkspaceProblem] {
        if case .invalid(let p, _) = self { return p }
        return []
    }
}

/// Problems collected while reading, capped so a wholly wrong file does not flood the screen.
struct ProblemList {
    let file: String
    let cap: Int
    private(set) var items: [WorkspaceProblem] = []
    private(set) var total = 0

    init(file: String, cap: Int) { self.file = file; self.cap = cap }

    var isEmpty: Bool { total == 0 }

    /// Adds an error at a line and column.
    mutating func add(line: Int, column: Int?, field: String? = nil, _ message: String) {
        total += 1
        if items.count < cap { items.append(WorkspaceProblem(file: file, line: line, column: column, field: field, message: message)) }
    }

    /// Appends another list's problems (keeping the cap).
    mutating func merge(_ other: ProblemList) {
        items = Array((items + other.items).sorted { ($0.line, $0.column ?? 0) < ($1.line, $1.column ?? 0) }.prefix(cap))
        total += other.total
    }

    /// The error to throw.
    var error: ImportError { .invalid(items, total: total) }
}
