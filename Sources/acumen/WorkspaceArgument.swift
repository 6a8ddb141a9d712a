import Foundation

/// Tells a mistyped subcommand from a workspace folder in `acumen WORD`.
///
/// `acumen DIR` opens a folder (the default subcommand is `open`), so any unknown word would
/// otherwise be taken for a folder to open. A word that names no existing folder and has no `/`
/// is reported as an unknown command instead, listing the real ones; a path with a `/` that
/// does not exist is reported as a missing folder.
enum WorkspaceArgument {
    /// A word that is neither a subcommand nor a folder: reported alone, without `open`'s usage
    /// line (which would suggest the word was a folder argument); exit status 1.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// The subcommand names, for the message.
    static let commands = ["open", "demo", "check", "report", "fit", "import", "export", "stress", "keys"]

    /// The problem with `argument` as a workspace folder, or nil when it names an existing folder.
    /// - Parameter isFolder: whether a path is an existing folder (the file-system seam for tests).
    static func problem(_ argument: String, isFolder: (String) -> Bool = WorkspaceArgument.isFolder) -> String? {
        if isFolder(argument) { return nil }
        if !argument.contains("/") {
            return "unknown command \"\(argument)\" (and no folder of that name here); commands: "
                + commands.joined(separator: ", ") + "; see acumen --help"
        }
        return "no workspace folder at \"\(argument)\""
    }

    /// Whether `path` is an existing folder (following symlinks).
    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
