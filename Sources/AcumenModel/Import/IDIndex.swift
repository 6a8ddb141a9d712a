/// Maps customer id bytes to dense indices (0, 1, 2 … in order of first appearance) without
/// creating a `String` per lookup.
///
/// Open addressing with linear probing over a power-of-two table kept at most half full;
/// ids live back to back in one byte arena. A one-entry cache answers the common case of
/// consecutive rows of the same customer with a single comparison.
/// - Complexity: expected O(length of the id) per lookup.
struct IDIndex {
    private var arena: [UInt8] = []
    private var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    private var slots: [Int32]
    private var mask: Int
    private var lastIndex: Int32 = -1

    /// Number of distinct ids.
    var count: Int { hashes.count }

    /// An empty index sized for about `capacity` ids.
    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The bytes of id `k`.
    func bytes(_ k: Int) -> ArraySlice<UInt8> { arena[offsets[k]..<offsets[k + 1]] }

    /// The id `k` as text.
    func string(_ k: Int) -> String { String(decoding: bytes(k), as: UTF8.self) }

    /// All ids as text, in index order.
    var strings: [String] { (0..<count).map(string) }

    @inline(__always)
    private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for c in b { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3 }
        return h ^ (h >> 29)
    }

    @inline(__always)
    private func equals(_ k: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = offsets[k], e = offsets[k + 1]
        guard e - s == b.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            for j in 0..<b.count where a[s + j] != b[j] { return false }
            return true
        }
    }

    /// The index of an id, adding it when new; `isNew` tells which.
    @inline(__always)
    mutating func index(of b: UnsafeBufferPointer<UInt8>) -> (index: Int32, isNew: Bool) {
        if lastIndex >= 0, equals(Int(lastIndex), b) { return (lastIndex, false) }
        let h = Self.hash(b)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = slots[slot]
            if k < 0 { break }
            if hashes[Int(k)] == h, equals(Int(k), b) { lastIndex = k; return (k, false) }
            slot = (slot + 1) & mask
        }
        let k = Int32(count)
        arena.append(contentsOf: b)
        offsets.append(arena.count)
        hashes.append(h)
        slots[slot] = k
        lastIndex = k
        if count * 2 > slots.count { grow() }
        return (k, true)
    }

    /// The index of an id given as text.
    @discardableResult
    mutating func index(of id: String) -> (index: Int32, isNew: Bool) {
        var copy = id
        return copy.withUTF8 { index(of: $0) }
    }

    /// The index of an id if present.
    func lookup(_ id: String) -> Int32? {
        var copy = id
        return copy.withUTF8 { b -> Int32? in
            let h = Self.hash(b)
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] >= 0 {
                let k = slots[slot]
                if hashes[Int(k)] == h, equals(Int(k), b) { return k }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [Int32](repeating: -1, count: size)
        let m = size - 1
        for k in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[k]) & m
            while fresh[slot] >= 0 { slot = (slot + 1) & m }
            fresh[slot] = Int32(k)
        }
        slots = fresh
        mask = m
    }
}
