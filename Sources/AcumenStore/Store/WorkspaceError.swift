import AcumenCore
import AcumenAnalytics
/// Everything that can go wrong opening, editing or saving a workspace.
public enum WorkspaceError: Error, Sendable, CustomStringConvertible {
    /// The files have problems; every one is listed.
    case invalid([WorkspaceProblem])
    /// A system call failed.
    case io(IOFailure)
    /// The folder holds no workspace.
    case notAWorkspace(String)
    /// Another Acumen holds the lock; this one is read-only.
    case readOnly(String)
    /// An edit was refused.
    case edit(Workspace.EditError)
    /// Files changed on disk since they were loaded; saving would overwrite someone's work.
    case changedOnDisk([String])

    public var description: String {
        switch self {
        case .invalid(let problems):
            let errors = problems.filter { $0.severity == .error }.count
            return "the workspace has \(errors) problem\(errors == 1 ? "" : "s"):\n" + problems.map { "  " + $0.description }.joined(separator: "\n")
        case .io(let failure): return failure.description
        case .notAWorkspace(let path):
            return "\(path) is not an Acumen workspace (no \(WorkspaceFiles.customers)); create one with `acumen demo \(path)` or `acumen import \(path) --transactions FILE`"
        case .readOnly(let why): return "read-only: \(why)"
        case .edit(let e): return e.description
        case .changedOnDisk(let files):
            return "\(files.joined(separator: ", ")) changed on disk since Acumen loaded it; choose to keep your version or take theirs"
        }
    }

    /// The problems when the workspace is invalid, else empty.
    public var problems: [WorkspaceProblem] {
        if case .invalid(let p) = self { return p }
        return []
    }
}
