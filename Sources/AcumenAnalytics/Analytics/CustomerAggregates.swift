import AcumenCore
/// Per-customer sums over the transactions, as flat arrays indexed like ``Workspace/customers``.
///
/// One pass over the columnar ``TransactionTable``. Rows dated on or after `asOf` are ignored
/// (the analysis sees the world at the start of the `asOf` day). A *purchase* is a distinct
/// purchase day: several transactions of one customer on one day count once. When each
/// customer's rows are already in date order (the demo and most exports) the pass runs in
/// file order; otherwise rows are first grouped with ``TransactionTable/rowsByCustomer(customerCount:)``.
struct CustomerAggregates: Sendable, Equatable {
    /// Sentinel in ``firstDay`` when a customer has no purchase before `asOf`.
    static let noFirstDay = Int32.max
    /// Sentinel in ``lastDay`` when a customer has no purchase before `asOf`.
    static let noLastDay = Int32.min

    /// Revenue in the analysis window (minor units).
    var revenue: [Int64]
    /// Gross margin in the window, unknown margins at the default rate (minor units).
    var margin: [Int64]
    /// Gross margin of all purchases before `asOf` (minor units).
    var lifetimeMargin: [Int64]
    /// Revenue in the 12 months before `asOf` and in the 12 months before those (minor units).
    var revenueLast12: [Int64]
    var revenuePrevious12: [Int64]
    /// Distinct purchase days in the window, and before `asOf` overall.
    var purchases: [Int32]
    var lifetimePurchases: [Int32]
    /// First and last purchase day ordinal before `asOf` (sentinels when none).
    var firstDay: [Int32]
    var lastDay: [Int32]
    /// Where each customer's rows are.
    var rows: CustomerRows

    /// Aggregates already summed (by ``OrderedAggregation``).
    init(revenue: [Int64], margin: [Int64], lifetimeMargin: [Int64], revenueLast12: [Int64], revenuePrevious12: [Int64],
         purchases: [Int32], lifetimePurchases: [Int32], firstDay: [Int32], lastDay: [Int32], rows: CustomerRows) {
        self.revenue = revenue; self.margin = margin; self.lifetimeMargin = lifetimeMargin; self.revenueLast12 = revenueLast12
        self.revenuePrevious12 = revenuePrevious12; self.purchases = purchases; self.lifetimePurchases = lifetimePurchases
        self.firstDay = firstDay; self.lastDay = lastDay; self.rows = rows
    }

    /// Aggregates the table for `customerCount` customers, on all cores when its rows are in
    /// (customer, day) order (``OrderedAggregation``), else in one pass; `alongside(0..<others)`
    /// run beside the pass, their results in order.
    static func computing<T>(_ t: TransactionTable, customerCount n: Int, asOf: Day, windowStart: Day, defaultMarginRate: Double,
                             others: Int, alongside: (Int) -> T) -> (CustomerAggregates, [T]) {
        let parts = t.count >= 200_000 ? Parallel.cores : 1
        let (ordered, other) = OrderedAggregation.aggregate(t, customerCount: n, asOf: asOf, windowStart: windowStart,
                                                            defaultMarginRate: defaultMarginRate, parts: parts, others: others,
                                                            alongside: alongside)
        if let ordered { return (ordered, other) }
        return (CustomerAggregates(t, customerCount: n, asOf: asOf, windowStart: windowStart, defaultMarginRate: defaultMarginRate), other)
    }

