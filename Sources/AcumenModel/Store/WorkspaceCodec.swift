/// Turns workspace files into a ``Workspace`` and back, collecting every problem.
///
/// Pure: works on bytes, never touches the disk (``WorkspaceStore`` does that), so every
/// broken-file case is testable in memory.
public enum WorkspaceCodec {
    /// At most this many problems are listed per file; the rest are counted.
    public static let maxProblemsPerFile = 200

    /// Decodes `settings.json`.
    public static func decodeSettings(_ bytes: [UInt8], problems: inout [WorkspaceProblem]) -> Settings {
        let file = WorkspaceFiles.settings
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            problems.append(WorkspaceProblem(file: file, line: 1, column: 1, message: "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM"))
            return Settings()
        }
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch {
            problems.append(WorkspaceProblem(file: file, line: error.line, column: error.column, message: error.message))
            return Settings()
        }
        guard let o = value.objectValue else {
            problems.append(WorkspaceProblem(file: file, line: 1, column: 1, message: "expected an object, found \(value.typeName)"))
            return Settings()
        }
        var r = FieldReader(o, file: file, line: 1)
        var schema: [WorkspaceProblem] = []
        JSONLines.checkSchema(&r, file: file, problems: &schema)
        let s = Settings.decode(&r)
        problems += locatePretty(r.problems + schema, in: bytes)
        return s
    }

    /// Points problems in a pretty-printed file at the line of their top-level key.
    static func locatePretty(_ problems: [WorkspaceProblem], in bytes: [UInt8]) -> [WorkspaceProblem] {
        problems.map { p in
            var p = p
            guard let field = p.field else { return p }
            // Search the deepest named key of the path, e.g. "weight" in "criteria[2].weight",
            // after the line of its first segment.
            let segments = field.split(whereSeparator: { $0 == "." || $0 == "[" }).map(String.init).filter { !$0.hasSuffix("]") }
            var from = 0
            for seg in segments {
                let needle = Array(("\"" + seg + "\"").utf8)
                var k = from
                var found = -1
                while k + needle.count <= bytes.count {
                    if bytes[k] == needle[0], Array(bytes[k..<(k + needle.count)]) == needle { found = k; break }
                    k += 1
                }
                if found < 0 { break }
                from = found
            }
            var line = 1, lineStart = 0
            for k in 0..<min(from, bytes.count) where bytes[k] == 0x0A { line += 1; lineStart = k + 1 }
            p.line = line
            p.column = from - lineStart + 1
            return p
        }
    }

    /// Decodes `customers.jsonl`; duplicate ids are errors naming both lines.
    public static func decodeCustomers(_ bytes: [UInt8], headerExtra: inout [String: JSONValue], problems: inout [WorkspaceProblem]) -> [Customer] {
        let file = WorkspaceFiles.customers
        var customers: [Customer] = []
        var firstLine: [String: Int] = [:]
        var sawHeader = false
        var local: [WorkspaceProblem] = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            problems.append(WorkspaceProblem(file: file, line: 1, column: 1, message: "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM"))
            return []
        }
        JSONLines.forEachLine(bytes) { line in
            let value: JSONValue
            switch JSONParser.result(bytes, start: line.start, end: line.end, firstLine: line.number) {
            case .success(let v): value = v
            case .failure(let error):
                local.append(WorkspaceProblem(file: file, line: error.line, column: error.column, message: error.message))
                if !sawHeader { sawHeader = true }
                return
            }
            if !sawHeader {
                sawHeader = true
                if let extra = JSONLines.header(value, kind: "acumen.customers", file: file, line: line.number, problems: &local) {
                    headerExtra = extra
                }
                return
            }
            guard let o = value.objectValue else {
                local.append(WorkspaceProblem(file: file, line: line.number, column: 1, message: "expected a customer object, found \(value.typeName)"))
                return
            }
            var r = FieldReader(o, file: file, line: line.number)
            let c = Customer.decode(&r)
            local += JSONLines.locate(r.problems, in: bytes, line: line)
            guard let c, r.problems.isEmpty else { return }
            if let first = firstLine[c.id] {
                local.append(WorkspaceProblem(file: file, line: line.number, column: JSONLines.column(of: "id", in: bytes, line: line),
                                              field: "id", message: "duplicate customer id \"\(c.id)\" (first on line \(first))"))
                return
            }
            firstLine[c.id] = line.number
            customers.append(c)
        }
        if !sawHeader { local.append(WorkspaceProblem(file: file, line: 0, message: "the file is empty; it needs at least the header line")) }
        problems += capped(local, file: file)
        return customers
    }

    /// Decodes `transactions.jsonl` against the customers' ids.
    public static func decodeTransactions(_ bytes: [UInt8], customers: [Customer], headerExtra: inout [String: JSONValue],
                                          problems: inout [WorkspaceProblem]) -> TransactionTable {
        var table = TransactionTable()
        var local: [WorkspaceProblem] = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            problems.append(WorkspaceProblem(file: WorkspaceFiles.transactions, line: 1, column: 1,
                                             message: "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM"))
            return table
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(customers.count)
        for (k, c) in customers.enumerated() { index[c.id] = k }
        TransactionsFile.parse(bytes, index: index, into: &table, headerExtra: &headerExtra, problems: &local)
        problems += capped(local, file: WorkspaceFiles.transactions)
        return table
    }

    static func capped(_ problems: [WorkspaceProblem], file: String) -> [WorkspaceProblem] {
        guard problems.count > maxProblemsPerFile else { return problems }
        return Array(problems.prefix(maxProblemsPerFile)) + [WorkspaceProblem(file: file, line: 0,
            message: "… and \(problems.count - maxProblemsPerFile) more problems in this file")]
    }

    /// The bytes of `settings.json`.
    public static func encodeSettings(_ s: Settings) -> [UInt8] {
        guard case .object(var o) = s.json else { return [] }
        o["schemaVersion"] = .int(WorkspaceFiles.schemaVersion)
        var out: [UInt8] = []
        JSONWriter.writePretty(.object(o), into: &out)
        return out
    }

    /// The bytes of `customers.jsonl`: header, then one customer per line in workspace order.
    public static func encodeCustomers(_ customers: [Customer], headerExtra: [String: JSONValue]) -> [UInt8] {
        var header = headerExtra
        header["kind"] = .string("acumen.customers")
        header["schemaVersion"] = .int(WorkspaceFiles.schemaVersion)
        var out: [UInt8] = []
        out.reserveCapacity(customers.count * 200)
        JSONWriter.writeCompact(.object(header), into: &out)
        out.append(0x0A)
        for c in customers {
            if c.isPlainIDAndName {
                // Same bytes as the general path, without building a dictionary (a million imported customers).
                out += #"{"id":"#.utf8
                JSONWriter.writeString(c.id, into: &out)
                out += #","name":"#.utf8
                JSONWriter.writeString(c.name, into: &out)
                out += "}\n".utf8
                continue
            }
            JSONWriter.writeCompact(c.json, into: &out)
            out.append(0x0A)
        }
        return out
    }

    /// The bytes of `transactions.jsonl`.
    public static func encodeTransactions(_ w: Workspace) -> [UInt8] {
        TransactionsFile.write(w.transactions, customers: w.customers, headerExtra: w.transactionsHeaderExtra)
    }
}
