import AcumenCore
#if canImport(Glibc)
import Glibc
#endif

/// A file read in blocks of whole lines through a reused buffer, instead of whole: each block
/// ends at the last line feed read so far, and the partial line after it is carried to the
/// front of the next block (a buffer grows only for a line longer than a block). Each block
/// names the bytes read for it (``Block/fresh``), so the caller can fingerprint the file on
/// the way (``FingerprintStream``) beside parsing it; ``readAhead()`` reads the next block into
/// a second buffer while the current one is parsed.
final class LineBlocks {
    /// Bytes read at a time at 1M/10M: 64 MB holds ~750,000 transactions, enough to keep both
    /// cores busy, while the file itself (856 MB) is never held.
    static let defaultBlockBytes = 64 << 20

    /// One block: its lines are `buffer[0..<end]` (the last one may lack its line feed only at
    /// the end of the file); `fresh` are the bytes read for it, in file order after the bytes
    /// of earlier blocks' `fresh` ranges.
    struct Block {
        var end: Int
        var fresh: Range<Int>
    }

    private let reader: any FileReader
    private let path: String
    /// The current block's buffer; valid bytes are `0..<filled`.
    private(set) var buffer: [UInt8]
    private var filled = 0
    /// End of the block last handed out (its tail is carried over on the next call).
    private var handedOut = 0
    private var read = 0
    /// The second buffer, and the block read ahead into it (with its `filled`), if any.
    private var spare: [UInt8] = []
    private var ahead: Result<(block: Block, filled: Int)?, IOFailure>?

    /// The file's size as opened.
    var size: Int { reader.size }

    init(_ reader: any FileReader, path: String, blockBytes: Int = defaultBlockBytes) {
        self.reader = reader
        self.path = path
        buffer = [UInt8](repeating: 0, count: max(16, min(blockBytes, reader.size + 1)))
    }

    /// The next block, or nil at the end of the file.
    /// - Throws: a read error, or `EIO` when the file ends before its size as opened (it
    ///   changed while being read).
    func next() throws(IOFailure) -> Block? {
        if let ahead {
            self.ahead = nil
            swap(&buffer, &spare)
            guard let got = try ahead.get() else { filled = 0; handedOut = 0; return nil }
            filled = got.filled
            handedOut = got.block.end
            return got.block
        }
        // Carry the partial line after the last block (it holds no line feed) to the front.
        let tail = filled - handedOut
        if tail > 0, handedOut > 0 {
            let from = handedOut
            buffer.withUnsafeMutableBytes { raw in
                if let base = raw.baseAddress { memmove(base, base + from, tail) }
            }
        }
        let got = try fill(&buffer, from: tail)
        filled = got?.filled ?? 0
        handedOut = got?.block.end ?? 0
        return got?.block
    }

    /// Reads the block after the current one into the second buffer; the next ``next()``
    /// hands it out. Safe beside readers of ``buffer`` (it only reads the current block's tail).
    func readAhead() {
        if spare.count < buffer.count { spare = [UInt8](repeating: 0, count: buffer.count) }
        let tail = filled - handedOut
        if tail > 0 {
            let from = handedOut
            buffer.withUnsafeBytes { source in
                spare.withUnsafeMutableBytes { target in
                    if let s = source.baseAddress, let t = target.baseAddress { memcpy(t, s + from, tail) }
                }
            }
        }
        do { ahead = .success(try fill(&spare, from: tail)) } catch { ahead = .failure(error) }
    }

    /// Reads into `target` after its first `start` bytes (the carried line) up to a block of
    /// whole lines; nil at the end of the file.
    private func fill(_ target: inout [UInt8], from start: Int) throws(IOFailure) -> (block: Block, filled: Int)? {
        var filled = start
        while true {
            if filled == target.count { target += [UInt8](repeating: 0, count: target.count) }  // a line longer than a block
            let from = filled
            let reader = self.reader
            let n = try target.withUnsafeMutableBytes { raw in
                Result { () throws(IOFailure) in try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[from...])) }
            }.get()
            filled += n
            read += n
            let atEnd = n == 0 || read == reader.size
            if atEnd, read != reader.size {
                throw IOFailure(operation: "read", path: path, code: EIO, reason: "the file changed while it was being read")
            }
            if !atEnd && filled < target.count { continue }
            var end = filled
            if !atEnd {
                while end > start, target[end - 1] != 0x0A { end -= 1 }
                if end == start { continue }  // no line end yet: one line longer than the buffer, read on
            }
            if end == 0 { return nil }
            return (Block(end: end, fresh: start..<filled), filled)
        }
    }
}
