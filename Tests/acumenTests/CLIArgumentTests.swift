import Foundation
import Testing
import ArgumentParser
@testable import acumen

/// The command line's answers to mistakes: unknown commands, negative limits, `--version`.
@Suite struct CLIArgumentTests {
    /// The message ArgumentParser would print for `arguments`, or nil if they parse.
    func message(_ arguments: [String]) -> String? {
        do {
            _ = try Acumen.parseAsRoot(arguments)
            return nil
        } catch {
            return Acumen.message(for: error)
        }
    }

    @Test func anUnknownWordIsAnUnknownCommand() throws {
        let text = try #require(message(["frobnicate"]))
        #expect(text.contains("unknown command \"frobnicate\""), "\(text)")
        #expect(text.contains("report") && text.contains("--help"))
        // Alone: not followed by `open`'s usage line, as if the word had been a folder.
        do {
            _ = try Acumen.parseAsRoot(["frobnicate"])
            Issue.record("frobnicate parsed")
        } catch {
            #expect(!Acumen.fullMessage(for: error).contains("Usage"), "\(Acumen.fullMessage(for: error))")
        }
    }

    @Test func aRealFolderStillOpens() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("acumen-cli-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let parsed = try Acumen.parseAsRoot([dir.path])
        let open = try #require(parsed as? OpenCommand)
        #expect(open.directory == dir.path)
    }

    @Test func aMissingPathIsAMissingFolder() {
        #expect(WorkspaceArgument.problem("no/such/dir", isFolder: { _ in false }) == "no workspace folder at \"no/such/dir\"")
        #expect(WorkspaceArgument.problem("shop", isFolder: { $0 == "shop" }) == nil)
    }

    @Test func aNegativeLimitSaysWhatIsAllowed() throws {
        let text = try #require(message(["report", "somewhere", "--limit", "-3"]))
        #expect(text.contains("--limit must be 0 (all rows) or a positive number of rows, not -3"), "\(text)")
        #expect(!text.contains("Missing value"))
    }

    @Test func versionIsTheWorkbenchVersion() throws {
        let text = try #require(message(["--version"]))
        #expect(text == Acumen.configuration.version)
        #expect(!text.isEmpty)
    }
}
