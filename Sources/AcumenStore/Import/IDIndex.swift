import AcumenCore
import AcumenAnalytics
#if canImport(Glibc)
import Glibc
#endif

/// Maps customer id bytes to dense indices (0, 1, 2 … in order of first appearance) without
/// creating a `String` per lookup.
///
/// Open addressing with linear probing over a power-of-two table kept at most half full. Ids of
/// up to 16 bytes (nearly all real ones) are stored inside the slot, so a lookup costs one
/// cache miss even when ten million rows name a million customers in random order; longer ids
/// keep their hash in the slot and their bytes in an arena. A one-entry cache answers
/// consecutive rows of the same customer with a single comparison.
/// - Complexity: expected O(length of the id) per lookup.
struct IDIndex {
    /// A table slot: the id's first 16 bytes (or, for longer ids, its hash) and length + index.
    private struct Slot {
        var k0: UInt64 = 0
        var k1: UInt64 = 0
        /// Bits 0–31: index + 1 (0 = empty); bits 32–63: byte length.
        var meta: UInt64 = 0
    }

    private var arena: [UInt8] = []
    private var offsets: [Int] = [0]
    private var slots: [Slot]
    private var mask: Int
    private var last = Slot()

    /// Number of distinct ids.
    private(set) var count = 0

    /// An empty index sized for about `capacity` ids.
    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Self.emptyTable(size)
        mask = size - 1
    }

    /// An empty table; large ones are backed by 2 MB pages before they are first touched,
    /// since random probes into tens of megabytes otherwise spend their time on TLB misses.
    private static func emptyTable(_ size: Int) -> [Slot] {
        [Slot](unsafeUninitializedCapacity: size) { buffer, count in
            #if canImport(Glibc)
            let bytes = size * MemoryLayout<Slot>.stride
            if bytes >= 8 << 20, let base = UnsafeMutableRawPointer(buffer.baseAddress) {
                let huge = 2 << 20
                let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
                let end = (Int(bitPattern: base) + bytes) & ~(huge - 1)
                if end > start, let p = UnsafeMutableRawPointer(bitPattern: start) { _ = madvise(p, end - start, MADV_HUGEPAGE) }
            }
            #endif
            buffer.initialize(repeating: Slot())
            count = size
        }
    }

    /// The bytes of id `k`.
    func bytes(_ k: Int) -> ArraySlice<UInt8> { arena[offsets[k]..<offsets[k + 1]] }

    /// The id `k` as text.
    func string(_ k: Int) -> String { String(decoding: bytes(k), as: UTF8.self) }

    /// All ids as text, in index order.
    var strings: [String] { (0..<count).map(string) }

    /// The slot key of an id: packed bytes when short, else a hash.
    @inline(__always)
    private static func key(_ b: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let n = b.count
        if n <= 16 {
            var k0: UInt64 = 0, k1: UInt64 = 0
            for j in 0..<min(n, 8) { k0 |= UInt64(b[j]) << (8 * UInt64(j)) }
            if n > 8 { for j in 8..<n { k1 |= UInt64(b[j]) << (8 * UInt64(j - 8)) } }
            return (k0, k1)
        }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for c in b { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3 }
        return (h, 0)
    }

    @inline(__always)
    private static func mix(_ k0: UInt64, _ k1: UInt64, _ n: Int) -> Int {
        var h = (k0 ^ (k1 &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(n)) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        h = h &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    @inline(__always)
    private func matches(_ s: Slot, _ k0: UInt64, _ k1: UInt64, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard s.k0 == k0, s.k1 == k1, Int(s.meta >> 32) == b.count else { return false }
        if b.count <= 16 { return true }
        let k = Int(s.meta & 0xFFFF_FFFF) - 1
        let st = offsets[k]
        return arena.withUnsafeBufferPointer { a in
            for j in 0..<b.count where a[st + j] != b[j] { return false }
            return true
        }
    }

    /// The index of an id, adding it when new; `isNew` tells which.
    @inline(__always)
    mutating func index(of b: UnsafeBufferPointer<UInt8>) -> (index: Int32, isNew: Bool) {
        let (k0, k1) = Self.key(b)
        if last.meta != 0, matches(last, k0, k1, b) { return (Int32(last.meta & 0xFFFF_FFFF) - 1, false) }
        var slot = Self.mix(k0, k1, b.count) & mask
        while true {
            let s = slots[slot]
            if s.meta == 0 { break }
            if matches(s, k0, k1, b) { last = s; return (Int32(s.meta & 0xFFFF_FFFF) - 1, false) }
            slot = (slot + 1) & mask
        }
        let k = count
        arena.append(contentsOf: b)
        offsets.append(arena.count)
        let s = Slot(k0: k0, k1: k1, meta: UInt64(b.count) << 32 | UInt64(k + 1))
        slots[slot] = s
        last = s
        count += 1
        if count * 2 > slots.count { grow() }
        return (Int32(k), true)
    }

    /// Reads the slot an id hashes to, without changing anything. Calling this for a batch of
    /// ids before looking them up lets the processor fetch their slots from memory in parallel.
    @inline(__always)
    func touch(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let (k0, k1) = Self.key(b)
        return slots[Self.mix(k0, k1, b.count) & mask].meta
    }

    /// The index of an id given as text.
    @discardableResult
    mutating func index(of id: String) -> (index: Int32, isNew: Bool) {
        var copy = id
        return copy.withUTF8 { index(of: $0) }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = Self.emptyTable(size)
        let m = size - 1
        for s in slots where s.meta != 0 {
            var slot = Self.mix(s.k0, s.k1, Int(s.meta >> 32)) & m
            while fresh[slot].meta != 0 { slot = (slot + 1) & m }
            fresh[slot] = s
        }
        slots = fresh
        mask = m
    }
}
