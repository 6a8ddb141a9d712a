import Foundation
import AcumenModel
import ArgumentParser

/// `acumen [DIR]`: opens a workspace (the current folder's, else the bundled demo).
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open a workspace in the terminal workbench.")

    @Argument(help: "Workspace folder (default: the current folder if it holds a workspace, else the demo).")
    var directory: String?

    func run() throws {
        let folder = try resolveWorkspace(directory)
        do {
            let store = try WorkspaceStore.open(folder)
            for w in store.warnings { printError(w.description) }
            let ws = store.workspace
            print("\(folder): \(ws.customers.count) customers, \(ws.transactions.count) transactions.")
        } catch { throw fail(error) }
    }
}

/// The workspace to open: the argument, the current folder if it holds one, or the demo
/// workspace under `$XDG_DATA_HOME/acumen/demo` (created on first use so edits persist).
func resolveWorkspace(_ argument: String?) throws -> String {
    if let argument { return argument }
    let fm = FileManager.default
    if fm.fileExists(atPath: WorkspaceFiles.customers) { return "." }
    let env = ProcessInfo.processInfo.environment
    let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? ".") + "/.local/share")
    let folder = base + "/acumen/demo"
    if !fm.fileExists(atPath: folder + "/" + WorkspaceFiles.customers) {
        try fm.createDirectory(atPath: base + "/acumen", withIntermediateDirectories: true)
        do throws(WorkspaceError) {
            let store = try WorkspaceStore.create(folder, workspace: DemoGenerator().generate())
            store.close()
        } catch { throw fail(error) }
        printError("Created the demo workspace in \(folder).")
    }
    return folder
}
