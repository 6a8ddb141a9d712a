import AcumenAnalytics
import AcumenCore

/// The twelve calendar months of the accounts list's sparkline — the months ending with the
/// month of `asOf − 1 day` — and one customer's revenue in each, read from the analysis'
/// per-customer transaction rows when the row is drawn.
///
/// Revenue is in currency units (`amount / 100`, minor units to units) as `Float`, summed in
/// transaction-table order, so a row's series is bit for bit the one a pass over every
/// transaction gives (``WorkspaceView/monthlySeries()``).
struct MonthlyWindow: Sendable {
    /// First day (ordinal) of the first month, and the analysis date (exclusive end).
    let first: Int32
    let to: Int32
    /// Slot 0…11 of each day from ``first`` to ``to`` (−1 outside the window).
    let slot: [Int8]

    init(asOf: Day) {
        let last = asOf.adding(days: -1)
        let to = asOf.ordinal
        let first = Day(year: last.civil.year, month: last.civil.month, day: 1)?.adding(months: -11).ordinal ?? to
        var slot = [Int8](repeating: -1, count: max(0, Int(to - first)))
        for d in first..<to { slot[Int(d - first)] = Int8(11 - (last.monthIndex - Day(ordinal: d).monthIndex)) }
        self.first = Int32(first); self.to = Int32(to); self.slot = slot
    }

    /// Customer `k`'s revenue per month of the window, oldest first.
    /// - Complexity: O(the customer's transactions).
    func series(_ k: Int, _ a: PortfolioAnalysis) -> [Float] {
        var out = [Float](repeating: 0, count: 12)
        guard k >= 0, k < a.count else { return out }
        let tx = a.transactions
        for r in a.rows.rows(of: k).sorted() {
            let d = Int32(tx.day[r])
            guard d < to, d >= first else { continue }
            let j = Int(slot[Int(d - first)])
            if j >= 0 { out[j] += Float(Double(tx.amount[r]) / 100) }
        }
        return out
    }
}

extension WorkspaceView {
    /// Revenue per customer for the 12 calendar months ending with the month of `asOf − 1`,
    /// in currency units, flat (12 per customer) — one pass over the transactions.
    /// (The reference the lazy rows are tested against: every customer in one pass.)
    func monthlySeries() -> [Float] {
        let n = analysis.count
        var out = [Float](repeating: 0, count: n * 12)
        let tx = analysis.transactions
        let to = asOf.ordinal
        // Day → slot 0…11 for the twelve months before asOf, as a table (no calendar maths per row).
        let first = Day(year: asOf.adding(days: -1).civil.year, month: asOf.adding(days: -1).civil.month, day: 1)?
            .adding(months: -11).ordinal ?? to
        var slot = [Int8](repeating: -1, count: max(0, Int(to - first)))
        for d in first..<to { slot[Int(d - first)] = Int8(11 - (asOf.adding(days: -1).monthIndex - Day(ordinal: d).monthIndex)) }
        for r in 0..<tx.count {
            let c = Int(tx.customer[r]), d = tx.day[r]
            guard c >= 0, c < n, d < to, d >= first else { continue }
            let j = Int(slot[Int(d - first)])
            if j >= 0 { out[c * 12 + j] += Float(Double(tx.amount[r]) / 100) }
        }
        return out
    }
}
