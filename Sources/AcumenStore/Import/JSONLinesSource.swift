import AcumenCore
import AcumenAnalytics
/// Reads a JSON Lines file (one object per line) as records whose columns are the keys of the
/// first object, so the rest of the importer treats it like a CSV file with a header.
///
/// Strings are taken unescaped, numbers as written (exact), booleans as `true`/`false`, null as
/// empty, and arrays of strings joined with `|` (for tags). An Acumen header line
/// (`{"kind":"acumen.…","schemaVersion":1}`) is skipped.
struct JSONLinesSource {
    let text: SourceText
    /// Keys of the first object, sorted.
    private(set) var columns: [String] = []

    init(text: SourceText) {
        self.text = text
        var first: [String]?
        JSONLines.forEachLine(text.bytes) { line in
            guard first == nil,
                  case .success(let v) = JSONParser.result(text.bytes, start: max(line.start, text.start), end: line.end, firstLine: line.number),
                  let o = v.objectValue, !Self.isAcumenHeader(o) else { return }
            first = o.keys.sorted()
        }
        columns = first ?? []
    }

    static func isAcumenHeader(_ o: [String: JSONValue]) -> Bool {
        (o["kind"]?.stringValue?.hasPrefix("acumen.") ?? false) && o["schemaVersion"] != nil && o.count <= 3
    }

    /// Calls `body` for each object line until it returns false.
    func forEachRecord(problems: inout ProblemList, progress: ((Int, Int) -> Void)? = nil, _ body: (RecordView) -> Bool) {
        var scratch: [UInt8] = []
        var fields: [FieldSpan] = []
        var stop = false
        var nextProgress = 1 << 22
        let bytes = text.bytes
        bytes.withUnsafeBufferPointer { buf in
            JSONLines.forEachLine(bytes) { line in
                if stop { return }
                if let progress, line.start >= nextProgress { progress(line.start, bytes.count); nextProgress = line.start + (1 << 22) }
                let start = line.number == 1 ? max(line.start, text.start) : line.start
                let value: JSONValue
                switch JSONParser.result(bytes, start: start, end: line.end, firstLine: line.number) {
                case .success(let v): value = v
                case .failure(let e):
                    problems.add(line: e.line, column: e.column + (start - line.start), e.message)
                    return
                }
                guard let o = value.objectValue else {
                    problems.add(line: line.number, column: 1, "expected an object, found \(value.typeName)")
                    return
                }
                if Self.isAcumenHeader(o) { return }
                scratch.removeAll(keepingCapacity: true)
                fields.removeAll(keepingCapacity: true)
                for key in columns {
                    let s = scratch.count
                    switch o[key] {
                    case .string(let t)?: scratch += t.utf8
                    case .number(let t)?: scratch += t.utf8
                    case .bool(let b)?: scratch += (b ? "true" : "false").utf8
                    case .array(let a)? where a.allSatisfy({ $0.stringValue != nil }):
                        scratch += a.compactMap(\.stringValue).joined(separator: "|").utf8
                    case .array?, .object?: if let v = o[key] { JSONWriter.writeCompact(v, into: &scratch) }
                    case .null?, nil: break
                    }
                    let column = JSONLines.column(of: key, in: bytes, line: line) ?? 1
                    fields.append(FieldSpan(start: s, end: scratch.count, inScratch: true, sourceOffset: line.start + column - 1))
                }
                let go = scratch.withUnsafeBufferPointer { sc in
                    body(RecordView(file: buf, scratch: sc, fields: fields, line: line.number, start: line.start))
                }
                if !go { stop = true }
            }
        }
        progress?(bytes.count, bytes.count)
    }
}

/// The records of an input file, whatever its format.
enum RecordSource {
    case delimited(DelimitedScanner)
    case jsonLines(JSONLinesSource)

    init(text: SourceText, delimiter: ImportDelimiter) {
        if delimiter == .jsonLines { self = .jsonLines(JSONLinesSource(text: text)) } else {
            self = .delimited(DelimitedScanner(text: text, delimiter: delimiter))
        }
    }

    /// Calls `body` for each record until it returns false.
    func forEachRecord(problems: inout ProblemList, progress: ((Int, Int) -> Void)? = nil, _ body: (RecordView) -> Bool) {
        switch self {
        case .delimited(let s): s.forEachRecord(problems: &problems, progress: progress, body)
        case .jsonLines(let s): s.forEachRecord(problems: &problems, progress: progress, body)
        }
    }
}
