import Foundation
import ArgumentParser

/// The `acumen` command: opens the workbench, or runs one of the subcommands.
@main
struct Acumen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acumen",
        abstract: "Know which customers matter and what to do about each.",
        discussion: "With no subcommand, opens the workspace in the current folder, or the bundled demo workspace.",
        version: version,
        subcommands: [
            OpenCommand.self, DemoCommand.self, CheckCommand.self, ReportCommand.self, FitCommand.self,
            ImportCommand.self, ExportCommand.self, StressCommand.self, KeysCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )

    /// The program's version (`acumen --version`).
    static let version = "0.1.0"

    /// Ignores SIGXFSZ before anything runs, so a write over a file-size limit (`ulimit -f`)
    /// fails with `EFBIG` and a message naming the file, instead of killing the process with a
    /// stray temporary file and a raw terminal; then runs the command. Usage errors and help
    /// (which may quote a scenario name from a file) go through the checked, sanitised output.
    static func main() {
        _ = signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { printLine(message) } else { printError(message) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
