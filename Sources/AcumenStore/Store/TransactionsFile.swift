import AcumenCore
import AcumenAnalytics
/// Reading and writing `transactions.jsonl`: a header line, then one transaction per line,
/// e.g. `{"amount":12.50,"customer":"C000001","date":"2024-03-01","margin":4.10,"quantity":1}`.
///
/// A hand-written scanner reads the common flat form without building JSON trees (10M rows in
/// about a second); any line it does not fully understand goes through the strict parser,
/// so both paths accept exactly the same files.
enum TransactionsFile {
    static let kind = "acumen.transactions"
    /// Shorter lines cannot hold a transaction (`{"amount":0,"customer":"x","date":"2024-01-01"}` is 46 bytes).
    static let minimumLine = 40

    /// Parses the file into `table`, resolving customer ids through `index`.
    /// - Parameter more: counts the problems dropped beyond ``WorkspaceCodec/maxProblemsPerFile``
    ///   (a file of junk lines must not cost a problem record per line).
    static func parse(_ bytes: [UInt8], index: CustomerIndex, into table: inout TransactionTable,
                      headerExtra: inout [String: JSONValue], problems: inout [WorkspaceProblem], more: inout Int) {
        var state = Sequential()
        table.reserve(bytes.count / 80)
        JSONLines.forEachLine(bytes) { line in
            parseLine(bytes, line, index: index, state: &state, into: &table, headerExtra: &headerExtra, problems: &problems, more: &more)
        }
        finish(state, problems: &problems)
    }

    /// What the sequential parse carries from line to line (and from block to block when the
    /// file is read in blocks, ``decodeStreamed(open:path:index:reading:headerExtra:problems:)``).
    struct Sequential {
        var sawHeader = false
        var lookup = FastRowLookup()
        var amounts = MoneyBounds.Total()
        var margins = MoneyBounds.Total()
    }

    /// One non-blank line of the sequential parse: the header, a row (fast or strict path), or
    /// its problems (at most ``WorkspaceCodec/maxProblemsPerFile`` kept, the rest counted in `more`).
    @inline(__always)
    static func parseLine(_ bytes: [UInt8], _ line: JSONLines.Line, index: CustomerIndex, state: inout Sequential,
                          into table: inout TransactionTable, headerExtra: inout [String: JSONValue],
                          problems: inout [WorkspaceProblem], more: inout Int) {
        let file = WorkspaceFiles.transactions
        defer { checkTotals(table, &state.amounts, &state.margins, bytes, line, &problems) }
        if !state.sawHeader {
            state.sawHeader = true
            switch JSONParser.result(bytes, start: line.start, end: line.end, firstLine: line.number) {
            case .success(let v):
                if let extra = JSONLines.header(v, kind: kind, file: file, line: line.number, problems: &problems) {
                    headerExtra = extra
                }
            case .failure(let error):
                problems.append(WorkspaceProblem(file: file, line: error.line, column: error.column, message: error.message))
            }
            return
        }
        let fast = bytes.withUnsafeBufferPointer { b in FastRow(b, line.start, line.end).map { state.lookup.append($0, to: &table, index: index) } }
        if fast == true { return }
        let before = problems.count
        let cap = WorkspaceCodec.maxProblemsPerFile
        if before >= cap, line.end - line.start < minimumLine { more += 1; return }  // cannot be a transaction: only count it
        slowRow(bytes, line, index: index, into: &table, problems: &problems)
        if problems.count > cap {
            more += problems.count - max(before, cap)
            problems.removeLast(problems.count - max(before, cap))
        }
    }

    /// The end of the sequential parse: a file without a header line is a problem.
    static func finish(_ state: Sequential, problems: inout [WorkspaceProblem]) {
        if !state.sawHeader {
            problems.append(WorkspaceProblem(file: WorkspaceFiles.transactions, line: 0, message: "the file is empty; it needs at least the header line"))
        }
    }

    /// Adds the last row appended (if this line appended one) to the running totals, with an
    /// error at this line when a total first crosses ``MoneyBounds/workspaceLimitMinor``.
    @inline(__always)
    private static func checkTotals(_ table: TransactionTable, _ amounts: inout MoneyBounds.Total, _ margins: inout MoneyBounds.Total,
                                    _ bytes: [UInt8], _ line: JSONLines.Line, _ problems: inout [WorkspaceProblem]) {
        guard table.count > amounts.rows else { return }
        amounts.rows = table.count
        let r = table.count - 1
        if amounts.add(table.amount[r]) {
            problems.append(WorkspaceProblem(file: WorkspaceFiles.transactions, line: line.number, column: JSONLines.column(of: "amount", in: bytes, line: line),
                                             field: "amount", message: MoneyBounds.beyond("transaction amounts")))
        }
        let m = table.margin[r]
        if m != TransactionTable.unknownMargin, margins.add(m) {
            let name = table.givenAsCost[r] ? "cost" : "margin"
            problems.append(WorkspaceProblem(file: WorkspaceFiles.transactions, line: line.number, column: JSONLines.column(of: name, in: bytes, line: line),
                                             field: name, message: MoneyBounds.beyond("margins")))
        }
    }

