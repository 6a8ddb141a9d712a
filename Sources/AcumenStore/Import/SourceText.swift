import AcumenCore
import AcumenAnalytics
/// The bytes of an input file with its encoding checked and a way to turn offsets into
/// line and column numbers for messages.
///
/// UTF-8 with or without a byte order mark is accepted. UTF-16 (with a BOM, or detected by
/// its zero bytes) and bytes that are not valid UTF-8 (Latin-1, Windows-1252) are refused with
/// a message that names the line and column and says how to convert the file.
struct SourceText {
    /// The file name used in messages.
    let file: String
    /// The whole file.
    let bytes: [UInt8]
    /// Offset of the first byte after a UTF-8 BOM (0 or 3).
    let start: Int

    /// Checks the encoding.
    /// - Throws: ``ImportError/invalid(_:total:)`` naming the file, line and column.
    init(file: String, bytes: [UInt8]) throws(ImportError) {
        self.file = file
        self.bytes = bytes
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw Self.refuse(file, 1, 1, "the file is UTF-16 (it starts with the byte order mark \(bytes[0] == 0xFF ? "FF FE" : "FE FF")); save it as UTF-8, e.g. `iconv -f UTF-16 -t UTF-8 IN > OUT`")
        }
        start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let probe = bytes[start..<min(bytes.count, start + 64)]
        if probe.count >= 4, probe.filter({ $0 == 0 }).count * 4 >= probe.count {
            throw Self.refuse(file, 1, 1, "the file looks like UTF-16 or another two-byte encoding (it is full of zero bytes); save it as UTF-8")
        }
        if let bad = Self.firstInvalidUTF8(bytes, from: start) {
            let (line, column) = Self.locate(bytes, offset: bad, from: start, line: 1)
            throw Self.refuse(file, line, column, "byte 0x" + Self.hexByte(bytes[bad]) + " is not valid UTF-8; the file looks Latin-1 or Windows-1252 encoded; convert it, e.g. `iconv -f WINDOWS-1252 -t UTF-8 IN > OUT`")
        }
    }

    private static func refuse(_ file: String, _ line: Int, _ column: Int, _ message: String) -> ImportError {
        .invalid([WorkspaceProblem(file: file, line: line, column: column, message: message)], total: 1)
    }

    /// Offset of the first byte that starts an invalid UTF-8 sequence, or nil.
    /// - Complexity: O(n); ASCII runs are skipped eight bytes at a time.
    static func firstInvalidUTF8(_ bytes: [UInt8], from: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buf -> Int? in
            guard let base = buf.baseAddress else { return nil }
            let n = buf.count
            var i = from
            while i < n {
                if i + 8 <= n {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
                }
                let b = buf[i]
                if b < 0x80 { i += 1; continue }
                let need: Int, minScalar: UInt32
                var scalar: UInt32
                switch b {
                case 0xC2...0xDF: need = 1; scalar = UInt32(b & 0x1F); minScalar = 0x80
                case 0xE0...0xEF: need = 2; scalar = UInt32(b & 0x0F); minScalar = 0x800
                case 0xF0...0xF4: need = 3; scalar = UInt32(b & 0x07); minScalar = 0x10000
                default: return i
                }
                guard i + need < n else { return i }
                for k in 1...need {
                    let c = buf[i + k]
                    guard c & 0xC0 == 0x80 else { return i }
                    scalar = scalar << 6 | UInt32(c & 0x3F)
                }
                if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
                i += need + 1
            }
            return nil
        }
    }

    /// 1-based line and column (in Unicode scalars) of `offset`, counting from a known line start.
    static func locate(_ bytes: [UInt8], offset: Int, from: Int, line: Int) -> (line: Int, column: Int) {
        var line = line, column = 1
        var i = from
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1; column = 1
            } else if b == 0x0D {
                // CR of a CRLF pair: the LF ends the line.
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    /// Two uppercase hex digits.
    static func hexByte(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String(digits[Int(b >> 4)]) + String(digits[Int(b & 15)])
    }

    /// Line and column of `offset`, counting from a record that starts at `recordStart` on `line`.
    func locate(_ offset: Int, recordStart: Int, line: Int) -> (line: Int, column: Int) {
        var s = recordStart
        // Walk back to the start of the record's first line, so columns count from the line start.
        while s > start, bytes[s - 1] != 0x0A, bytes[s - 1] != 0x0D { s -= 1 }
        return Self.locate(bytes, offset: offset, from: s, line: line)
    }
}
