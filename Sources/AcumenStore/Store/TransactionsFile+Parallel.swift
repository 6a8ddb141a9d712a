import AcumenCore

/// Parsing a large, clean `transactions.jsonl` on all cores.
extension TransactionsFile {
    /// One chunk's rows, parsed independently of the others.
    struct Part {
        var table = TransactionTable()
        var clean = true
    }

    /// Parses the file's lines in chunks on all cores and joins the rows in file order.
    ///
    /// Only for the clean case: when any line has a problem, or a money total crosses
    /// ``MoneyBounds/workspaceLimitMinor``, it returns nil and the caller runs the sequential
    /// ``parse(_:index:into:headerExtra:problems:more:)``, which reports every problem at its
    /// line exactly as before. Both accept the same lines the same way (each line goes through
    /// ``FastRow`` or the strict ``slowRow``), so the tables are identical.
    /// - Returns: the table and the header's unknown members, or nil.
    /// - Complexity: O(bytes / cores) plus one pass over the rows to join them.
    static func parseInParallel(_ bytes: [UInt8], index: CustomerIndex) -> (table: TransactionTable, headerExtra: [String: JSONValue])? {
        guard bytes.count >= 1 << 22, Parallel.cores > 1,
              let header = JSONLines.firstLine(bytes, where: { _ in true }),
              case .success(let value) = JSONParser.result(bytes, start: header.start, end: header.end, firstLine: header.number) else { return nil }
        var headerProblems: [WorkspaceProblem] = []
        guard let headerExtra = JSONLines.header(value, kind: kind, file: WorkspaceFiles.transactions, line: header.number, problems: &headerProblems),
              headerProblems.isEmpty else { return nil }
        var bodyStart = header.end
        while bodyStart < bytes.count, bytes[bodyStart] != 0x0A { bodyStart += 1 }
        bodyStart = min(bytes.count, bodyStart + 1)
        var parts: [Part] = bytes.withUnsafeBufferPointer { buf in
            let chunks = ParallelLines.chunks(buf, start: bodyStart, end: buf.count, firstLine: header.number + 1, count: Parallel.cores * 2)
            return Parallel.map(chunks.count) { k in parseChunk(bytes, buf, chunks[k], index: index) }
        }
        guard parts.allSatisfy(\.clean) else { return nil }
        // Joined column by column, each part's column released once copied: the rows are held
        // about once (plus one column) instead of twice (parts and table) — 290 MB at 10M rows.
        var table = TransactionTable()
        let total = parts.reduce(0) { $0 + $1.table.count }
        var offset = 0
        for p in parts {
            for (row, e) in p.table.extra { table.extra[row + offset] = e }
            offset += p.table.count
        }
        table.amount = joined(&parts, \.amount, total: total)
        table.margin = joined(&parts, \.margin, total: total)
        table.customer = joined(&parts, \.customer, total: total)
        table.day = joined(&parts, \.day, total: total)
        table.quantity = joined(&parts, \.quantity, total: total)
        table.givenAsCost = joined(&parts, \.givenAsCost, total: total)
        var amounts = MoneyBounds.Total(), margins = MoneyBounds.Total()
        for a in table.amount where amounts.add(a) { return nil }
        for m in table.margin where m != TransactionTable.unknownMargin && margins.add(m) { return nil }
        return (table, headerExtra)
    }

    /// One column of every part, in order, each part's copy released as soon as it is copied.
    static func joined<T: BitwiseCopyable>(_ parts: inout [Part], _ column: WritableKeyPath<TransactionTable, Column<T>>, total: Int) -> Column<T> {
        var out = Column<T>()
        out.reserveCapacity(total)
        for k in parts.indices {
            parts[k].table[keyPath: column].withUnsafeBufferPointer { out.append(contentsOf: $0) }
            parts[k].table[keyPath: column] = Column()
        }
        return out
    }

    /// The rows of one chunk; `clean` is false as soon as a line has a problem (its line
    /// numbers only matter for problems, which this path never reports).
    static func parseChunk(_ bytes: [UInt8], _ buf: UnsafeBufferPointer<UInt8>, _ chunk: ParallelLines.Chunk, index: CustomerIndex) -> Part {
        var part = Part()
        part.table.reserve((chunk.end - chunk.start) / 80)
        var lookup = FastRowLookup()
        ParallelLines.forEachLine(buf, chunk) { line, _ in
            guard part.clean else { return }
            if let fast = FastRow(buf, line.start, line.end), lookup.append(fast, to: &part.table, index: index) { return }
            var problems: [WorkspaceProblem] = []
            slowRow(bytes, line, index: index, into: &part.table, problems: &problems)
            if !problems.isEmpty { part.clean = false }
        }
        return part
    }
}
