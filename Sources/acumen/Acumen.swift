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
}
