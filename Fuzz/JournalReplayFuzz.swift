// The journal-replay fuzz target, shared by libFuzzer (Scripts/fuzz.sh, target `replay`) and
// the generative test (Tests/AcumenModelTests/ReliabilityJournalReplayFuzz.swift is a symlink
// to this file).
#if canImport(AcumenStore)
@testable import AcumenCore
@testable import AcumenStore
#endif
import Foundation

/// Journal replay under hostile sequence numbers, checksums and line ends.
///
/// The input is a journal; a generator seeded by the input's hash then rewrites it the way
/// the adversarial review did: a record's `seq` becomes an extreme (`Int64.max`, 2^53 ± 1, 0,
/// −1, a 20-digit number, a repeat) *with a checksum recomputed to match*, so the sequence
/// checks are reached; checksums are flipped; line ends are dropped, doubled or made CRLF;
/// the customers file's `journalSeq` becomes an extreme too. The workspace is then opened
/// (read-only, in memory) and the journal parsed: nothing may trap, every problem must name
/// a line of its file, and a successful open keeps every sequence number within 0…2^53.
enum JournalReplayFuzz {
    static let target = FuzzTarget(name: "replay", seedFile: WorkspaceFiles.journal, run: run)

    /// Sequence numbers that broke or could break arithmetic.
    static let extremes = ["9223372036854775807", "9223372036854775806", "9007199254740992", "9007199254740993",
                           "0", "-1", "-9223372036854775808", "18446744073709551616", "99999999999999999999", "1", "2", "1.5", "1e3"]

    /// The workspace the journal is replayed into (three customers C0001…C0003).
    static let customers: [UInt8] = Array(("""
        {"kind":"acumen.customers","schemaVersion":1}
        {"id":"C0001","name":"Ann"}
        {"id":"C0002","name":"Bo"}
        {"id":"C0003","name":"Cy"}

        """).utf8)

    static func run(_ bytes: [UInt8]) -> [String] {
        var rng = SeededGenerator(seed: Checksum.fingerprint(bytes))
        let journal = mutate(bytes, &rng)
        var header = #"{"kind":"acumen.customers","schemaVersion":1"#
        if rng.below(3) == 0 { header += #","journalSeq":"# + extremes[rng.below(extremes.count)] }
        let customerBytes = Array((header + "}\n").utf8) + customers.drop { $0 != 0x0A }.dropFirst()
        var out = FuzzTargets.journal(journal)
        let fs = MemoryFolder(folder: "/fuzz-ws", files: [WorkspaceFiles.customers: customerBytes, WorkspaceFiles.journal: journal])
        do {
            let store = try WorkspaceStore.open("/fuzz-ws", fs: fs, options: .init(readOnly: true))
            if store.lastSeq < 0 || store.lastSeq > Journal.maxSeq { out.append("last sequence number \(store.lastSeq) outside 0…2^53") }
            out += FuzzTargets.check(store.warnings.filter { $0.file == WorkspaceFiles.journal }, file: WorkspaceFiles.journal, bytes: journal)
        } catch {
            for file in [WorkspaceFiles.journal, WorkspaceFiles.customers] {
                out += FuzzTargets.check(error.problems.filter { $0.file == file }, file: file, bytes: file == WorkspaceFiles.journal ? journal : customerBytes)
            }
            if error.problems.isEmpty, case .invalid = error { out.append("invalid without problems") }
        }
        return out
    }

    /// Rewrites sequence numbers, checksums and line ends of some lines.
    static func mutate(_ bytes: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let endsWithNewline = bytes.last == 0x0A
        if endsWithNewline { lines.removeLast() }
        var ends = [[UInt8]](repeating: [0x0A], count: lines.count)
        if !endsWithNewline, !ends.isEmpty { ends[ends.count - 1] = [] }
        for k in lines.indices where rng.below(3) == 0 {
            switch rng.below(6) {
            case 0, 1: lines[k] = reseq(lines[k], extremes[rng.below(extremes.count)], validCRC: rng.below(4) != 0)
            case 2: lines[k] = reseq(lines[k], nil, validCRC: false)
            case 3: ends[k] = [[], [0x0D, 0x0A], [0x0A, 0x0A], [0x0D]][rng.below(4)]
            case 4: if !lines[k].isEmpty { lines[k][rng.below(lines[k].count)] ^= UInt8(1 << rng.below(8)) }
            default: lines.swapAt(k, rng.below(lines.count))
            }
        }
        var out: [UInt8] = []
        for k in lines.indices { out += lines[k] + ends[k] }
        return out
    }

    /// The line with `seq` set to `text` (nil: kept) and `crc` recomputed (or corrupted).
    static func reseq(_ line: [UInt8], _ text: String?, validCRC: Bool) -> [UInt8] {
        guard case .success(let v) = JSONParser.result(line), var o = v.objectValue else { return line }
        if let text { o["seq"] = .number(text) }
        let seqText: String
        switch o["seq"] {
        case .number(let t)?: seqText = t
        default: seqText = "?"
        }
        let edit = o["edit"].map { JSONWriter.compact($0) } ?? ""
        let crc = Checksum.hex(Checksum.crc32(Array((edit + ":" + seqText).utf8)))
        o["crc"] = .string(validCRC ? crc : String(crc.reversed()))
        var out: [UInt8] = []
        JSONWriter.writeCompact(.object(o), into: &out)
        return out
    }
}

/// A read-only folder of files in memory.
struct MemoryFolder: ReadOnlyMemoryFileSystem {
    let folder: String
    let files: [String: [UInt8]]

    private func name(_ path: String) -> String? {
        path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : nil
    }

    func status(_ path: String) throws(IOFailure) -> FileStatus? {
        if path == folder { return FileStatus(size: 0, modifiedNanoseconds: 0, inode: 1, isRegular: false, isDirectory: true, isSymlink: false) }
        guard let n = name(path), let b = files[n] else { return nil }
        return FileStatus(size: Int64(b.count), modifiedNanoseconds: 0, inode: UInt64(2 + n.utf8.count), isRegular: true, isDirectory: false, isSymlink: false)
    }
    func read(_ path: String, limit: Int64) throws(IOFailure) -> [UInt8] {
        guard let n = name(path), let b = files[n] else { throw IOFailure(operation: "read", path: path, code: ENOENT) }
        return b
    }
    func list(_ folder: String) throws(IOFailure) -> [String] { folder == self.folder ? files.keys.sorted() : [] }
}
