/// Finds a customer's position by id: an open-addressing hash table over the ids.
///
/// Built for opening a million customers quickly: one pass of a word-wise hash (see
/// ``Checksum/fingerprint(_:)``) and linear probing into a power-of-two table of `Int32`
/// positions, several times faster than filling a `Dictionary<String, Int>`. Reads like a
/// dictionary: `index[id]` is the position or nil.
public struct CustomerIndex: Hashable, Sendable {
    /// The ids by position, repeats included so positions match the customers array.
    private var ids: [String] = []
    /// Number of distinct ids in the table.
    private var distinct = 0
    /// Slots holding a position + 1, or 0 when empty.
    private var table: [Int32] = []
    private var mask = 0

    /// An empty index.
    public init() {}

    /// Builds the index of `ids`; when an id repeats, the first position wins.
    /// - Returns: the index and the positions of the repeats.
    package static func build(_ ids: [String]) -> (index: CustomerIndex, duplicates: [Int]) {
        var index = CustomerIndex()
        index.reserve(ids.count)
        var duplicates: [Int] = []
        for id in ids where !index.append(id) { duplicates.append(index.ids.count - 1) }
        return (index, duplicates)
    }

    /// The probe table (a position + 1 per used slot, 0 when empty): for the customers' cache,
    /// which stores it so a warm open does not hash every id again.
    package var slots: [Int32] { table }

    /// An index of distinct `ids` over a probe table ``slots`` returned for the same ids (read
    /// back from a cache); nil unless the table has a power-of-two size of at least twice the
    /// ids, every entry is empty or a position, each position appears exactly once, and a
    /// sample of the ids is found at its position (so a table built by another hash is refused).
    /// - Complexity: O(table + ids / 16k) — no id is hashed but the sample.
    package init?(ids: [String], slots: [Int32]) {
        let n = ids.count, size = slots.count
        guard size >= 16, size & (size - 1) == 0, size >= 2 * n, n < Int(Int32.max) else { return nil }
        var seen = [UInt64](repeating: 0, count: n / 64 + 1)
        var used = 0
        for v in slots where v != 0 {
            guard v > 0, Int(v) <= n else { return nil }
            let p = Int(v) - 1
            let bit: UInt64 = 1 << UInt64(p & 63)
            guard seen[p >> 6] & bit == 0 else { return nil }
            seen[p >> 6] |= bit
            used += 1
        }
        guard used == n else { return nil }
        self.ids = ids; table = slots; mask = size - 1; distinct = n
        let step = max(1, n / 64)
        for p in stride(from: 0, to: n, by: step) where self[ids[p]] != p { return nil }
        if n > 0, self[ids[n - 1]] != n - 1 { return nil }
    }

    /// True when this index holds exactly `customers`' ids, in order, each once (so its
    /// ``slots`` are theirs); compares in place, allocates nothing.
    package func indexes(_ customers: CustomerList) -> Bool {
        guard ids.count == customers.count, distinct == ids.count else { return false }
        for j in 0..<customers.chunkCount {
            let base = j * CustomerList.chunkSize
            let same = customers.chunk(j).withUnsafeBufferPointer { cs in cs.indices.allSatisfy { cs[$0].id == ids[base + $0] } }
            if !same { return false }
        }
        return true
    }

    /// Number of distinct ids indexed.
    public var count: Int { distinct }

    /// The position of an id, or nil.
    public subscript(id: String) -> Int? {
        guard !table.isEmpty else { return nil }
        var slot = Self.hash(id) & mask
        while true {
            let v = table[slot]
            if v == 0 { return nil }
            if ids[Int(v) - 1] == id { return Int(v) - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Adds the id of the next position (`count of positions so far`).
    /// - Returns: false when the id is a repeat; its position then finds nothing (the first wins).
    @discardableResult
    mutating func append(_ id: String) -> Bool {
        if (ids.count + 1) * 2 > table.count { reserve(max(16, (ids.count + 1) * 2)) }
        ids.append(id)
        var slot = Self.hash(id) & mask
        while table[slot] != 0 {
            if ids[Int(table[slot]) - 1] == id { return false }
            slot = (slot + 1) & mask
        }
        table[slot] = Int32(ids.count)
        distinct += 1
        return true
    }

    /// Grows the table to hold at least `n` ids at a load factor of at most 1/2.
    private mutating func reserve(_ n: Int) {
        var size = 16
        while size < n * 2 { size <<= 1 }
        guard size > table.count else { return }
        ids.reserveCapacity(n)
        table = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (k, id) in ids.enumerated() {
            var slot = Self.hash(id) & mask
            var repeated = false
            while table[slot] != 0 {
                if ids[Int(table[slot]) - 1] == id { repeated = true; break }
                slot = (slot + 1) & mask
            }
            if !repeated { table[slot] = Int32(k + 1) }
        }
    }

    private static func hash(_ id: String) -> Int {
        var id = id
        return id.withUTF8 { Int(truncatingIfNeeded: Checksum.fingerprint(UnsafeRawBufferPointer($0))) }
    }

    public static func == (a: CustomerIndex, b: CustomerIndex) -> Bool { a.ids == b.ids }
    public func hash(into hasher: inout Hasher) { hasher.combine(ids) }
}
