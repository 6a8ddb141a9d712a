import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The broken-workspace corpus in `Fixtures/broken/`: one folder per case, each with an
/// `expected.txt` whose lines are fragments that one reported problem must all contain
/// (first the `file:line:` location, then the message). Loading must report it, never crash,
/// and leave every file byte-identical.
@Suite struct ReliabilityCorpusTests {
    static var corpus: URL? { Bundle.module.resourceURL?.appendingPathComponent("broken") }

    static var cases: [String] {
        guard let corpus else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
    }

    /// A writable copy of a case (a directory where a file should be is made here: git keeps no empty folders).
    static func copy(_ name: String) throws -> String {
        let source = try #require(corpus).appendingPathComponent(name)
        let folder = temporaryFolder("corpus-" + name)
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path) where file != "expected.txt" {
            try FileManager.default.copyItem(atPath: source.path + "/" + file, toPath: folder + "/" + file)
        }
        if name == "transactions-is-directory" {
            try FileManager.default.createDirectory(atPath: folder + "/" + WorkspaceFiles.transactions, withIntermediateDirectories: false)
        }
        return folder
    }

    static func snapshot(_ folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for n in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where n != WorkspaceFiles.lock {
            out[n] = FileManager.default.contents(atPath: folder + "/" + n) ?? Data("<dir>".utf8)
        }
        return out
    }

    @Test func corpusHasAtLeastTwentyCases() {
        #expect(Self.cases.count >= 20)
    }

    @Test(arguments: cases)
    func brokenWorkspaceIsReportedWithFileAndLine(name: String) throws {
        let expected = try String(contentsOf: try #require(Self.corpus).appendingPathComponent(name + "/expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        #expect(!expected.isEmpty)
        let folder = try Self.copy(name)
        let before = Self.snapshot(folder)
        for readOnly in [false, true] {
            do {
                let store = try WorkspaceStore.open(folder, options: .init(readOnly: readOnly))
                store.close()
                Issue.record("\(name) opened without an error")
            } catch {
                let problems = error.problems
                #expect(problems.contains { p in expected.allSatisfy { p.description.contains($0) } },
                        "\(name): expected \(expected) in \(problems.map(\.description))")
                let files = [WorkspaceFiles.settings, WorkspaceFiles.customers, WorkspaceFiles.transactions, WorkspaceFiles.journal]
                #expect(problems.allSatisfy { files.contains($0.file) && $0.line >= 0 && !$0.message.isEmpty })
            }
            #expect(Self.snapshot(folder) == before, "\(name): loading changed a file")
        }
    }
}
