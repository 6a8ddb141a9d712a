import AcumenCore

/// The checks a transaction cache's rows pass before they are trusted, written so they run
/// at memory speed (no branch per row but the loop's): whole blocks are reduced to a maximum
/// and a sum, and only a block that could have wrapped is added again one value at a time.
extension UnsafeBufferPointer where Element == Int64 {
    /// Σ|value| of the elements, nil when one is beyond `limit` or the sum beyond
    /// ``MoneyBounds/workspaceLimitMinor`` (minor units). Elements equal to `marker` are left
    /// out (zeros add nothing either way).
    func boundedMagnitudeSum(limit: UInt64 = UInt64.max, skipping marker: Int64 = 0) -> UInt64? {
        let bound = UInt64(MoneyBounds.workspaceLimitMinor)
        // 64 magnitudes of at most 2^57 each add up to at most 2^63: a block's wrapping sum is exact.
        let block = 64, exact: UInt64 = 1 << 57
        guard let p = baseAddress else { return 0 }
        var total: UInt64 = 0
        var from = 0
        while from < count {
            let to = Swift.min(count, from + block)
            var largest: UInt64 = 0, sum: UInt64 = 0
            for k in from..<to {
                let v = p[k]
                let m = v == marker ? 0 : v.magnitude
                largest = Swift.max(largest, m)
                sum &+= m
            }
            if largest > limit || largest > bound { return nil }
            if largest > exact {
                sum = 0
                for k in from..<to where p[k] != marker {
                    let (s, overflow) = sum.addingReportingOverflow(p[k].magnitude)
                    if overflow { return nil }
                    sum = s
                }
            }
            let (t, overflow) = total.addingReportingOverflow(sum)
            if overflow || t > bound { return nil }
            total = t
            from = to
        }
        return total
    }
}

extension UnsafeBufferPointer where Element == Int32 {
    /// True when every element lies in `0..<limit`.
    func allBelow(_ limit: Int) -> Bool {
        var largest: UInt32 = 0
        for v in self { largest = Swift.max(largest, UInt32(bitPattern: v)) }  // a negative value becomes ≥ 2^31
        return isEmpty || Int(largest) < limit
    }
}

extension UnsafeRawBufferPointer {
    /// True when every byte is 0 or 1 (the bytes of a `Bool` column).
    var allZeroOrOne: Bool {
        var any: UInt64 = 0
        let words = count / 8
        for k in 0..<words { any |= loadUnaligned(fromByteOffset: k * 8, as: UInt64.self) }
        for k in (words * 8)..<count { any |= UInt64(self[k]) }
        return any & 0xFEFE_FEFE_FEFE_FEFE == 0
    }
}
