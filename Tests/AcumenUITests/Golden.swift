import Foundation
import Testing

/// Compares text with a committed golden file in `Tests/Golden/` (outside the target, so SwiftPM does not treat them as resources).
/// Set `ACUMEN_RECORD_GOLDEN=1` to (re)write the files instead.
enum Golden {
    static var folder: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden") }

    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name + ".txt")
        let record = ProcessInfo.processInfo.environment["ACUMEN_RECORD_GOLDEN"] == "1"
        if record {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: url.path, contents: Data((text + "\n").utf8))
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden \(name).txt; run with ACUMEN_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != text + "\n" {
            Issue.record("\(name) differs from its golden file.\n--- expected\n\(expected)--- actual\n\(text)\n", sourceLocation: sourceLocation)
        }
    }
}
