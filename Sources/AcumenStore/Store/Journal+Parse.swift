import AcumenCore

/// Reading `journal.jsonl` back: records, problems with their line numbers, and how much of
/// the file is sound.
///
/// Recovery rules (docs/reliability.md, "Store"): a record is written with its line end in one
/// `write` and fsynced before it is acknowledged, so only a last line *without* its line end
/// can be a record that was being written during a crash; it is dropped with a warning. Every
/// other damage — a bad checksum, a broken record, a sequence number out of order or beyond
/// ``Journal/maxSeq`` — is an error naming the record's line, whether the record is the last
/// one or not, and the file is left as it is.
extension Journal {
    /// The largest sequence number a record (or a file's `journalSeq`) may carry: 2^53, so
    /// every reader of JSON numbers as doubles sees it exactly and `seq + 1` never overflows.
    public static let maxSeq = 1 << 53

    /// Parses journal bytes into records, problems and the length of the sound part.
    /// - Complexity: O(n) in the bytes, with no allocation per blank line.
    static func contents(_ bytes: [UInt8]) -> Contents {
        let file = WorkspaceFiles.journal
        var records: [Record] = []
        var problems: [WorkspaceProblem] = []
        var validLength = Int64(bytes.count)
        var damaged: [(line: Int, message: String, field: String?)] = []
        var lastContentLine = 0
        var lastSeq = 0
        var start = 0, lineNo = 1, first = true
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let terminated = end < bytes.count
            defer { start = end + 1; lineNo += 1 }
            if isBlank(bytes, start, end) { continue }
            let isHeaderSlot = first
            first = false
            lastContentLine = lineNo
            if !terminated {
                problems.append(WorkspaceProblem(file: file, line: lineNo,
                    message: "torn record (no line end): the last record was being written during a crash and was never acknowledged, so it is dropped",
                    severity: .warning))
                validLength = Int64(start)
                break
            }
            switch record(bytes, start, end, line: lineNo, isHeaderSlot: isHeaderSlot, after: lastSeq) {
            case .header: continue
            case .newerSchema(let problem):
                return Contents(records: [], problems: [problem], validLength: Int64(bytes.count), length: Int64(bytes.count))
            case .record(let r):
                lastSeq = r.seq
                records.append(r)
            case .damaged(let message, let field):
                damaged.append((lineNo, message, field))
            }
        }
        for d in damaged {
            let why = d.line == lastContentLine && validLength == Int64(bytes.count)
                ? "the last record is complete (it has its line end), so it may have been acknowledged; the journal is kept as it is: repair or remove the line by hand"
                : "a record in the middle of the journal is damaged; edits after it may depend on it"
            problems.append(WorkspaceProblem(file: file, line: d.line, field: d.field, message: "\(d.message) (\(why))"))
        }
        return Contents(records: records, problems: problems, validLength: validLength, length: Int64(bytes.count))
    }

    /// What one complete line holds.
    private enum Line {
        case header
        case newerSchema(WorkspaceProblem)
        case record(Record)
        case damaged(String, field: String?)
    }

    private static func isBlank(_ b: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var k = start
        while k < end {
            if b[k] != 0x20 && b[k] != 0x09 && b[k] != 0x0D { return false }
            k += 1
        }
        return true
    }

    /// Decodes one complete line.
    private static func record(_ bytes: [UInt8], _ start: Int, _ end: Int, line: Int, isHeaderSlot: Bool, after lastSeq: Int) -> Line {
        let file = WorkspaceFiles.journal
        let value: JSONValue
        do { value = try JSONParser.parse(bytes, start: start, end: end, firstLine: line) } catch {
            return .damaged("damaged record: \(error.message)", field: nil)
        }
        guard let o = value.objectValue else { return .damaged("record is not an object", field: nil) }
        if isHeaderSlot, o["kind"] != nil {
            if let v = o["schemaVersion"]?.intValue, v > WorkspaceFiles.schemaVersion {
                return .newerSchema(WorkspaceProblem(file: file, line: line, field: "schemaVersion",
                    message: "journal schema \(v) is newer than this Acumen supports (\(WorkspaceFiles.schemaVersion)); update Acumen"))
            }
            return .header
        }
        var r = FieldReader(o, file: file, line: line)
        let seq = r.int("seq", required: true, range: 1...maxSeq)
        let crc = r.string("crc", required: true) ?? ""
        let at = r.timestamp("at", required: true)
        let author = r.string("author") ?? ""
        let edit = r.nested("edit", Edit.decode) ?? nil
        if let seq, let editValue = o["edit"], crc != checksum(edit: JSONWriter.compact(editValue), seq: seq) {
            return .damaged("checksum mismatch", field: "crc")
        }
        if let p = r.problems.first { return .damaged(p.message, field: p.field) }
        guard let seq, let at, let edit else { return .damaged("incomplete record", field: nil) }
        if seq <= lastSeq { return .damaged("sequence number \(seq) does not follow \(lastSeq)", field: "seq") }
        return .record(Record(seq: seq, at: at, author: author, edit: edit, line: line))
    }
}
