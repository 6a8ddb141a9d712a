/// The working index of an incremental search: the positions in the accounts view whose rows
/// match the needle typed so far.
///
/// A keystroke that extends the needle (the new needle contains the old one, so every row it
/// matches matched before) tests only the previous matches; `n` and `N` with the same needle
/// test nothing. Dropped whenever the view changes (``AccountsState/view``'s observer).
public struct SearchMatches: Hashable, Sendable {
    /// The folded needle (``TextFolding`` UTF-8 bytes).
    public let needle: [UInt8]
    /// Matching positions in the view, ascending.
    public let positions: [Int32]

    /// The matches of `needle` in `view`, narrowing `previous` when it can.
    /// - Complexity: O(candidates): the previous matches when the needle extends theirs, else
    ///   the whole view.
    public static func find(_ needle: [UInt8], view: [Int32], table: AccountTable, previous: SearchMatches?) -> SearchMatches {
        if let previous, previous.needle == needle { return previous }
        let matches = table.searchKeys.matcher(needle)
        if let previous, contains(needle, previous.needle) {
            return SearchMatches(needle: needle, positions: previous.positions.filter { matches(Int(view[Int($0)])) })
        }
        var out: [Int32] = []
        if let bits = table.searchKeys.exactBitmap(needle) {
            // One byte: its bitmap alone, in one tight pass over the view.
            view.withUnsafeBufferPointer { v in
                bits.withUnsafeBufferPointer { b in
                    for k in 0..<v.count {
                        let r = Int(v[k])
                        if b[r >> 6] & (UInt64(1) << UInt64(r & 63)) != 0 { out.append(Int32(k)) }
                    }
                }
            }
            return SearchMatches(needle: needle, positions: out)
        }
        for k in view.indices where matches(Int(view[k])) { out.append(Int32(k)) }
        return SearchMatches(needle: needle, positions: out)
    }

    /// The first match at or after `start` (step 1) or at or before it (step −1), wrapping.
    /// - Complexity: O(log matches).
    public func next(from start: Int, step: Int, count: Int) -> Int? {
        guard !positions.isEmpty, count > 0 else { return nil }
        let s = ((start % count) + count) % count
        // First index whose position is ≥ s.
        var lo = 0, hi = positions.count
        while lo < hi { let mid = (lo + hi) / 2; if Int(positions[mid]) < s { lo = mid + 1 } else { hi = mid } }
        if step >= 0 { return Int(positions[lo < positions.count ? lo : 0]) }
        if lo < positions.count, Int(positions[lo]) == s { return s }
        return Int(positions[lo > 0 ? lo - 1 : positions.count - 1])
    }

    /// The "3 of 41" of the status line for the cursor's position in the view.
    public func hits(view: [Int32], cursor: Int) -> SearchHits {
        var lo = 0, hi = positions.count
        while lo < hi { let mid = (lo + hi) / 2; if Int(positions[mid]) < cursor { lo = mid + 1 } else { hi = mid } }
        let on = lo < positions.count && Int(positions[lo]) == cursor
        return SearchHits(total: positions.count, row: on ? view[cursor] : nil, ordinal: on ? lo + 1 : 0)
    }

    /// Whether `haystack` contains `needle` as a contiguous run of bytes.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        if needle.isEmpty { return true }
        for s in 0...(haystack.count - needle.count) where haystack[s] == needle[0] {
            if haystack[s..<(s + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
