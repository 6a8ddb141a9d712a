import Foundation
import Testing

/// The model's module boundaries, read from the sources: the analytics never reach the disk and
/// the model never imports the UI.
@Suite struct ModuleBoundaryTests {
    /// The repository's `Sources` folder, found from this file's path.
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Every line of the Swift files under a module's folder that contains one of the needles.
    static func offendingLines(in module: String, _ needles: [String]) throws -> [String] {
        let root = sources.appendingPathComponent(module)
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        #expect(!files.isEmpty, "no sources under \(root.path)")
        var hits: [String] = []
        for f in files where f.hasSuffix(".swift") {
            let text = try String(contentsOfFile: root.appendingPathComponent(f).path, encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where needles.contains(where: { line.contains($0) }) && !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                hits.append("\(module)/\(f):\(n + 1): \(line)")
            }
        }
        return hits
    }

    @Test func analyticsNeverTouchTheDisk() throws {
        let hits = try Self.offendingLines(in: "AcumenAnalytics", [
            "import Glibc", "import Darwin", "FileManager", "FileHandle", "fopen(", "contentsOfFile", "Data(contentsOf", "String(contentsOf",
            "import AcumenStore", "import AcumenUI",
        ])
        #expect(hits.isEmpty, "\(hits.joined(separator: "\n"))")
    }

    @Test func modelNeverImportsTheUI() throws {
        for module in ["AcumenCore", "AcumenAnalytics", "AcumenStore"] {
            let hits = try Self.offendingLines(in: module, ["import AcumenUI", "import AcumenTerminal", "import CNcursesw"])
            #expect(hits.isEmpty, "\(hits.joined(separator: "\n"))")
        }
        let core = try Self.offendingLines(in: "AcumenCore", ["import AcumenAnalytics", "import AcumenStore"])
        #expect(core.isEmpty, "\(core.joined(separator: "\n"))")
    }
}
