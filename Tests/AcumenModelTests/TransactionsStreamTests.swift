import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// `transactions.jsonl` read in blocks gives exactly what the whole-file decode gives: the
/// same table, header, problems (file, line, column, field, wording) and fingerprint, at any
/// block size — blocks down to a few bytes put every line, and every bad line, at a boundary.
@Suite struct TransactionsStreamTests {
    static let blockSizes = [16, 37, 64, 83, 100, 128, 333, 4096, 1 << 20]

    /// A small workspace's transactions with the rows the fast scanner refuses.
    func file(customers: Int = 40) -> (lines: [String], index: CustomerIndex, id: String) {
        let w = DemoGenerator(customers: customers, transactionsPerCustomer: 6, seed: 11).generate()
        var lines = String(decoding: WorkspaceCodec.encodeTransactions(w), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let id = w.customers[3].id
        lines.insert(#"{"amount":12.50,"cost":4.00,"customer":"\#(id)","date":"2024-03-01","note":"x","quantity":2}"#, at: 5)
        lines.insert("   ", at: 6)
        lines.insert(#"{"amount":1.00,"customer":"\#(id)","date":"2024-03-02"}"# + "\r", at: 7)
        return (lines, w.index, id)
    }

    struct Decoded: Equatable {
        var table: TransactionTable
        var extra: [String: JSONValue]
        var problems: [WorkspaceProblem]
        var hash: UInt64?
    }

    func whole(_ bytes: [UInt8], _ index: CustomerIndex) -> Decoded {
        var extra: [String: JSONValue] = [:], problems: [WorkspaceProblem] = []
        let table = WorkspaceCodec.decodeTransactions(bytes, index: index, headerExtra: &extra, problems: &problems)
        return Decoded(table: table, extra: extra, problems: problems, hash: Checksum.fingerprint(bytes))
    }

    func streamed(_ bytes: [UInt8], _ index: CustomerIndex, block: Int, parallel: Bool) throws -> Decoded {
        var extra: [String: JSONValue] = [:], problems: [WorkspaceProblem] = []
        let reading = TransactionsFile.Reading(blockBytes: block, parallelMinimum: parallel ? 0 : Int.max)
        let r = try TransactionsFile.decodeStreamed(open: { () throws(IOFailure) in BytesReader(bytes) }, path: "t", index: index,
                                                    reading: reading, headerExtra: &extra, problems: &problems)
        return Decoded(table: r.table, extra: extra, problems: problems, hash: r.hash)
    }

    /// Every block size, both passes: what the whole-file decode gives.
    func expectSame(_ bytes: [UInt8], _ index: CustomerIndex, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = whole(bytes, index)
        for block in Self.blockSizes {
            for parallel in [false, true] {
                var got = try streamed(bytes, index, block: block, parallel: parallel)
                if !expected.problems.isEmpty { got.hash = expected.hash }  // only a clean file's fingerprint is used
                #expect(got == expected, "block \(block), parallel \(parallel)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func aCleanFileGivesTheWholeFilesTableAndFingerprint() throws {
        let (lines, index, _) = file()
        try expectSame(Array(lines.joined(separator: "\n").utf8), index)
        // Without the last line end, with CRLF line ends, with blank lines before the header.
        try expectSame(Array(lines.joined(separator: "\n").utf8.dropLast()), index)
        try expectSame(Array(lines.joined(separator: "\r\n").utf8), index)
        try expectSame(Array(("\n  \n" + lines.joined(separator: "\n")).utf8), index)
        let bytes = Array(lines.joined(separator: "\n").utf8)
        #expect(whole(bytes, index).problems.isEmpty)
        // The blocks' parallel pass itself gives the table (no fallback hides a difference).
        for size in Self.blockSizes {
            let blocks = LineBlocks(BytesReader(bytes), path: "t", blockBytes: size)
            let parallel = try #require(try TransactionsFile.parseBlocksInParallel(blocks, index: index))
            #expect(parallel.table == whole(bytes, index).table && parallel.hash == Checksum.fingerprint(bytes))
        }
    }

    @Test func aBadLineAtEveryPositionKeepsItsLineAndWording() throws {
        let (lines, index, id) = file(customers: 8)
        for at in [1, 2, 9, lines.count / 2, lines.count - 2] {
            var broken = lines
            broken.insert(#"{"amount":1.00,"customer":"nobody","date":"2024-03-02"}"#, at: at)
            broken.insert(#"{"amount":"x","customer":"\#(id)","date":"2024-13-02"}"#, at: at + 2)
            let bytes = Array(broken.joined(separator: "\n").utf8)
            let problems = whole(bytes, index).problems
            #expect(problems.contains { $0.line == at + 1 && $0.message.contains("unknown customer id \"nobody\"") })
            try expectSame(bytes, index)
        }
    }

    @Test func aBadLineRightAtABlockBoundaryIsReportedAtItsLine() throws {
        let (lines, index, _) = file(customers: 8)
        let before = lines.prefix(10).joined(separator: "\n") + "\n"
        let bad = #"{"amount":1.00,"customer":"nobody","date":"2024-03-02"}"#
        let bytes = Array((before + bad + "\n" + lines.dropFirst(10).joined(separator: "\n")).utf8)
        // Blocks that end just before, inside and just after the bad line.
        for block in [before.utf8.count, before.utf8.count + 1, before.utf8.count + 20, before.utf8.count + bad.utf8.count + 1] {
            for parallel in [false, true] {
                let got = try streamed(bytes, index, block: block, parallel: parallel)
                #expect(got.problems == whole(bytes, index).problems)
                #expect(got.problems.map(\.line) == [11], "block \(block)")
            }
        }
    }

    @Test func brokenFilesGiveTheSameProblems() throws {
        let (lines, index, id) = file(customers: 8)
        let text = lines.joined(separator: "\n")
        try expectSame([], index)
        try expectSame(Array("\n\n  \n".utf8), index)
        try expectSame([0xEF, 0xBB, 0xBF] + Array(text.utf8), index)
        try expectSame(Array(#"{"kind":"acumen.customers","schemaVersion":1}"#.utf8 + [0x0A]) + Array(text.utf8), index)
        try expectSame(Array(("not json\n" + text).utf8), index)
        // More problems than are listed, and money totals beyond the bound.
        let junk = (0..<300).map { _ in "{\"amount\":1}" }.joined(separator: "\n")
        try expectSame(Array((text + "\n" + junk).utf8), index)
        let huge = (0..<4).map { _ in #"{"amount":99999999999999.00,"customer":"\#(id)","date":"2024-03-02"}"# }.joined(separator: "\n")
        try expectSame(Array((text + "\n" + huge).utf8), index)
    }

    @Test func blocksAreWholeLinesAndTheirFreshBytesAreTheFile() throws {
        let (lines, _, _) = file()
        let bytes = Array(lines.joined(separator: "\n").utf8) + Array(String(repeating: "x", count: 5_000).utf8)
        for size in Self.blockSizes {
            let blocks = LineBlocks(BytesReader(bytes), path: "t", blockBytes: size)
            var stream = FingerprintStream(total: bytes.count)
            var joined: [UInt8] = []
            while let b = try blocks.next() {
                let block = Array(blocks.buffer[0..<b.end])
                #expect(b.end == bytes.count - joined.count || block.last == 0x0A)
                joined += block
                blocks.buffer.withUnsafeBytes { stream.add(UnsafeRawBufferPointer(rebasing: $0[b.fresh])) }
            }
            #expect(joined == bytes)
            #expect(stream.finish() == Checksum.fingerprint(bytes))
        }
    }

    @Test func aFileThatShrinksWhileReadIsAReadError() {
        final class Shrinking: FileReader {
            let size = 1_000
            var given = 0
            func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int {
                guard given < 500 else { return 0 }
                let n = min(buffer.count, 500 - given)
                for k in 0..<n { buffer[k] = k % 50 == 49 ? 0x0A : 0x20 }
                given += n
                return n
            }
        }
        let blocks = LineBlocks(Shrinking(), path: "t.jsonl", blockBytes: 128)
        let error = #expect(throws: IOFailure.self) { while try blocks.next() != nil {} }
        #expect(error?.path == "t.jsonl" && error?.code == EIO)
    }

    @Test func aReadErrorInAnyBlockIsThrownInBothPasses() throws {
        final class Failing: FileReader {
            let bytes: [UInt8]
            let failAt: Int
            var offset = 0
            init(_ bytes: [UInt8], failAt: Int) { self.bytes = bytes; self.failAt = failAt }
            var size: Int { bytes.count }
            func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOFailure) -> Int {
                if offset >= failAt { throw IOFailure(operation: "read", path: "t.jsonl", code: EIO) }
                let n = min(buffer.count, bytes.count - offset, failAt - offset)
                for k in 0..<n { buffer[k] = bytes[offset + k] }
                offset += n
                return n
            }
        }
        let (lines, index, _) = file()
        let bytes = Array(lines.joined(separator: "\n").utf8)
        for failAt in [0, 10, 300, bytes.count / 2, bytes.count - 1] {
            for parallel in [false, true] {
                var extra: [String: JSONValue] = [:], problems: [WorkspaceProblem] = []
                let error = #expect(throws: IOFailure.self) {
                    try TransactionsFile.decodeStreamed(open: { () throws(IOFailure) in Failing(bytes, failAt: failAt) }, path: "t.jsonl",
                                                        index: index, reading: .init(blockBytes: 128, parallelMinimum: parallel ? 0 : Int.max),
                                                        headerExtra: &extra, problems: &problems)
                }
                #expect(error?.code == EIO)
            }
        }
    }

    @Test func anOpenReadsInBlocksAndReportsABadLineAtItsLine() throws {
        let folder = temporaryFolder(#function)
        let w = DemoGenerator(customers: 30, transactionsPerCustomer: 5, seed: 4).generate()
        try WorkspaceStore.create(folder, workspace: w).close()
        try? FileManager.default.removeItem(atPath: folder + "/" + TransactionCache.folderName)
        var options = WorkspaceStore.Options(readOnly: true)
        options.reading = TransactionsFile.Reading(blockBytes: 100, parallelMinimum: 0)
        let clean = try WorkspaceStore.open(folder, options: options)
        #expect(clean.workspace.transactions == w.transactions)
        let path = folder + "/" + WorkspaceFiles.transactions
        let bytes = try PosixFileSystem().read(path, limit: 1 << 30)
        #expect(clean.fingerprints[WorkspaceFiles.transactions]?.hash == Checksum.fingerprint(bytes))
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert(#"{"amount":1.00,"customer":"nobody","date":"2024-03-02"}"#, at: 7)
        try Array(lines.joined(separator: "\n").utf8).withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: path)) }
        let error = #expect(throws: WorkspaceError.self) { try WorkspaceStore.open(folder, options: options) }
        let problem = try #require(error?.problems.first)
        #expect(error?.problems.count == 1)
        #expect((problem.file, problem.line, problem.column, problem.field) == (WorkspaceFiles.transactions, 8, 16, "customer"))
        #expect(problem.message == "unknown customer id \"nobody\" (not in customers.jsonl)")
    }

    /// The chunks as ``ParallelLines/chunks(_:start:end:firstLine:count:)`` cut and counted
    /// them on one core before their lines were counted on all cores.
    static func referenceChunks(_ bytes: [UInt8], start: Int, end: Int, firstLine: Int, count: Int) -> [ParallelLines.Chunk] {
        let n = max(1, min(count, (end - start) / (1 << 20) + 1))
        var cuts = [start]
        for k in 1..<n {
            var p = start + (end - start) * k / n
            while p < end, bytes[p - 1] != 0x0A { p += 1 }
            if p > cuts[cuts.count - 1], p < end { cuts.append(p) }
        }
        cuts.append(end)
        var out: [ParallelLines.Chunk] = []
        var line = firstLine
        for k in 0..<(cuts.count - 1) {
            var c = 0
            for q in cuts[k]..<cuts[k + 1] where bytes[q] == 0x0A { c += 1 }
            if cuts[k + 1] > cuts[k], bytes[cuts[k + 1] - 1] != 0x0A { c += 1 }
            out.append(ParallelLines.Chunk(start: cuts[k], end: cuts[k + 1], firstLine: line, lineCount: c))
            line += c
        }
        return out
    }

    @Test func chunksCountedOnAllCoresAreTheOneCoreChunks() {
        var rng = SeededGenerator(seed: 9)
        var bytes: [UInt8] = []
        while bytes.count < 3_500_000 {
            bytes += [UInt8](repeating: 0x61, count: Int(rng.next() % 300))
            if rng.next() % 7 != 0 { bytes.append(0x0A) }
        }
        for (start, end) in [(0, bytes.count), (17, bytes.count - 5), (0, 1_500_000), (100, 100)] {
            for count in 1...8 {
                let got = bytes.withUnsafeBufferPointer { ParallelLines.chunks($0, start: start, end: end, firstLine: 3, count: count) }
                let expected = Self.referenceChunks(bytes, start: start, end: end, firstLine: 3, count: count).filter { $0.end > $0.start }
                #expect(got.map { [$0.start, $0.end, $0.firstLine, $0.lineCount] } == expected.map { [$0.start, $0.end, $0.firstLine, $0.lineCount] })
            }
        }
    }
}
