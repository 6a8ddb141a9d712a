import AcumenCore
import AcumenAnalytics
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

    /// What a journal holds, and how much of it is sound.
    public struct Contents: Sendable {
        public var records: [Record]
        /// Problems found; a torn last record is a warning, a damaged middle record an error.
        public var problems: [WorkspaceProblem]
        /// Bytes up to the end of the last sound line: a torn tail is cut here before appending,
        /// so it never becomes a damaged record in the middle.
        public var validLength: Int64
        /// Size of the file as read.
        public var length: Int64
    }

    /// Appends records and fsyncs; when this returns they survive a crash.
    ///
    /// On any failure the file is cut back to its length before the call (best effort), so a
    /// failed append never leaves half a record for the next append to bury.
    /// - Parameter expectedLength: the length after the last successful append; bytes beyond
    ///   it (left by an append whose clean-up also failed) are cut before writing.
    /// - Returns: the journal's length after the append.
    /// - Complexity: one `open`, one `write` and one `fsync`.
    @discardableResult
    public func append(_ records: [Record], expectedLength: Int64? = nil) throws(IOFailure) -> Int64 {
        let existing = try fs.status(path)
        let fd = try fs.open(path, flags: O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW, mode: 0o600)
        defer { fs.close(fd) }
        var size = existing?.size ?? 0
        if let expectedLength, size != expectedLength, expectedLength <= size {
            try fs.truncate(fd, length: expectedLength, path: path)
            size = expectedLength
        }
        var bytes: [UInt8] = size == 0 ? Array(Self.header.utf8) : []
        for r in records { bytes += Self.line(r) }
        do {
            try AtomicFile(fs: fs).writeAll(fd, bytes, path: path)
            try fs.fsync(fd, path: path)
            if existing == nil { try AtomicFile(fs: fs).syncFolder(AtomicFile.folder(of: path)) }
        } catch {
            try? fs.truncate(fd, length: size, path: path)
            throw error
        }
        return size + Int64(bytes.count)
    }

    /// Empties the journal after its edits were compacted into the main files.
    /// - Returns: the journal's new length.
    @discardableResult
    public func reset() throws(IOFailure) -> Int64 {
        try AtomicFile(fs: fs).replace(path, with: Array(Self.header.utf8))
        return Int64(Self.header.utf8.count)
    }

    /// Cuts a torn tail off the journal (after a crash) and fsyncs it.
    public func cut(to length: Int64) throws(IOFailure) {
        let fd = try fs.open(path, flags: O_WRONLY | O_NOFOLLOW, mode: 0)
        defer { fs.close(fd) }
        try fs.truncate(fd, length: length, path: path)
        try fs.fsync(fd, path: path)
    }

    /// Reads the journal. A missing file is an empty journal.
    /// - Returns: the records in order, and problems (a torn last record is a warning).
    public func read(limit: Int64 = 1 << 30) throws(IOFailure) -> (records: [Record], problems: [WorkspaceProblem]) {
        let c = try load(limit: limit)
        return (c.records, c.problems)
    }

    /// Reads the journal with the length of its sound part. A missing file is empty.
    public func load(limit: Int64 = 1 << 30) throws(IOFailure) -> Contents {
        guard try fs.status(path) != nil else { return Contents(records: [], problems: [], validLength: 0, length: 0) }
        return Self.contents(try fs.read(path, limit: limit))
    }

    /// Parses journal bytes; see ``read(limit:)``.
    static func parse(_ bytes: [UInt8]) -> (records: [Record], problems: [WorkspaceProblem]) {
        let c = contents(bytes)
        return (c.records, c.problems)
    }

    /// Parses journal bytes into records, problems and the length of the sound part.
    static func contents(_ bytes: [UInt8]) -> Contents {
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
            if !l.terminated {
                // Records are written with their line end in one write and fsynced after it, so
                // a record without one was never acknowledged.
                bad.append((l.line, "torn record (no line end)")); break
            }
            guard let o = value.objectValue else { bad.append((l.line, "record is not an object")); continue }
            if n == 0, o["kind"] != nil {
                if let v = o["schemaVersion"]?.intValue, v > WorkspaceFiles.schemaVersion {
                    problems.append(WorkspaceProblem(file: file, line: l.line, field: "schemaVersion",
                        message: "journal schema \(v) is newer than this Acumen supports (\(WorkspaceFiles.schemaVersion)); update Acumen"))
                    return Contents(records: [], problems: problems, validLength: Int64(bytes.count), length: Int64(bytes.count))
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
        let last = lines.last(where: { $0.start < $0.end })
        let lastLine = last?.line
        var validLength = Int64(bytes.count)
        for (line, message) in bad {
            if line == lastLine {
                problems.append(WorkspaceProblem(file: file, line: line,
                    message: "\(message); the last record was being written during a crash and was never saved, so it is skipped",
                    severity: .warning))
                validLength = Int64(last?.start ?? 0)
            } else {
                problems.append(WorkspaceProblem(file: file, line: line, message: message + " (a record in the middle of the journal is damaged; edits after it may depend on it)"))
            }
        }
        return Contents(records: records, problems: problems, validLength: validLength, length: Int64(bytes.count))
    }
}