    /// Aggregates the table for `customerCount` customers (the one-pass reference).
    /// - Parameters:
    ///   - asOf: first day not seen; rows on or after it are ignored.
    ///   - windowStart: first day of the analysis window.
    ///   - defaultMarginRate: margin rate for rows without a margin.
    /// - Complexity: O(rows + customers); O(rows log rows) only for unsorted input.
    init(_ t: TransactionTable, customerCount n: Int, asOf: Day, windowStart: Day, defaultMarginRate: Double) {
        revenue = .init(repeating: 0, count: n); margin = revenue; lifetimeMargin = revenue
        revenueLast12 = revenue; revenuePrevious12 = revenue
        purchases = .init(repeating: 0, count: n); lifetimePurchases = purchases
        firstDay = .init(repeating: Self.noFirstDay, count: n); lastDay = .init(repeating: Self.noLastDay, count: n)
        rows = CustomerRows(start: .init(repeating: 0, count: n), count: .init(repeating: 0, count: n), permutation: nil)
        let end = asOf.ordinal, w0 = windowStart.ordinal
        let t12 = asOf.adding(months: -12).ordinal, t24 = asOf.adding(months: -24).ordinal
        let layout = Self.layout(t, n)
        if layout.contiguous, layout.sorted {
            rows.start = layout.start; rows.count = layout.count
            accumulate(t, order: nil, end: end, w0: w0, t12: t12, t24: t24, rate: defaultMarginRate)
        } else {
            let (offsets, perm) = t.rowsByCustomer(customerCount: n)
            for c in 0..<n { rows.start[c] = Int32(offsets[c]); rows.count[c] = Int32(offsets[c + 1] - offsets[c]) }
            rows.permutation = perm
            accumulate(t, order: perm, end: end, w0: w0, t12: t12, t24: t24, rate: defaultMarginRate)
        }
    }

    /// Whether rows are grouped by customer (contiguous) and in date order within each customer.
    private static func layout(_ t: TransactionTable, _ n: Int) -> (contiguous: Bool, sorted: Bool, start: [Int32], count: [Int32]) {
        var start = [Int32](repeating: 0, count: n), count = [Int32](repeating: 0, count: n)
        var contiguous = true, sorted = true
        var previous: Int32 = -1, previousDay: Int32 = .min
        for r in 0..<t.count {
            let c = t.customer[r], d = t.day[r]
            guard c >= 0, Int(c) < n else { continue }
            if c != previous {
                if count[Int(c)] != 0 { contiguous = false; break }
                start[Int(c)] = Int32(r); previous = c; previousDay = .min
            }
            if d < previousDay { sorted = false; break }
            previousDay = d
            count[Int(c)] += 1
        }
        return (contiguous, sorted, start, count)
    }

    /// Sums rows in `order` (file order when nil), which must be date-ordered per customer.
    private mutating func accumulate(_ t: TransactionTable, order: [Int32]?, end: Int32, w0: Int32, t12: Int32, t24: Int32, rate: Double) {
        let n = revenue.count
        // Move the arrays out of `self` so the loop mutates uniquely owned buffers.
        var rev = revenue, mar = margin, life = lifetimeMargin, l12 = revenueLast12, p12 = revenuePrevious12
        var pur = purchases, lpur = lifetimePurchases, first = firstDay, last = lastDay
        revenue = []; margin = []; lifetimeMargin = []; revenueLast12 = []; revenuePrevious12 = []
        purchases = []; lifetimePurchases = []; firstDay = []; lastDay = []
        let total = order?.count ?? t.count
        let perm = order ?? []
        for j in 0..<total {
            let r = order == nil ? j : Int(perm[j])
            let c = Int(t.customer[r]), d = t.day[r]
            guard c >= 0, c < n, d < end else { continue }
            let newDay = d != last[c]
            if first[c] == Self.noFirstDay { first[c] = d }
            last[c] = d
            let amount = t.amount[r], m = t.margin(at: r, defaultRate: rate)
            life[c] &+= m
            if newDay { lpur[c] += 1 }
            if d >= w0 {
                rev[c] &+= amount; mar[c] &+= m
                if newDay { pur[c] += 1 }
            }
            if d >= t12 { l12[c] &+= amount } else if d >= t24 { p12[c] &+= amount }
        }
        revenue = rev; margin = mar; lifetimeMargin = life; revenueLast12 = l12; revenuePrevious12 = p12
        purchases = pur; lifetimePurchases = lpur; firstDay = first; lastDay = last
    }
}

/// Where each customer's transaction rows are: `count` rows from `start` in the table, or in
/// `permutation` when the table is not grouped by customer.
public struct CustomerRows: Sendable, Hashable {
    /// First position of each customer's rows (in the table, or in ``permutation``).
    public var start: [Int32]
    /// Number of rows of each customer (including rows on or after `asOf`).
    public var count: [Int32]
    /// Row numbers grouped by customer and date, when the table itself is not.
    public var permutation: [Int32]?

    /// The table row numbers of customer `k`.
    public func rows(of k: Int) -> [Int] {
        let lo = Int(start[k]), hi = lo + Int(count[k])
        if let permutation { return permutation[lo..<hi].map { Int($0) } }
        return Array(lo..<hi)
    }
}
