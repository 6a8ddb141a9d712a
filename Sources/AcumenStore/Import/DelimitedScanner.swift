import AcumenCore
import AcumenAnalytics
/// Splits delimited text (CSV, TSV, semicolon, whitespace-separated) into records, byte by byte.
///
/// RFC 4180 quoting: a field in double quotes may hold the delimiter, line breaks and doubled
/// quotes (`""` → `"`). Line ends may be LF, CRLF or CR, mixed. Blank lines are skipped.
/// Unquoted fields are trimmed of surrounding spaces. In ``ImportDelimiter/whitespace`` mode
/// any run of spaces and tabs separates fields and leading or trailing runs are ignored.
/// - Complexity: O(n) in the file size; no allocation per field except for quoted fields
///   with doubled quotes, which are copied to a scratch buffer.
struct DelimitedScanner {
    let text: SourceText
    let delimiter: ImportDelimiter

    /// Calls `body` for each record until it returns false or the file ends.
    /// Malformed quoting is reported to `problems`; an unterminated quote stops the scan.
    func forEachRecord(problems: inout ProblemList, progress: ((Int, Int) -> Void)? = nil, _ body: (RecordView) -> Bool) {
        let whitespace: Bool, d: UInt8
        switch delimiter {
        case .byte(let b): whitespace = false; d = b
        case .whitespace: whitespace = true; d = 0x20
        case .jsonLines: return
        }
        let trimSpaces = !whitespace && d != 0x20
        var fields: [FieldSpan] = []
        fields.reserveCapacity(16)
        var scratch: [UInt8] = []
        text.bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            var i = text.start
            var line = 1
            var nextProgress = i + (1 << 22)
            @inline(__always) func isEOL(_ c: UInt8) -> Bool { c == 0x0A || c == 0x0D }
            @inline(__always) func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
            @inline(__always) func skipEOL() {
                if i < n, buf[i] == 0x0D { i += 1; if i < n, buf[i] == 0x0A { i += 1 } } else if i < n, buf[i] == 0x0A { i += 1 }
                line += 1
            }
            records: while i < n {
                if let progress, i >= nextProgress { progress(i, n); nextProgress = i + (1 << 22) }
                // Blank (or whitespace-only) lines are skipped.
                var j = i
                while j < n, isBlank(buf[j]) { j += 1 }
                if j >= n { break }
                if isEOL(buf[j]) { i = j; skipEOL(); continue }
                let recordStart = i, recordLine = line
                if whitespace { i = j }
                fields.removeAll(keepingCapacity: true)
                scratch.removeAll(keepingCapacity: true)
                var bad = false
                fieldLoop: while true {
                    if trimSpaces { while i < n, buf[i] == 0x20 { i += 1 } }
                    if i < n, buf[i] == UInt8(ascii: "\"") {
                        let quote = i, quoteLine = line
                        i += 1
                        var segment = i, copied = false
                        let scratchStart = scratch.count
                        while true {
                            while i < n, buf[i] != UInt8(ascii: "\"") {
                                if buf[i] == 0x0A || (buf[i] == 0x0D && (i + 1 >= n || buf[i + 1] != 0x0A)) { line += 1 }
                                i += 1
                            }
                            if i >= n {
                                let (l, c) = text.locate(quote, recordStart: recordStart, line: recordLine)
                                problems.add(line: l, column: c, "the quote opened here (line \(quoteLine)) is never closed")
                                return
                            }
                            if i + 1 < n, buf[i + 1] == UInt8(ascii: "\"") {
                                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[segment...i]))
                                copied = true; i += 2; segment = i
                                continue
                            }
                            break
                        }
                        if copied {
                            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[segment..<i]))
                            fields.append(FieldSpan(start: scratchStart, end: scratch.count, inScratch: true, sourceOffset: quote))
                        } else {
                            fields.append(FieldSpan(start: segment, end: i, inScratch: false, sourceOffset: quote))
                        }
                        i += 1
                        if trimSpaces || whitespace { while i < n, buf[i] == 0x20 || (whitespace && buf[i] == 0x09) { i += 1 } }
                        if i < n, !isEOL(buf[i]), whitespace ? false : buf[i] != d {
                            let (l, c) = text.locate(i, recordStart: recordStart, line: recordLine)
                            problems.add(line: l, column: c, "unexpected text after a closing quote (a quote inside a quoted field must be doubled: \"\")")
                            bad = true
                            while i < n, !isEOL(buf[i]) { i += 1 }
                            break fieldLoop
                        }
                    } else {
                        let s = i
                        if whitespace {
                            while i < n, !isBlank(buf[i]), !isEOL(buf[i]) { i += 1 }
                        } else {
                            while i < n, buf[i] != d, !isEOL(buf[i]) { i += 1 }
                        }
                        var e = i
                        if trimSpaces { while e > s, buf[e - 1] == 0x20 { e -= 1 } }
                        fields.append(FieldSpan(start: s, end: e, inScratch: false, sourceOffset: s))
                    }
                    if whitespace {
                        while i < n, isBlank(buf[i]) { i += 1 }
                        if i >= n || isEOL(buf[i]) { break fieldLoop }
                    } else {
                        guard i < n, buf[i] == d else { break fieldLoop }
                        i += 1
                    }
                }
                skipEOL()
                if bad { continue records }
                let keepGoing = scratch.withUnsafeBufferPointer { sc in
                    body(RecordView(file: buf, scratch: sc, fields: fields, line: recordLine, start: recordStart))
                }
                if !keepGoing { break }
            }
            progress?(n, n)
        }
    }
}
