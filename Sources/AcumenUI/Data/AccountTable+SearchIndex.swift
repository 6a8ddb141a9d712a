extension AccountTable {
    /// The folded "name id" of every row as UTF-8, back to back, for search and filter without
    /// re-folding or decoding strings per keypress: row `i` is `bytes[start[i]..<start[i + 1]]`.
    ///
    /// Built once per table on first use — or earlier, off the input path, when the runtime
    /// warms it after the first frame (``AccountTable/warmSearchIndex()``) — and shared by every
    /// copy of the table.
    public struct SearchKeys: Sendable {
        public private(set) var bytes: [UInt8] = []
        public private(set) var start: [Int] = [0]
        /// Which rows contain each byte, so a keystroke compares bytes only for candidates.
        public private(set) var index = SearchByteIndex(rows: 0)

        /// The keys of every row of `names` and `ids`.
        /// - Complexity: O(total length of the names and ids).
        init(names: TextColumn, ids: TextColumn) {
            let n = min(names.count, ids.count)
            bytes.reserveCapacity(n * 24)
            start.reserveCapacity(n + 1)
            for i in 0..<n {
                AccountTable.appendFolded(names[i], to: &bytes)
                bytes.append(0x20)
                AccountTable.appendFolded(ids[i], to: &bytes)
                start.append(bytes.count)
            }
            var index = SearchByteIndex(rows: n)
            bytes.withUnsafeBufferPointer { b in
                for i in 0..<n { index.add(UnsafeBufferPointer(rebasing: b[start[i]..<start[i + 1]]), row: i) }
            }
            self.index = index
        }

        /// The rows whose key contains `needle` as a bitmap, when one bitmap decides it (a needle
        /// of one indexed byte: the first keystroke); nil otherwise.
        public func exactBitmap(_ needle: [UInt8]) -> [UInt64]? {
            guard needle.count == 1, SearchByteIndex.isIndexed(needle[0]) else { return nil }
            return index.required(needle)?.first ?? [UInt64](repeating: 0, count: (start.count + 62) >> 6)
        }

        /// A test of whether a row's key contains `needle` (the same answer as ``contains(_:_:)``):
        /// the needle's byte bitmaps first, bytes compared only for rows that have them all, and
        /// nothing compared for a one-byte needle.
        public func matcher(_ needle: [UInt8]) -> (Int) -> Bool {
            guard !needle.isEmpty else { return { _ in true } }
            guard let maps = index.required(needle) else { return { _ in false } }
            if needle.count == 1, maps.count == 1 {
                let m = maps[0]
                return { r in m[r >> 6] & (UInt64(1) << UInt64(r & 63)) != 0 }
            }
            return { r in SearchByteIndex.has(maps, r) && self.contains(r, needle) }
        }

        /// Whether row `i`'s folded name or id contains `needle` (``TextFolding`` UTF-8 bytes).
        /// - Complexity: O(length of the key × length of the needle) worst case, usually linear.
        public func contains(_ i: Int, _ needle: [UInt8]) -> Bool {
            guard let first = needle.first else { return true }
            let end = start[i + 1] - needle.count
            var k = start[i]
            while k <= end {
                if bytes[k] == first {
                    var j = 1
                    while j < needle.count, bytes[k + j] == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
                k += 1
            }
            return false
        }
    }

    /// The search keys of every row (built on first use, then shared).
    public var searchKeys: SearchKeys { searchCache.get { SearchKeys(names: names, ids: ids) } }

    /// Builds the search keys now if they are not built yet (the runtime calls this on a
    /// background queue after the first frame, so the first search keystroke does not pay).
    public func warmSearchIndex() { _ = searchKeys }

    /// Computes the owner and tag codes now if they are not yet (the runtime calls this on a
    /// background queue after the first frame, before a sort or filter by them needs them).
    public func warmCodes() {
        _ = owners.coded
        _ = tagSets.coded
    }

    /// Identifies the search-key cache (a new table has a new one).
    public var searchCacheID: ObjectIdentifier { ObjectIdentifier(searchCache) }

    /// Whether the search keys are built.
    public var isSearchIndexBuilt: Bool { searchCache.value != nil }

    /// Whether row `i`'s folded name or id contains `needle` (``TextFolding`` UTF-8 bytes).
    /// Loops over many rows take ``searchKeys`` once instead.
    public func searchKey(_ i: Int, contains needle: [UInt8]) -> Bool { searchKeys.contains(i, needle) }
}
