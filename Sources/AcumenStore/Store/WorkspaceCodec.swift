import AcumenCore
import AcumenAnalytics
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
        decodeCustomersIndexed(bytes, headerExtra: &headerExtra, problems: &problems).customers
    }

    /// Decodes `customers.jsonl` and returns the id → position index built on the way.
    ///
    /// Lines are parsed on all cores in chunks; plain lines take ``FastCustomerRow``, the rest
    /// the strict parser. Results keep file order.
    static func decodeCustomersIndexed(_ bytes: [UInt8], headerExtra: inout [String: JSONValue],
                                       problems: inout [WorkspaceProblem]) -> (customers: [Customer], index: CustomerIndex) {
        let file = WorkspaceFiles.customers
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            problems.append(WorkspaceProblem(file: file, line: 1, column: 1, message: "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM"))
            return ([], CustomerIndex())
        }
        var local: [WorkspaceProblem] = []
        // The header is the first non-blank line.
        guard let header = JSONLines.firstLine(bytes, where: { _ in true }) else {
            problems.append(WorkspaceProblem(file: file, line: 0, message: "the file is empty; it needs at least the header line"))
            return ([], CustomerIndex())
        }
        switch JSONParser.result(bytes, start: header.start, end: header.end, firstLine: header.number) {
        case .success(let value):
            if let extra = JSONLines.header(value, kind: "acumen.customers", file: file, line: header.number, problems: &local) {
                headerExtra = extra
            }
        case .failure(let error):
            local.append(WorkspaceProblem(file: file, line: error.line, column: error.column, message: error.message))
        }
        var bodyStart = header.end
        while bodyStart < bytes.count, bytes[bodyStart] != 0x0A { bodyStart += 1 }
        bodyStart = min(bytes.count, bodyStart + 1)
        // One slot per line that can hold a customer, filled in place by the chunks in parallel (no
        // copies of the customers afterwards); slots of refused lines keep an empty id and are
        // dropped. Blank and too-short lines get no slot: memory follows the records, not the lines.
        var customers: [Customer] = []
        var lines: [Int32] = []
        var more = 0
        bytes.withUnsafeBufferPointer { buf in
            let chunks = ParallelLines.chunks(buf, start: bodyStart, end: buf.count, firstLine: header.number + 1, count: 4)
            let counts = Parallel.map(chunks.count) { ParallelLines.recordCount(buf, chunks[$0], minimumLength: minimumCustomerLine) }
            let total = counts.reduce(0, +)
            customers = [Customer](repeating: Customer(id: "", name: ""), count: total)
            lines = [Int32](repeating: 0, count: total)
            var firstSlot: [Int] = []
            var next = 0
            for c in counts { firstSlot.append(next); next += c }
            let chunkProblems: [(problems: [WorkspaceProblem], more: Int)] = customers.withUnsafeMutableBufferPointer { slots in
                lines.withUnsafeMutableBufferPointer { lineSlots in
                    Parallel.map(chunks.count) { k -> ([WorkspaceProblem], Int) in
                        var problems: [WorkspaceProblem] = []
                        var more = 0
                        ParallelLines.forEachLine(buf, chunks[k], minimumLength: minimumCustomerLine) { line, ordinal in
                            let before = problems.count
                            if let ordinal {
                                let slot = firstSlot[k] + ordinal
                                lineSlots[slot] = Int32(truncatingIfNeeded: line.number)
                                if let fast = FastCustomerRow(buf, line.start, line.end) {
                                    slots[slot] = fast.customer
                                } else if let c = strictCustomer(bytes, line, problems: &problems) {
                                    slots[slot] = c
                                }
                            } else if problems.count >= maxProblemsPerFile {
                                more += 1  // too short to be a customer, and the list is full: only count it
                            } else if strictCustomer(bytes, line, problems: &problems) != nil {
                                problems.append(WorkspaceProblem(file: file, line: line.number, column: 1,
                                    message: "a customer line needs at least \(minimumCustomerLine) bytes"))
                            }
                            if problems.count > maxProblemsPerFile {  // bounded memory for a file of junk lines
                                more += problems.count - max(before, maxProblemsPerFile)
                                problems.removeLast(problems.count - max(before, maxProblemsPerFile))
                            }
                        }
                        return (problems, more)
                    }
                }
            }
            for p in chunkProblems { local += p.problems; more += p.more }
        }
        if customers.contains(where: { $0.id.isEmpty }) {
            let keep = customers.indices.filter { !customers[$0].id.isEmpty }
            customers = keep.map { customers[$0] }
            lines = keep.map { lines[$0] }
        }
        var costs = MoneyBounds.Total()
        for (k, c) in customers.enumerated() where costs.add(c.costToServe.minor) {
            let n = Int(lines[k])
            local.append(WorkspaceProblem(file: file, line: n, column: lineRange(bytes, number: n).flatMap { JSONLines.column(of: "costToServe", in: bytes, line: $0) },
                                          field: "costToServe", message: MoneyBounds.beyond("costs to serve")))
        }
        var (index, duplicates) = CustomerIndex.build(customers.map(\.id))
        for k in duplicates {
            let n = Int(lines[k])
            let first = index[customers[k].id].map { Int(lines[$0]) } ?? 0
            local.append(WorkspaceProblem(file: file, line: n, column: lineRange(bytes, number: n).flatMap { JSONLines.column(of: "id", in: bytes, line: $0) },
                                          field: "id", message: "duplicate customer id \"\(customers[k].id)\" (first on line \(first))"))
        }
        if !duplicates.isEmpty {
            // Invalid workspace: the caller reports the problems; keep the first of each id.
            let drop = Set(duplicates)
            customers = customers.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
            index = CustomerIndex.build(customers.map(\.id)).index
        }
        local.sort { ($0.line, $0.column ?? 0) < ($1.line, $1.column ?? 0) }
        problems += capped(local, file: file, more: more)
        return (customers, index)
    }

    /// The strict path for one customer line: full parse, every problem reported.
    static func strictCustomer(_ bytes: [UInt8], _ line: JSONLines.Line, problems: inout [WorkspaceProblem]) -> Customer? {
        let file = WorkspaceFiles.customers
        let value: JSONValue
        switch JSONParser.result(bytes, start: line.start, end: line.end, firstLine: line.number) {
        case .success(let v): value = v
        case .failure(let error):
            problems.append(WorkspaceProblem(file: file, line: error.line, column: error.column, message: error.message))
            return nil
        }
        guard let o = value.objectValue else {
            problems.append(WorkspaceProblem(file: file, line: line.number, column: 1, message: "expected a customer object, found \(value.typeName)"))
            return nil
        }
        var r = FieldReader(o, file: file, line: line.number)
        let c = Customer.decode(&r)
        problems += JSONLines.locate(r.problems, in: bytes, line: line)
        return r.problems.isEmpty ? c : nil
    }

    /// The byte range of line `number` (1-based); only used for error positions.
    static func lineRange(_ bytes: [UInt8], number: Int) -> JSONLines.Line? {
        JSONLines.firstLine(bytes) { $0.number == number }
    }

    /// Decodes `transactions.jsonl` against the customers' ids.
    public static func decodeTransactions(_ bytes: [UInt8], customers: CustomerList, headerExtra: inout [String: JSONValue],
                                          problems: inout [WorkspaceProblem]) -> TransactionTable {
        let index = CustomerIndex.build(customers.map(\.id)).index
        return decodeTransactions(bytes, index: index, headerExtra: &headerExtra, problems: &problems)
    }

    /// Decodes `transactions.jsonl` against a prebuilt id → index map.
    static func decodeTransactions(_ bytes: [UInt8], index: CustomerIndex, headerExtra: inout [String: JSONValue],
                                   problems: inout [WorkspaceProblem]) -> TransactionTable {
        var table = TransactionTable()
        var local: [WorkspaceProblem] = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            problems.append(WorkspaceProblem(file: WorkspaceFiles.transactions, line: 1, column: 1,
                                             message: "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM"))
            return table
        }
        if let parsed = TransactionsFile.parseInParallel(bytes, index: index) {
            headerExtra = parsed.headerExtra
            return parsed.table
        }
        var more = 0
        TransactionsFile.parse(bytes, index: index, into: &table, headerExtra: &headerExtra, problems: &local, more: &more)
        problems += capped(local, file: WorkspaceFiles.transactions, more: more)
        return table
    }

    /// The first ``maxProblemsPerFile`` problems and a count of the rest (`more` were
    /// already dropped while reading, to bound memory).
    static func capped(_ problems: [WorkspaceProblem], file: String, more: Int = 0) -> [WorkspaceProblem] {
        guard problems.count > maxProblemsPerFile || more > 0 else { return problems }
        return Array(problems.prefix(maxProblemsPerFile)) + [WorkspaceProblem(file: file, line: 0,
            message: "… and \(more > 0 ? "at least " : "")\(problems.count - min(problems.count, maxProblemsPerFile) + more) more problems in this file")]
    }

    /// The shortest line that can hold a customer: `{"id":"a","name":""}`.
    static let minimumCustomerLine = 20

    /// The bytes of `settings.json`.
    public static func encodeSettings(_ s: Settings) -> [UInt8] {
        guard case .object(var o) = s.json else { return [] }
        o["schemaVersion"] = .int(WorkspaceFiles.schemaVersion)
        var out: [UInt8] = []
        JSONWriter.writePretty(.object(o), into: &out)
        return out
    }

    /// The bytes of `customers.jsonl`: header, then one customer per line in workspace order.
    /// The chunks of the list are encoded on all cores and joined in order.
    public static func encodeCustomers(_ customers: CustomerList, headerExtra: [String: JSONValue]) -> [UInt8] {
        let parts = Parallel.map(customers.chunkCount) { encodeCustomerLines(customers.chunk($0)) }
        var out = customersHeaderLine(headerExtra)
        out.reserveCapacity(out.count + parts.reduce(0) { $0 + $1.count })
        for p in parts { out += p }
        return out
    }

    /// The lines of `customers`, one per customer, each with its line end.
    static func encodeCustomerLines(_ customers: [Customer]) -> [UInt8] {
        CustomerLineWriter.lines(customers)
    }

    /// The first line of `customers.jsonl` (with its line end) for the given extra header members.
    static func customersHeaderLine(_ headerExtra: [String: JSONValue]) -> [UInt8] {
        var header = headerExtra
        header["kind"] = .string("acumen.customers")
        header["schemaVersion"] = .int(WorkspaceFiles.schemaVersion)
        var out: [UInt8] = []
        JSONWriter.writeCompact(.object(header), into: &out)
        out.append(0x0A)
        return out
    }

    /// The bytes of `transactions.jsonl`.
    public static func encodeTransactions(_ w: Workspace) -> [UInt8] {
        TransactionsFile.write(w.transactions, customers: w.customers, headerExtra: w.transactionsHeaderExtra)
    }
}
