import AcumenAnalytics
import AcumenCore
import AcumenStore
import Foundation

/// The benchmark's workspace sizes and their (cached) generation.
enum BenchSizes {
    struct Spec {
        var customers: Int
        var transactions: Int
    }

    static let all: [String: Spec] = [
        "s": Spec(customers: 10_000, transactions: 100_000),
        "m": Spec(customers: 100_000, transactions: 1_000_000),
        "l": Spec(customers: 1_000_000, transactions: 10_000_000),
    ]

    /// Generates the workspace for a size unless it already exists; returns its folder.
    static func prepare(_ spec: Spec, label: String, in work: String) throws -> String {
        let folder = work + "/" + label
        if FileManager.default.fileExists(atPath: folder + "/" + WorkspaceFiles.customers) { return folder }
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        FileHandle.standardError.write(Data("generating \(label): \(spec.customers) customers / \(spec.transactions) transactions…\n".utf8))
        let generator = DemoGenerator(customers: spec.customers,
                                      transactionsPerCustomer: Double(spec.transactions) / Double(spec.customers), seed: 42)
        try WorkspaceStore.create(folder, workspace: generator.generate()).close()
        // First open builds the transaction cache, as a user's first open would.
        try WorkspaceStore.open(folder).close()
        return folder
    }
}
