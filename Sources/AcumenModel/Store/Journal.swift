import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The append-only edit journal, `journal.jsonl`: every edit is written and fsynced here
/// before it counts as saved, and replayed on open.
///
/// Line 1 is a header `{"kind":"acumen.journal","schemaVersion":1}`. Each further line is a
/// record `{"at":…,"author":…,"crc":…,"edit":{…},"seq":n}` where `crc` is the CRC-32 of the
/// compact edit text followed by the sequence number. On recovery a torn or damaged *last*
/// record is dropped with a warning (the crash happened while writing it, so it was never
/// acknowledged); a damaged record before the last is an error, never skipped silently.
public struct Journal {
    /// One recovered journal record.
    public struct Record: Hashable, Sendable {
        public var seq: Int
        public var at: Timestamp
        public var author: String
        public var edit: Edit
    }

    let path: String
    let fs: any FileSystem

    /// A journal at a path, writing through a file-system seam.
    public init(path: String, fs: any FileSystem = PosixFileSystem()) { self.path = path; self.fs = fs }

    static let header = #"{"kind":"acumen.journal","schemaVersion":1}"# + "\n"

    /// The checksum of a record: CRC-32 of `compactEditText + ":" + seq`.
    static func checksum(edit: String, seq: Int) -> String {
        Checksum.hex(Checksum.crc32(Array((edit + ":" + String(seq)).utf8)))
    }

    /// The bytes of one record line.
    static func line(_ r: Record) -> [UInt8] {
        let editText = JSONWriter.compact(r.edit.json)
        var out: [UInt8] = []
        JSONWriter.writeCompact(.object([
            "seq": .int(r.seq), "at": .string(r.at.iso), "author": .string(r.author),
            "crc": .string(checksum(edit: editText, seq: r.seq)), "edit": r.edit.json,
        ]), into: &out)
        out.append(0x0A)
        return out
    }

    /// Appends records and fsyncs; when this returns they survive a crash.
    /// - Complexity: one `open`, one `write` and one `fsync`.
    public func append(_ records: [Record]) throws(IOFailure) {
        let existed = try fs.status(path) != nil
        let fd = try fs.open(path, flags: O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW, mode: 0o600)
        defer { fs.close(fd) }
        var bytes: [UInt8] = existed ? [] : Array(Self.header.utf8)
        for r in records { bytes += Self.line(r) }
        try AtomicFile(fs: fs).writeAll(fd, bytes, path: path)
        try fs.fsync(fd, path: path)
        if !existed { try AtomicFile(fs: fs).syncFolder(AtomicFile.folder(of: path)) }
    }

    /// Empties the journal after its edits were compacted into the main files.
    public func reset() throws(IOFailure) {
        try AtomicFile(fs: fs).replace(path, with: Array(Self.header.utf8))
    }

    /// Reads the journal. A missing file is an empty journal.
    /// - Returns: the records in order, and problems (a torn last record is a warning).
    public func read(limit: Int64 = 1 << 30) throws(IOFailure) -> (records: [Record], problems: [WorkspaceProblem]) {
        guard try fs.status(path) != nil else { return ([], []) }
        let bytes = try fs.read(path, limit: limit)
        return Self.parse(bytes)
    }

    /// Parses journal bytes; see ``read(limit:)``.
    static func parse(_ bytes: [UInt8]) -> (records: [Record], problems: [WorkspaceProblem]) {
        let file = WorkspaceFiles.journal
        var records: [Record] = []
        var problems: [WorkspaceProblem] = []
        var lines: [(start: Int, end: Int, line: Int, terminated: Bool)] = []
        var start = 0, lineNo = 1
        for k in 0..<bytes.count where bytes[k] == 0x0A {
            lines.append((start, k, lineNo, true)); start = k + 1; lineNo += 1
        }
        if start < bytes.count { lines.append((start, bytes.count, lineNo, false)) }
        var bad: [(Int, String)] = []
        var lastSeq = 0
        for (n, l) in lines.enumerated() {
            let isLast = n == lines.count - 1
            if l.start == l.end { continue }
            let value: JSONValue
            do { value = try JSONParser.parse(bytes, start: l.start, end: l.end, firstLine: l.line) } catch {
                bad.append((l.line, l.terminated ? "damaged record: \(error.message)" : "torn record (no line end)"))
                if !isLast { continue } else { break }
            }
            guard let o = value.objectValue else { bad.append((l.line, "record is not an object")); continue }
            if n == 0, o["kind"] != nil {
                if let v = o["schemaVersion"]?.intValue, v > WorkspaceFiles.schemaVersion {
                    problems.append(WorkspaceProblem(file: file, line: l.line, field: "schemaVersion",
                        message: "journal schema \(v) is newer than this Acumen supports (\(WorkspaceFiles.schemaVersion)); update Acumen"))
                    return ([], problems)
                }
                continue
            }
            var r = FieldReader(o, file: file, line: l.line)
            let seq = r.int("seq", required: true) ?? -1
            let crc = r.string("crc", required: true) ?? ""
            let at = r.timestamp("at", required: true)
            let author = r.string("author") ?? ""
            let edit = r.nested("edit", Edit.decode) ?? nil
            if let editValue = o["edit"], crc != checksum(edit: JSONWriter.compact(editValue), seq: seq) {
                bad.append((l.line, "checksum mismatch")); continue
            }
            guard r.problems.isEmpty, let at, let edit else {
                bad.append((l.line, r.problems.map(\.description).joined(separator: "; "))); continue
            }
            if seq <= lastSeq { bad.append((l.line, "sequence number \(seq) does not follow \(lastSeq)")); continue }
            lastSeq = seq
            records.append(Record(seq: seq, at: at, author: author, edit: edit))
        }
        let lastLine = lines.last(where: { $0.start < $0.end })?.line
        for (line, message) in bad {
            if line == lastLine {
                problems.append(WorkspaceProblem(file: file, line: line,
                    message: "\(message); the last record was being written during a crash and was never saved, so it is skipped",
                    severity: .warning))
            } else {
                problems.append(WorkspaceProblem(file: file, line: line, message: message + " (a record in the middle of the journal is damaged; edits after it may depend on it)"))
            }
        }
        return (records, problems)
    }
}
