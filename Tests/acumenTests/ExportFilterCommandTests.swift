import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore

/// `acumen export --filter` speaks the workbench's filter language: shorthand works, and an
/// unknown key or value is an error with its column and a non-zero exit, never 0 rows.
@Suite struct ExportFilterCommandTests {
    func workspace(_ name: String = #function) throws -> String {
        let folder = FileManager.default.temporaryDirectory.path + "/acumen-filter-\(getpid())-\(name.filter(\.isLetter))"
        try? FileManager.default.removeItem(atPath: folder)
        try WorkspaceStore.create(folder, workspace: DemoGenerator(customers: 200, transactionsPerCustomer: 4, seed: 3).generate()).close()
        return folder
    }

    @Test func anUnknownTierIsAPositionedErrorAndTheShorthandExports() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bad = try ChildProcess.run(acumenBinary(), ["export", folder, "--format", "csv", "-o", "-", "--filter", "tier=Keyy"])
        #expect(bad.status != 0)
        #expect(bad.error.contains("column 6: unknown tier 'Keyy'"), "\(bad.error)")
        #expect(bad.error.contains("tier=Keyy\n       ^"), "\(bad.error)")
        let good = try ChildProcess.run(acumenBinary(), ["export", folder, "--format", "csv", "-o", "-", "--filter", "tier:key abc:a"])
        #expect(good.status == 0, "\(good.error)")
        let lines = good.output.split(whereSeparator: \.isNewline)
        #expect(lines.count > 1)
        #expect(lines.dropFirst().allSatisfy { $0.contains(",Key,") && $0.contains(",A,") })
    }
}
