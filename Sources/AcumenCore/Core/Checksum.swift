/// Checksums for journal records and file fingerprints.
public enum Checksum {
    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32 (IEEE 802.3, the zlib polynomial) of bytes.
    public static func crc32<S: Sequence>(_ bytes: S) -> UInt32 where S.Element == UInt8 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }

    /// A fast 64-bit content fingerprint (not cryptographic): eight bytes at a time,
    /// multiply–xorshift mixing (after wyhash / MurmurHash3's finaliser), about 8 GB/s.
    public static func fingerprint(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { raw in fingerprint(raw) }
    }

    /// ``fingerprint(_:)`` over raw memory.
    public static func fingerprint(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        let words = raw.count / 8
        var k = 0
        while k < words {
            let w = raw.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self)
            h = (h ^ (w &* 0xBF58_476D_1CE4_E5B9)).rotatedLeft(27) &* 0x94D0_49BB_1331_11EB
            k += 1
        }
        var tail: UInt64 = 0
        for j in (words * 8)..<raw.count { tail = tail << 8 | UInt64(raw[j]) }
        h ^= tail &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 31)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }

    /// Eight lowercase hex digits.
    public static func hex(_ v: UInt32) -> String { String(v, radix: 16).leftPadded(8) }
}

extension UInt64 {
    /// Rotates the bits left by `n`.
    @inline(__always)
    func rotatedLeft(_ n: UInt64) -> UInt64 { self << n | self >> (64 - n) }
}
