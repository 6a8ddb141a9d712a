import AcumenCore

/// Parsing a large, clean `transactions.jsonl` block by block on all cores.
extension TransactionsFile {
    /// Parses every block's lines in chunks on all cores (the block's bytes fingerprinted
    /// beside them) and adds the rows to the table in file order.
    ///
    /// Only for the clean case, as ``parseInParallel(_:index:)``: at the first line with a
    /// problem, a header that is not clean, a leading byte order mark, or a money total beyond
    /// ``MoneyBounds/workspaceLimitMinor`` it stops and returns nil (the caller then parses the
    /// file again line by line, reporting every problem).
    /// - Returns: the table, the header's unknown members and the whole file's fingerprint, or nil.
    static func parseBlocksInParallel(_ blocks: LineBlocks, index: CustomerIndex) throws(IOFailure)
        -> (table: TransactionTable, headerExtra: [String: JSONValue], hash: UInt64)? {
        var stream = FingerprintStream(total: blocks.size)
        var rows = BlockRows(fileSize: blocks.size)
        var header: [String: JSONValue]?
        var first = true
        var through = 0
        while let block = try blocks.next() {
            through += block.end
            guard let parts = parseBlock(blocks.buffer, block, first: first, header: &header, index: index, stream: &stream, blocks: blocks),
                  rows.add(parts, through: through) else { return nil }
            first = false
        }
        guard let header, let hash = stream.finish() else { return nil }
        return (rows.joined(), header, hash)
    }

    /// One block's rows in chunks, or nil when the block has a problem.
    private static func parseBlock(_ bytes: [UInt8], _ block: LineBlocks.Block, first: Bool, header: inout [String: JSONValue]?,
                                   index: CustomerIndex, stream: inout FingerprintStream, blocks: LineBlocks) -> [Part]? {
        if first, bytes[0..<min(3, block.end)].elementsEqual(byteOrderMark) { return nil }
        var bodyStart = 0
        if header == nil {
            // The header is the file's first non-blank line; a block of blank lines holds no rows.
            guard let line = LineBlocks.firstLine(bytes, from: 0, end: block.end) else {
                bytes.withUnsafeBytes { stream.add(UnsafeRawBufferPointer(rebasing: $0[block.fresh])) }
                return []
            }
            var headerProblems: [WorkspaceProblem] = []
            guard case .success(let value) = JSONParser.result(bytes, start: line.start, end: line.end, firstLine: line.number),
                  let extra = JSONLines.header(value, kind: kind, file: WorkspaceFiles.transactions, line: line.number, problems: &headerProblems),
                  headerProblems.isEmpty else { return nil }
            header = extra
            bodyStart = line.end
            while bodyStart < block.end, bytes[bodyStart] != 0x0A { bodyStart += 1 }
            bodyStart = min(block.end, bodyStart + 1)
        }
        let parts: [Part] = bytes.withUnsafeBufferPointer { buf in
            let chunks = ParallelLines.cuts(buf, start: bodyStart, end: block.end, count: Parallel.cores * 2)
            // One more task fingerprints the block's fresh bytes and reads the next block beside the chunks.
            var parts = Parallel.map(chunks.count + 1) { k -> Part in
                if k == chunks.count {
                    stream.add(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buf)[block.fresh]))
                    blocks.readAhead()
                    return Part()
                }
                return parseChunk(bytes, buf, chunks[k], index: index)
            }
            parts.removeLast()
            return parts
        }
        return parts.allSatisfy(\.clean) ? parts : nil
    }
}

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
