import AcumenCore
import AcumenAnalytics
/// Splitting JSON Lines files and locating fields in a line, for file:line:column errors.
enum JSONLines {
    /// One line of a file: byte range (without the line end) and 1-based number.
    struct Line {
        var start: Int
        var end: Int
        var number: Int
    }

    /// Calls `body` for every non-blank line; a `\r\n` ending is trimmed.
    static func forEachLine(_ bytes: [UInt8], _ body: (Line) throws -> Void) rethrows {
        var start = 0, number = 1
        let n = bytes.count
        try bytes.withUnsafeBufferPointer { buf in
            while start < n {
                var end = start
                while end < n && buf[end] != 0x0A { end += 1 }
                var e = end
                if e > start && buf[e - 1] == 0x0D { e -= 1 }
                var blank = true
                for k in start..<e where buf[k] != 0x20 && buf[k] != 0x09 { blank = false; break }
                if !blank { try body(Line(start: start, end: e, number: number)) }
                start = end + 1
                number += 1
            }
        }
    }

    /// The first non-blank line satisfying `predicate`, without scanning the rest of the file.
    static func firstLine(_ bytes: [UInt8], where predicate: (Line) -> Bool) -> Line? {
        struct Found: Error { let line: Line }
        do {
            try forEachLine(bytes) { line in if predicate(line) { throw Found(line: line) } }
        } catch let found as Found {
            return found.line
        } catch {}
        return nil
    }

    /// 1-based column of `"key"` within a line, for pointing at a field; nil if not found.
    static func column(of key: String, in bytes: [UInt8], line: Line) -> Int? {
        let needle = Array(("\"" + key + "\"").utf8)
        guard line.end - line.start >= needle.count else { return nil }
        var k = line.start
        while k + needle.count <= line.end {
            if bytes[k] == needle[0] && Array(bytes[k..<(k + needle.count)]) == needle { return k - line.start + 1 }
            k += 1
        }
        return nil
    }

    /// Adds columns to problems that name a top-level field of this line.
    static func locate(_ problems: [WorkspaceProblem], in bytes: [UInt8], line: Line) -> [WorkspaceProblem] {
        problems.map { p in
            var p = p
            if p.column == nil, let field = p.field {
                let top = String(field.prefix { $0 != "." && $0 != "[" })
                p.column = column(of: top, in: bytes, line: line)
            }
            return p
        }
    }

    /// Checks a header line `{"kind": kind, "schemaVersion": n}`; returns its unknown fields.
    static func header(_ value: JSONValue, kind: String, file: String, line: Int, problems: inout [WorkspaceProblem]) -> [String: JSONValue]? {
        guard let o = value.objectValue, o["kind"]?.stringValue == kind else {
            problems.append(WorkspaceProblem(file: file, line: line, column: 1, field: "kind",
                message: "the first line must be the header {\"kind\":\"\(kind)\",\"schemaVersion\":\(WorkspaceFiles.schemaVersion)}"))
            return nil
        }
        var r = FieldReader(o, file: file, line: line)
        r.markKnown("kind")
        checkSchema(&r, file: file, problems: &problems)
        problems += r.problems
        return r.unknownFields
    }

    /// Reads `schemaVersion`, reporting a missing, invalid or newer version.
    static func checkSchema(_ r: inout FieldReader, file: String, problems: inout [WorkspaceProblem]) {
        guard let v = r.int("schemaVersion", required: true) else { return }
        if v > WorkspaceFiles.schemaVersion {
            r.problem("schemaVersion", "\(file) has schema version \(v), newer than this Acumen supports (\(WorkspaceFiles.schemaVersion)); update Acumen to open it")
        } else if v < 1 {
            r.problem("schemaVersion", "schema version must be 1 or more")
        }
    }
}
