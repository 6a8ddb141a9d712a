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
