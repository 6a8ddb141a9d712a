import AcumenCore
import AcumenAnalytics
#if canImport(Glibc)
import Glibc
#endif
/// Splits a JSON Lines byte range into chunks at line boundaries, to process them on all cores.
///
/// Each chunk knows the line number it starts at, so errors keep exact file positions; results
/// come back in file order. Blank lines and lines too short to hold a record are only counted,
/// never given a slot, so memory stays proportional to the records, not to the line ends
/// (an 8 MB file of blank lines must not cost 250 bytes a line).
enum ParallelLines {
    /// A chunk of whole lines: byte range, the 1-based number of its first line, and how many
    /// lines it holds (blank ones included).
    struct Chunk: Sendable {
        var start: Int
        var end: Int
        var firstLine: Int
        var lineCount = 0
    }

    /// Cuts `bytes[start..<end]` into at most `count` chunks of whole lines, their lines
    /// counted on all cores.
    static func chunks(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, firstLine: Int, count: Int) -> [Chunk] {
        var out = cuts(bytes, start: start, end: end, count: count)
        let counts = Parallel.map(out.count) { k -> Int in
            let c = out[k]
            guard let base = bytes.baseAddress else { return 0 }
            var n = 0, at = c.start
            while at < c.end, let hit = memchr(base + at, 0x0A, c.end - at) {
                n += 1
                at = UnsafePointer(base).distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            }
            if c.end > c.start, bytes[c.end - 1] != 0x0A { n += 1 }  // last line without a line end
            return n
        }
        var line = firstLine
        for k in out.indices {
            out[k].firstLine = line
            out[k].lineCount = counts[k]
            line += counts[k]
        }
        return out
    }

    /// Cuts `bytes[start..<end]` into at most `count` chunks of whole lines without counting
    /// their lines (``Chunk/firstLine`` is 0): for a pass that reports no line numbers.
    static func cuts(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, count: Int) -> [Chunk] {
        let n = max(1, min(count, (end - start) / (1 << 20) + 1))
        var out: [Chunk] = []
        var from = start
        for k in 1...n {
            var p = k == n ? end : max(from, start + (end - start) * k / n)
            while p < end, p > start, bytes[p - 1] != 0x0A { p += 1 }
            if p > from { out.append(Chunk(start: from, end: p, firstLine: 0)) }
            from = p
        }
        return out
    }

    /// The number of lines of a chunk that ``forEachLine(_:_:minimumLength:_:)`` hands out
    /// with a slot (non-blank and at least `minimumLength` bytes long).
    static func recordCount(_ bytes: UnsafeBufferPointer<UInt8>, _ chunk: Chunk, minimumLength: Int) -> Int {
        var n = 0
        forEachLine(bytes, chunk, minimumLength: minimumLength) { _, slot in if slot != nil { n += 1 } }
        return n
    }

    /// Calls `body` for every non-blank line of a chunk (a `\r\n` ending is trimmed) with its
    /// slot: the ordinal among the chunk's lines of at least `minimumLength` bytes, or nil for a
    /// shorter line (which cannot be a record and gets no slot).
    static func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, _ chunk: Chunk, minimumLength: Int = 0,
                            _ body: (JSONLines.Line, Int?) -> Void) {
        var start = chunk.start, number = chunk.firstLine, ordinal = 0
        while start < chunk.end {
            var end = start
            while end < chunk.end && bytes[end] != 0x0A { end += 1 }
            var e = end
            if e > start && bytes[e - 1] == 0x0D { e -= 1 }
            var blank = true
            for k in start..<e where bytes[k] != 0x20 && bytes[k] != 0x09 { blank = false; break }
            if !blank {
                if e - start >= minimumLength {
                    body(JSONLines.Line(start: start, end: e, number: number), ordinal)
                    ordinal += 1
                } else {
                    body(JSONLines.Line(start: start, end: e, number: number), nil)
                }
            }
            start = end + 1
            number += 1
        }
    }
}
