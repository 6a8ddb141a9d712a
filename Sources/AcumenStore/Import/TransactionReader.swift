import AcumenCore
import AcumenAnalytics
/// Reads every row of a transactions file into a columnar table, validating each field.
///
/// This is the hot path of an import: fields are byte ranges, ids go through ``IDIndex``,
/// plain numbers and dates are parsed in place; a `String` is made only for a new customer id
/// or a message. Every row is checked even after an error, so all problems (up to the cap) are
/// reported together.
struct TransactionReader {
    let text: SourceText
    let plan: ImportPlan

    /// The rows read: customer ids in order of first appearance, and the table whose
    /// `customer` column indexes them.
    struct Output {
        var ids: IDIndex
        var table: TransactionTable
    }

    /// Reads the file; returns the rows, or every problem found.
    func read(maxProblems: Int, progress: ((Int, Int) -> Void)?) -> Result<Output, ImportError> {
        var problems = ProblemList(file: text.file, cap: maxProblems)
        // Row problems are kept apart from the scanner's, which holds `problems` during the scan.
        var rows = ProblemList(file: text.file, cap: maxProblems)
        var table = TransactionTable()
        table.reserve(text.bytes.count / 24)
        guard let kc = plan.mapping[.customer], let kd = plan.mapping[.date], let ka = plan.mapping[.amount],
              let format = plan.dateFormat else {
            problems.add(line: 1, column: 1, "customer, date and amount columns are required")
            return .failure(problems.error)
        }
        let km = plan.mapping[.margin] ?? -1, kx = plan.mapping[.cost] ?? -1, kq = plan.mapping[.quantity] ?? -1
        let needed = max(kc, kd, ka, km, kx, kq) + 1
        let width = plan.columns.count
        let strictWidth = plan.delimiter != .jsonLines
        let money = AmountParser(decimal: plan.decimalComma ? UInt8(ascii: ",") : UInt8(ascii: "."))
        var skipHeader = plan.hasHeader
        var amounts = MoneyBounds.Total(), margins = MoneyBounds.Total()
        // Ids in the file buffer are resolved in batches (see ``IDBatch``).
        var batch = IDBatch(ids: IDIndex(capacity: 1 << 16))
        let source = RecordSource(text: text, delimiter: plan.delimiter)
        source.forEachRecord(problems: &problems, progress: progress) { r in
            if skipHeader { skipHeader = false; return true }
            func fail(_ k: Int, _ message: String) {
                let at = k < r.count ? r.fields[k].sourceOffset : r.start
                let (l, c) = text.locate(at, recordStart: r.start, line: r.line)
                rows.add(line: l, column: c, field: k < plan.columns.count ? plan.columns[k] : nil, message)
            }
            if r.count < needed || (strictWidth && r.count != width) {
                var message = "the row has \(r.count) field\(r.count == 1 ? "" : "s") but the \(plan.hasHeader ? "header has" : "first row has") \(width)"
                if r.count > width { message += " (an unquoted delimiter inside a value? quote it)" }
                let missing = plan.mapping.filter { $0.value >= r.count }.keys.sorted().map(\.rawValue)
                if !missing.isEmpty { message += "; missing: " + missing.joined(separator: ", ") }
                let last = r.fields[r.count - 1]
                let (l, c) = text.locate(last.sourceOffset + (last.end - last.start), recordStart: r.start, line: r.line)
                rows.add(line: l, column: c, message)
                return true
            }
            var ok = true
            let idBytes = r.field(kc)
            let deferID = !r.fields[kc].inScratch
            var customer: Int32 = 0
            if idBytes.isEmpty { fail(kc, "the customer id is empty"); ok = false } else if let why = CustomerIDRule.problem(idBytes) {
                fail(kc, why); ok = false
            } else if !deferID {
                batch.flush(r.file, into: &table)  // Keeps ids numbered in order of first appearance.
                customer = batch.ids.index(of: idBytes).index
            }
            let dateBytes = r.field(kd)
            let day = format.parse(dateBytes)
            if day == nil {
                ok = false
                let shown = String(decoding: dateBytes, as: UTF8.self)
                fail(kd, dateBytes.isEmpty ? "the date is empty" : "\"\(shown)\" is not a valid date in the format \(format.rawValue)"
                     + (plan.dateFormatSource == .detected ? " (detected from the file; give --date-format if that is wrong)" : ""))
            }
            var amount: Int64 = 0
            switch money.parse(r.field(ka)) {
            case .value(let v):
                if v < 0 { fail(ka, "negative amount \(Money(minor: v)): returns and credit notes are not supported; net them against their sales"); ok = false }
                amount = v
            case .invalid(let why): fail(ka, "amount: " + why); ok = false
            }
            var margin = TransactionTable.unknownMargin
            var asCost = false
            if km >= 0, !r.field(km).isEmpty {
                switch money.parse(r.field(km)) {
                case .value(let v): margin = v
                case .invalid(let why): fail(km, "margin: " + why); ok = false
                }
            } else if kx >= 0, !r.field(kx).isEmpty {
                switch money.parse(r.field(kx)) {
                case .value(let v) where v >= 0: margin = amount - v; asCost = true
                case .value(let v): fail(kx, "negative cost \(Money(minor: v))"); ok = false
                case .invalid(let why): fail(kx, "cost: " + why); ok = false
                }
            }
            var quantity: Int32 = 1
            if kq >= 0, !r.field(kq).isEmpty {
                switch money.parse(r.field(kq)) {
                case .value(let v) where v % 100 == 0 && v >= 0 && v <= 100_000_000_000: quantity = Int32(v / 100)
                case .value: fail(kq, "quantity must be a whole number from 0 to 1,000,000,000"); ok = false
                case .invalid(let why): fail(kq, "quantity: " + why); ok = false
                }
            }
            guard ok, let day else { return true }
            if amounts.add(amount) { fail(ka, MoneyBounds.beyond("transaction amounts")); return true }
            if margin != TransactionTable.unknownMargin, margins.add(margin) {
                fail(km >= 0 ? km : kx, MoneyBounds.beyond("margins")); return true
            }
            if deferID { batch.add(row: table.count, r.fields[kc]) }
            table.customer.append(customer); table.day.append(day.ordinal); table.amount.append(amount)
            table.margin.append(margin); table.quantity.append(quantity); table.givenAsCost.append(asCost)
            if batch.isFull { batch.flush(r.file, into: &table) }
            return true
        }
        text.bytes.withUnsafeBufferPointer { batch.flush($0, into: &table) }
        problems.merge(rows)
        if !problems.isEmpty { return .failure(problems.error) }
        return .success(Output(ids: batch.ids, table: table))
    }
}

