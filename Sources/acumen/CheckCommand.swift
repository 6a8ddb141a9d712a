import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI
import ArgumentParser

/// `acumen check DIR`: validates a workspace and lists every problem.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate a workspace; exit 1 if it has problems.")

    @Argument(help: "Workspace folder.")
    var directory: String

    func run() throws {
        do {
            let store = try WorkspaceStore.open(directory, options: .readOnlyRefreshingCache)
            for w in store.warnings { printError(w.description) }
            let ws = store.workspace
            if let reason = AnalysisDate.resolve(ws, today: today()).reason { printError("acumen: " + reason) }
            printLine("\(directory): OK — \(Format.count(ws.customers.count, "customer")), \(Format.count(ws.transactions.count, "transaction")), \(Format.count(ws.settings.scenarios.count, "scenario")).")
        } catch {
            for p in error.problems { printError(p.description) }
            if error.problems.isEmpty { printError("acumen: " + error.description) } else {
                let n = error.problems.filter { $0.severity == .error }.count
                printError("\(directory): \(n) problem\(n == 1 ? "" : "s") found.")
            }
            throw ExitCode(1)
        }
    }
}
