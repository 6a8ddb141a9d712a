/// Which rows' search keys contain each byte: one bitmap of rows per byte value, built with the
/// search keys (``AccountTable/SearchKeys``) off the input path.
///
/// A search or filter keystroke first tests a row's bits for every byte of the needle (one load
/// from a 125 KB bitmap per byte at a million rows) and compares bytes only for rows that have
/// them all; a needle of one byte — the first keystroke — is decided by its bitmap alone.
/// Indexed: ASCII bytes and UTF-8 lead bytes (`0xC0...`); continuation bytes are not (a needle
/// byte that is not indexed rules nothing out). Memory: n/8 bytes per byte value present
/// (a million rows, ~50 values: ~6 MB).
public struct SearchByteIndex: Sendable {
    /// The bitmap of each indexed byte value present, as 64-bit words (row `r` is bit `r & 63` of
    /// word `r >> 6`); empty for a value no row has.
    private var bits: [[UInt64]]
    private let words: Int

    /// Whether a byte value has a bitmap (present or known absent).
    @inline(__always)
    static func isIndexed(_ b: UInt8) -> Bool { b < 0x80 || b >= 0xC0 }

    /// An index of `rows` rows, bits set by ``add(_:row:)``.
    init(rows: Int) {
        words = (rows + 63) >> 6
        bits = Array(repeating: [], count: 256)
    }

    /// Marks that row `row`'s key contains the bytes `key`.
    mutating func add(_ key: UnsafeBufferPointer<UInt8>, row: Int) {
        let w = row >> 6, bit = UInt64(1) << UInt64(row & 63)
        for b in key where Self.isIndexed(b) {
            let v = Int(b)
            if bits[v].isEmpty { bits[v] = [UInt64](repeating: 0, count: words) }
            bits[v][w] |= bit
        }
    }

    /// The bitmaps a key must have every bit of to contain `needle`; nil when no key can contain it
    /// (an indexed byte no row has).
    func required(_ needle: [UInt8]) -> [[UInt64]]? {
        var seen = Set<UInt8>()
        var out: [[UInt64]] = []
        for b in needle where Self.isIndexed(b) && seen.insert(b).inserted {
            if bits[Int(b)].isEmpty { return nil }
            out.append(bits[Int(b)])
        }
        return out
    }

    /// Whether row `row` has every bit of `maps`.
    @inline(__always)
    static func has(_ maps: [[UInt64]], _ row: Int) -> Bool {
        let w = row >> 6, bit = UInt64(1) << UInt64(row & 63)
        for m in maps where m[w] & bit == 0 { return false }
        return true
    }
}
