import AcumenCore

/// The rows of a file's blocks, joined in file order into columns reserved once for the whole
/// file (the first block's rows per byte, times the file's size, plus 2 %), so the table is
/// held about once while it grows. Rows beyond the estimate wait in their parts and are joined
/// at the end, column by column (each part's column released once copied).
struct BlockRows {
    typealias Part = TransactionsFile.Part
    let fileSize: Int
    private var table = TransactionTable()
    private var overflow: [Part] = []
    private var reserved = false
    private var amounts = MoneyBounds.Total()
    private var margins = MoneyBounds.Total()

    init(fileSize: Int) { self.fileSize = fileSize }

    /// Adds a block's parts (the file read up to byte `through`).
    /// - Returns: false when a money total crosses ``MoneyBounds/workspaceLimitMinor``.
    mutating func add(_ parts: [Part], through: Int) -> Bool {
        let count = parts.reduce(0) { $0 + $1.table.count }
        if !reserved, count > 0 {
            reserved = true
            let estimate = through >= fileSize ? count : Int(Double(count) * Double(fileSize) / Double(max(1, through)) * 1.02) + 64
            table.reserve(estimate)
        }
        for p in parts {
            let within = p.table.amount.withUnsafeBufferPointer { column in !column.contains { amounts.add($0) } }
                && p.table.margin.withUnsafeBufferPointer { column in
                    !column.contains { $0 != TransactionTable.unknownMargin && margins.add($0) }
                }
            if !within { return false }
        }
        var row = table.count + overflow.reduce(0) { $0 + $1.table.count }
        for p in parts {
            for (r, e) in p.table.extra { table.extra[r + row] = e }
            row += p.table.count
        }
        if overflow.isEmpty, table.count + count <= table.customer.capacity {
            for p in parts { append(p.table) }
        } else {
            overflow += parts
        }
        return true
    }

    private mutating func append(_ t: TransactionTable) {
        t.customer.withUnsafeBufferPointer { table.customer.append(contentsOf: $0) }
        t.day.withUnsafeBufferPointer { table.day.append(contentsOf: $0) }
        t.amount.withUnsafeBufferPointer { table.amount.append(contentsOf: $0) }
        t.margin.withUnsafeBufferPointer { table.margin.append(contentsOf: $0) }
        t.quantity.withUnsafeBufferPointer { table.quantity.append(contentsOf: $0) }
        t.givenAsCost.withUnsafeBufferPointer { table.givenAsCost.append(contentsOf: $0) }
    }

    /// The table of every row added.
    mutating func joined() -> TransactionTable {
        guard !overflow.isEmpty else { return table }
        var parts = [Part(table: table)] + overflow
        table = TransactionTable()
        overflow = []
        let total = parts.reduce(0) { $0 + $1.table.count }
        var out = TransactionTable()
        out.extra = parts[0].table.extra
        parts[0].table.extra = [:]
        out.amount = TransactionsFile.joined(&parts, \.amount, total: total)
        out.margin = TransactionsFile.joined(&parts, \.margin, total: total)
        out.customer = TransactionsFile.joined(&parts, \.customer, total: total)
        out.day = TransactionsFile.joined(&parts, \.day, total: total)
        out.quantity = TransactionsFile.joined(&parts, \.quantity, total: total)
        out.givenAsCost = TransactionsFile.joined(&parts, \.givenAsCost, total: total)
        return out
    }
}