/// Customer ids waiting to be looked up, so that their table slots can be fetched from memory
/// together: ``flush(_:into:)`` first reads every pending id's slot (independent loads the
/// processor overlaps), then looks the ids up in row order, which now mostly hits the cache.
struct IDBatch {
    var ids: IDIndex
    private var rows: [Int] = []
    private var starts: [Int] = []
    private var ends: [Int] = []
    /// Slot contents read ahead; kept so the reads are not optimised away.
    private(set) var touched: UInt64 = 0
    static let size = 64

    init(ids: IDIndex) {
        self.ids = ids
        rows.reserveCapacity(Self.size); starts.reserveCapacity(Self.size); ends.reserveCapacity(Self.size)
    }

    var isFull: Bool { rows.count >= Self.size }

    /// Queues the id of table row `row`, found at `span` in the file.
    mutating func add(row: Int, _ span: FieldSpan) {
        rows.append(row); starts.append(span.start); ends.append(span.end)
    }

    /// Resolves every queued id and writes its index into the table's customer column.
    mutating func flush(_ file: UnsafeBufferPointer<UInt8>, into table: inout TransactionTable) {
        guard !rows.isEmpty else { return }
        var sum: UInt64 = 0
        for j in rows.indices { sum &+= ids.touch(UnsafeBufferPointer(rebasing: file[starts[j]..<ends[j]])) }
        touched &+= sum
        for j in rows.indices {
            table.customer[rows[j]] = ids.index(of: UnsafeBufferPointer(rebasing: file[starts[j]..<ends[j]])).index
        }
        rows.removeAll(keepingCapacity: true); starts.removeAll(keepingCapacity: true); ends.removeAll(keepingCapacity: true)
    }
}
