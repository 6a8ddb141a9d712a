import AcumenCore
#if canImport(Glibc)
import Glibc
#endif

/// Decoding `transactions.jsonl` read in blocks (``LineBlocks``) rather than whole: the file
/// (856 MB at 10M rows) is never held, only one block and the columns.
///
/// A large file's blocks are parsed on all cores (``parseBlocksInParallel(_:index:)``), as
/// ``parseInParallel(_:index:)`` parses a whole file; at the first line with a problem (or a
/// money total beyond ``MoneyBounds/workspaceLimitMinor``) the file is read again and parsed
/// line by line as ``parse(_:index:into:headerExtra:problems:more:)`` does, through the same
/// ``parseLine(_:_:index:state:into:headerExtra:problems:more:)``, so every problem keeps its
/// file, line, column, field and wording. Tables and problems are those of the whole-file
/// decode (tests hold them equal at block sizes down to a few bytes).
extension TransactionsFile {
    /// How a file is read: the block size, and from what size (with more than one core) the
    /// blocks are parsed on all cores. Tests make both tiny (a minimum of 0 forces the
    /// parallel pass even on one core).
    struct Reading: Sendable {
        var blockBytes = LineBlocks.defaultBlockBytes
        var parallelMinimum = 1 << 22
    }

    /// The byte order mark a workspace file must not start with.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Reads the file from `open` (called again when the file must be parsed a second time,
    /// line by line) and decodes it against `index`.
    /// - Returns: the table, and ``Checksum/fingerprint(_:)`` of the whole file (nil when the
    ///   problems made the file's end unnecessary — never for a file that decoded cleanly).
    /// - Throws: a read error (the caller reports it as it reports a failed whole read).
    static func decodeStreamed(open: () throws(IOFailure) -> any FileReader, path: String, index: CustomerIndex, reading: Reading,
                               headerExtra: inout [String: JSONValue],
                               problems: inout [WorkspaceProblem]) throws(IOFailure) -> (table: TransactionTable, hash: UInt64?) {
        var blocks = LineBlocks(try open(), path: path, blockBytes: reading.blockBytes)
        if blocks.size >= reading.parallelMinimum, Parallel.cores > 1 || reading.parallelMinimum == 0 {
            if let done = try parseBlocksInParallel(blocks, index: index) {
                headerExtra = done.headerExtra
                return (done.table, done.hash)
            }
            blocks = LineBlocks(try open(), path: path, blockBytes: reading.blockBytes)
        }
        return try parseBlocks(blocks, index: index, headerExtra: &headerExtra, problems: &problems)
    }

    /// The line-by-line pass over every block: ``parse(_:index:into:headerExtra:problems:more:)``
    /// with its state carried from block to block and the line numbers counted on.
    static func parseBlocks(_ blocks: LineBlocks, index: CustomerIndex, headerExtra: inout [String: JSONValue],
                            problems: inout [WorkspaceProblem]) throws(IOFailure) -> (table: TransactionTable, hash: UInt64?) {
        var stream = FingerprintStream(total: blocks.size)
        var table = TransactionTable()
        var state = Sequential()
        var local: [WorkspaceProblem] = []
        var more = 0, number = 1, first = true, marked = false
        while let block = try blocks.next() {
            blocks.buffer.withUnsafeBytes { stream.add(UnsafeRawBufferPointer(rebasing: $0[block.fresh])) }
            if first {
                first = false
                // A block ends at a line feed or the file's end, so it holds a leading mark whole.
                marked = blocks.buffer[0..<min(3, block.end)].elementsEqual(byteOrderMark)
                if !marked { table.reserve(blocks.size / 80) }
            }
            if marked { continue }
            number = LineBlocks.forEachLine(blocks.buffer, end: block.end, firstLine: number) { bytes, line in
                parseLine(bytes, line, index: index, state: &state, into: &table, headerExtra: &headerExtra, problems: &local, more: &more)
            }
        }
        if marked {
            problems.append(WorkspaceProblem(file: WorkspaceFiles.transactions, line: 1, column: 1,
                                             message: "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM"))
            return (TransactionTable(), stream.finish())
        }
        finish(state, problems: &local)
        problems += WorkspaceCodec.capped(local, file: WorkspaceFiles.transactions, more: more)
        return (table, stream.finish())
    }
}

extension LineBlocks {
    /// Calls `body` for every non-blank line of `bytes[0..<end]` (a `\r\n` ending is trimmed),
    /// numbered from `firstLine` as ``JSONLines/forEachLine(_:_:)`` numbers a whole file's.
    /// - Returns: the number of the line after the last.
    static func forEachLine(_ bytes: [UInt8], end: Int, firstLine: Int, _ body: ([UInt8], JSONLines.Line) -> Void) -> Int {
        var start = 0, number = firstLine
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while start < end {
                let stop = memchr(base + start, 0x0A, end - start).map { base.distance(to: UnsafeRawPointer($0)) } ?? end
                var e = stop
                if e > start && bytes[e - 1] == 0x0D { e -= 1 }
                var blank = true
                for q in start..<e where bytes[q] != 0x20 && bytes[q] != 0x09 { blank = false; break }
                if !blank { body(bytes, JSONLines.Line(start: start, end: e, number: number)) }
                start = stop + 1
                number += 1
            }
        }
        return number
    }

    /// The first non-blank line of `bytes[from..<end]`, numbered from 1 (only for the header,
    /// whose problems the line-by-line pass reports).
    static func firstLine(_ bytes: [UInt8], from: Int, end: Int) -> JSONLines.Line? {
        var start = from
        while start < end {
            var stop = start
            while stop < end && bytes[stop] != 0x0A { stop += 1 }
            var e = stop
            if e > start && bytes[e - 1] == 0x0D { e -= 1 }
            for q in start..<e where bytes[q] != 0x20 && bytes[q] != 0x09 { return JSONLines.Line(start: start, end: e, number: 1) }
            start = stop + 1
        }
        return nil
    }
}
