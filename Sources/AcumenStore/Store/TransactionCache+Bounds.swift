import AcumenCore
import Foundation

extension TransactionCache {
    /// Σ|value| over the parts of a column read side by side (``MoneyBounds``): each part's
    /// sum, or that a part alone went beyond the bound, added under a lock.
    final class PartSums: @unchecked Sendable {
        private let lock = NSLock()
        private var total: UInt64 = 0
        private var beyond = false

        /// Adds a part's sum (nil: beyond the bound); always true, so a read goes on.
        func add(_ sum: UInt64?) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            guard let sum else { beyond = true; return true }
            let (t, overflow) = total.addingReportingOverflow(sum)
            if overflow || t > UInt64(MoneyBounds.workspaceLimitMinor) { beyond = true } else { total = t }
            return true
        }

        /// True when the whole column stays within ``MoneyBounds/workspaceLimitMinor``.
        var withinBound: Bool {
            lock.lock()
            defer { lock.unlock() }
            return !beyond
        }
    }
}

extension UnsafeBufferPointer where Element == Int64 {
    /// Σ|value| of the elements, nil when one is beyond `limit` or the sum beyond
    /// ``MoneyBounds/workspaceLimitMinor`` (minor units).
    /// Elements equal to `marker` are left out (zeros add nothing either way).
    func magnitudes(limit: UInt64 = UInt64.max, skipping marker: Int64 = 0) -> UInt64? {
        let bound = UInt64(MoneyBounds.workspaceLimitMinor)
        var sum: UInt64 = 0
        for v in self where v != marker {
            let m = v.magnitude
            guard m <= limit else { return nil }
            sum &+= m  // each m ≤ 2^63 and sum ≤ bound < 2^60 before: cannot wrap
            if sum > bound { return nil }
        }
        return sum
    }
}