    /// The strict path: full JSON parse, every field checked, every problem reported.
    static func slowRow(_ bytes: [UInt8], _ line: JSONLines.Line, index: CustomerIndex, into table: inout TransactionTable,
                        problems: inout [WorkspaceProblem]) {
        let file = WorkspaceFiles.transactions
        let value: JSONValue
        do { value = try JSONParser.parse(bytes, start: line.start, end: line.end, firstLine: line.number) } catch {
            problems.append(WorkspaceProblem(file: file, line: error.line, column: error.column, message: error.message))
            return
        }
        guard let o = value.objectValue else {
            problems.append(WorkspaceProblem(file: file, line: line.number, column: 1, message: "expected a transaction object, found \(value.typeName)"))
            return
        }
        var r = FieldReader(o, file: file, line: line.number)
        let id = r.string("customer", required: true)
        let day = r.day("date", required: true)
        let amount = r.money("amount", required: true)
        let margin = r.money("margin", allowNegative: true)
        let cost = r.money("cost")
        let quantity = r.int("quantity", range: 0...1_000_000_000) ?? 1
        if margin != nil && cost != nil { r.problem("cost", "give either margin or cost, not both") }
        var idx: Int?
        if let id {
            idx = index[id]
            if idx == nil { r.problem("customer", "unknown customer id \"\(id)\" (not in customers.jsonl)") }
        }
        let extra = r.unknownFields
        problems += JSONLines.locate(r.problems, in: bytes, line: line)
        guard r.problems.isEmpty, let idx, let day, let amount else { return }
        let m = margin ?? cost.map { amount - $0 }
        if !extra.isEmpty { table.extra[table.count] = extra }
        table.append(customer: Int32(idx), day: day, amount: amount, margin: m, quantity: Int32(quantity), givenAsCost: cost != nil)
    }

    /// Serialises the table with its header.
    static func write(_ table: TransactionTable, customers: CustomerList, headerExtra: [String: JSONValue]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(table.count * 84 + 64)
        var header = headerExtra
        header["kind"] = .string(kind)
        header["schemaVersion"] = .int(WorkspaceFiles.schemaVersion)
        JSONWriter.writeCompact(.object(header), into: &out)
        out.append(0x0A)
        // Quoted ids back to back in one buffer: one array, so no retain per row.
        var idBytes: [UInt8] = []
        var idStart = [Int](repeating: 0, count: customers.count + 1)
        for (k, c) in customers.enumerated() {
            JSONWriter.writeString(c.id, into: &idBytes)
            idStart[k + 1] = idBytes.count
        }
        for r in 0..<table.count {
            if let extra = table.extra[r] {
                var o = extra
                o["customer"] = .string(customers[Int(table.customer[r])].id)
                o["date"] = .string(Day(ordinal: table.day[r]).iso)
                o["amount"] = .money(Money(minor: table.amount[r]))
                if table.margin[r] != TransactionTable.unknownMargin {
                    if table.givenAsCost[r] { o["cost"] = .money(Money(minor: table.amount[r] - table.margin[r])) } else {
                        o["margin"] = .money(Money(minor: table.margin[r]))
                    }
                }
                o["quantity"] = .int(Int(table.quantity[r]))
                JSONWriter.writeCompact(.object(o), into: &out)
                out.append(0x0A)
                continue
            }
            // Keys in sorted order: amount, cost|customer, date, margin, quantity.
            out += #"{"amount":"#.utf8
            appendMoney(table.amount[r], &out)
            let m = table.margin[r]
            if m != TransactionTable.unknownMargin, table.givenAsCost[r] {
                out += #","cost":"#.utf8
                appendMoney(table.amount[r] - m, &out)
            }
            out += #","customer":"#.utf8
            let c = Int(table.customer[r])
            idBytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[idStart[c]..<idStart[c + 1]])) }
            out += #","date":""#.utf8
            appendDay(table.day[r], &out)
            out.append(UInt8(ascii: "\""))
            if m != TransactionTable.unknownMargin, !table.givenAsCost[r] {
                out += #","margin":"#.utf8
                appendMoney(m, &out)
            }
            out += #","quantity":"#.utf8
            appendInt(table.quantity[r], &out)
            out.append(UInt8(ascii: "}")); out.append(0x0A)
        }
        return out
    }

    @inline(__always)
    static func appendMoney(_ minor: Int64, _ out: inout [UInt8]) {
        if minor < 0 { out.append(UInt8(ascii: "-")) }
        let mag = minor.magnitude
        appendDigits(mag / 100, &out)
        out.append(UInt8(ascii: "."))
        let frac = Int(mag % 100)
        out.append(UInt8(48 + frac / 10)); out.append(UInt8(48 + frac % 10))
    }

    /// Appends a decimal integer without making a `String`.
    @inline(__always)
    static func appendInt(_ v: Int32, _ out: inout [UInt8]) {
        if v < 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(UInt64(v.magnitude), &out)
    }

    /// Appends the decimal digits of `v`.
    @inline(__always)
    static func appendDigits(_ v: UInt64, _ out: inout [UInt8]) {
        if v < 10 { out.append(UInt8(48 + v)); return }
        var m = v
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { d in
            var n = 0
            while m > 0 { d[n] = UInt8(48 + m % 10); m /= 10; n += 1 }
            while n > 0 { n -= 1; out.append(d[n]) }
        }
    }

    @inline(__always)
    static func appendDay(_ ordinal: Int32, _ out: inout [UInt8]) {
        let (y, m, d) = Day(ordinal: ordinal).civil
        out.append(UInt8(48 + y / 1000 % 10)); out.append(UInt8(48 + y / 100 % 10))
        out.append(UInt8(48 + y / 10 % 10)); out.append(UInt8(48 + y % 10))
        out.append(UInt8(ascii: "-")); out.append(UInt8(48 + m / 10)); out.append(UInt8(48 + m % 10))
        out.append(UInt8(ascii: "-")); out.append(UInt8(48 + d / 10)); out.append(UInt8(48 + d % 10))
    }
}
