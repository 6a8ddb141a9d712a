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
/// compact edit text followed by the sequence number. On recovery only a torn last record
/// (one without its line end: the crash happened while writing it, so it was never
/// acknowledged) is dropped, with a warning; any other damage is an error naming the line.
public struct Journal {
    /// One recovered journal record.
    public struct Record: Hashable, Sendable {
        public var seq: Int
        public var at: Timestamp
        public var author: String
        public var edit: Edit
        /// The 1-based line the record was read from (0 for a record not read from a file).
        public var line: Int = 0

        /// A record.
        public init(seq: Int, at: Timestamp, author: String, edit: Edit, line: Int = 0) {
            self.seq = seq; self.at = at; self.author = author; self.edit = edit; self.line = line
        }

        /// Records are equal when their content is; where they were read from does not count.
        public static func == (a: Record, b: Record) -> Bool {
            a.seq == b.seq && a.at == b.at && a.author == b.author && a.edit == b.edit
        }

        public func hash(into h: inout Hasher) { h.combine(seq); h.combine(at); h.combine(author); h.combine(edit) }
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
        /// Problems found; a torn last record is a warning, any other damage an error.
        public var problems: [WorkspaceProblem]
        /// Bytes up to the end of the last sound line: a torn tail is cut here before appending,
        /// so it never becomes a damaged record in the middle.
        public var validLength: Int64
        /// Size of the file as read.
        public var length: Int64
    }

    /// Where the journal ended after this process last wrote it: its length and inode.
    public struct Position: Hashable, Sendable {
        public var length: Int64
        public var inode: UInt64
    }

    /// The journal's current position, nil when it does not exist.
    public func position() throws(IOFailure) -> Position? {
        try fs.status(path).map { Position(length: $0.size, inode: $0.inode) }
    }

    /// Appends records and fsyncs; when this returns they survive a crash.
    ///
    /// The file is opened with `O_APPEND` and never cut back past bytes this call did not
    /// write: when it no longer ends where this process last left it (`expected`), another
    /// writer appended to it or replaced it, and the append is refused (``changedBehindOurBack``)
    /// without touching it. A failed write is rolled back only while the file holds nothing
    /// but what this call added.
    /// - Parameters:
    ///   - expected: where the journal ended after this process last wrote it (nil: unknown,
    ///     the file is only appended to).
    ///   - ownTail: bytes beyond `expected.length` that a failed append of this process left
    ///     behind (its roll-back failed too); they are cut first, and only when the file ends
    ///     exactly there.
    /// - Returns: the journal's position after the append.
    /// - Complexity: one `open`, one `write` and one `fsync`.
    @discardableResult
    public func append(_ records: [Record], expected: Position? = nil, ownTail: Int64 = 0) throws(IOFailure) -> Position {
        let existing = try fs.status(path)
        if let expected {
            guard let existing, existing.inode == expected.inode,
                  existing.size == expected.length || (ownTail > 0 && existing.size == expected.length + ownTail) else {
                throw IOFailure(operation: "append to", path: path, code: Self.changedBehindOurBack)
            }
        }
        let fd = try fs.open(path, flags: O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW, mode: 0o600)
        defer { fs.close(fd) }
        var inode = existing?.inode ?? 0  // appending never changes it
        if existing == nil { inode = try fs.status(path)?.inode ?? 0 }
        var size = existing?.size ?? 0
        if let expected, size != expected.length {
            try fs.truncate(fd, length: expected.length, path: path)  // our own failed append, checked above
            size = expected.length
        }
        var bytes: [UInt8] = size == 0 ? Array(Self.header.utf8) : []
        for r in records { bytes += Self.line(r) }
        do {
            try AtomicFile(fs: fs).writeAll(fd, bytes, path: path)
            try fs.fsync(fd, path: path)
            if existing == nil { try AtomicFile(fs: fs).syncFolder(AtomicFile.folder(of: path)) }
        } catch {
            if let now = try? fs.status(path), now.size >= size, now.size <= size + Int64(bytes.count) {
                try? fs.truncate(fd, length: size, path: path)
            }
            throw error
        }
        return Position(length: size + Int64(bytes.count), inode: inode)
    }

    /// The `errno` reported when the journal changed behind this process's back (`ESTALE`).
    public static let changedBehindOurBack: Int32 = ESTALE

    /// Empties the journal after its edits were compacted into the main files.
    /// - Returns: the journal's new position.
    @discardableResult
    public func reset() throws(IOFailure) -> Position {
        try AtomicFile(fs: fs).replace(path, with: Array(Self.header.utf8))
        return Position(length: Int64(Self.header.utf8.count), inode: (try? fs.status(path))?.inode ?? 0)
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
}
