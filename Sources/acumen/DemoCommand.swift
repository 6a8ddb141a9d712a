import Foundation
import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI
import ArgumentParser

/// `acumen demo DIR`: writes a deterministic demo workspace.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Create a deterministic demo workspace.")

    @Argument(help: "Folder to create (must not hold a workspace yet unless --force).")
    var directory: String

    @Option(parsing: .unconditional, help: "Number of customers.")
    var customers = 500

    @Option(help: "Approximate total number of transactions (default: 10 per customer).")
    var transactions: Int?

    @Option(help: "Random seed; the same seed gives byte-identical files.")
    var seed: UInt64 = 1

    @Flag(help: "Replace an existing workspace in the folder.")
    var force = false

    func run() throws {
        guard customers >= 0, customers <= 50_000_000 else { throw ValidationError("--customers must be between 0 and 50,000,000") }
        if !force, FileManager.default.fileExists(atPath: directory + "/" + WorkspaceFiles.customers) {
            throw ValidationError("\(directory) already holds a workspace; use --force to replace it")
        }
        let perCustomer = customers > 0 ? Double(transactions ?? customers * 10) / Double(customers) : 0
        let w = DemoGenerator(customers: customers, transactionsPerCustomer: perCustomer, seed: seed).generate()
        do {
            let store = try WorkspaceStore.create(directory, workspace: w)
            store.close()
        } catch { throw fail(error) }
        printLine("Created \(directory): \(Format.count(w.customers.count, "customer")), \(Format.count(w.transactions.count, "transaction")) (seed \(seed)).")
    }
}
