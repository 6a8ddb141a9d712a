import AcumenCore

/// ``Checksum/fingerprint(_:)`` computed over bytes that arrive in pieces — identical to the
/// fingerprint of the pieces joined, without joining them (a save streams a 230 MB file to
/// disk chunk by chunk and fingerprints it on the way). The total length must be known up
/// front, because the fingerprint is seeded with it.
struct FingerprintStream {
    private var h: UInt64
    /// Bytes of a word not yet complete (first `pendingCount` bytes, little endian).
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private let total: Int
    private var seen = 0

    /// A stream for `total` bytes.
    init(total: Int) {
        self.total = total
        h = 0x9E37_79B9_7F4A_7C15 ^ UInt64(total)
    }

    @inline(__always)
    private mutating func mix(_ w: UInt64) {
        h = (h ^ (w &* 0xBF58_476D_1CE4_E5B9)).rotatedLeft27() &* 0x94D0_49BB_1331_11EB
    }

    /// Adds the next bytes.
    mutating func add(_ raw: UnsafeRawBufferPointer) {
        var at = 0
        // The fingerprint reads whole words only up to `total / 8 * 8`; the rest is its tail.
        let wordEnd = total / 8 * 8
        while at < raw.count {
            if seen >= wordEnd {
                // The tail: big-endian accumulation, as `fingerprint` does.
                pending = pending << 8 | UInt64(raw[at])
                pendingCount += 1
                at += 1
                seen += 1
                continue
            }
            if pendingCount == 0, raw.count - at >= 8, wordEnd - seen >= 8 {
                let words = min(raw.count - at, wordEnd - seen) / 8
                // In a local, so the loop keeps the state in a register (as `fingerprint` does).
                var h = self.h
                for k in 0..<words {
                    let w = raw.loadUnaligned(fromByteOffset: at + k * 8, as: UInt64.self)
                    h = (h ^ (w &* 0xBF58_476D_1CE4_E5B9)).rotatedLeft27() &* 0x94D0_49BB_1331_11EB
                }
                self.h = h
                at += words * 8
                seen += words * 8
                continue
            }
            pending |= UInt64(raw[at]) << UInt64(8 * pendingCount)
            pendingCount += 1
            at += 1
            seen += 1
            if pendingCount == 8 {
                mix(pending)
                pending = 0
                pendingCount = 0
            }
        }
    }

    /// Adds the next bytes.
    mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add($0) }
    }

    /// The fingerprint, or nil when the bytes added do not add up to the announced total.
    func finish() -> UInt64? {
        guard seen == total else { return nil }
        var h = self.h
        let tail = total % 8 == 0 ? 0 : pending
        h ^= tail &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 31)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotatedLeft27() -> UInt64 { self << 27 | self >> 37 }
}
