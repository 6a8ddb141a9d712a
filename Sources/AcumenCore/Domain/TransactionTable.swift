/// All transactions of a workspace, stored column by column.
///
/// Columnar arrays keep analytics over ten million rows cache-friendly: a pass that sums
/// amounts by customer touches two dense arrays and no objects. Rows refer to customers
/// by their dense index in ``Workspace/customers``. Each column is a ``Column``: its own
/// buffer, or (after a warm open) a read-only view of the memory-mapped transaction cache,
/// copied on the first change.
public struct TransactionTable: Hashable, Sendable {
    /// Marker in ``margin`` for a transaction whose margin is not known.
    public static let unknownMargin = Int64.min

    /// Dense customer index of each row.
    public var customer: Column<Int32> = []
    /// Day ordinal (days since 1970-01-01) of each row.
    public var day: Column<Int32> = []
    /// Amount in minor units.
    public var amount: Column<Int64> = []
    /// Gross margin in minor units, or ``unknownMargin``.
    public var margin: Column<Int64> = []
    /// Quantity (items); 1 when not given.
    public var quantity: Column<Int32> = []
    /// Whether a row was given as cost (true) or margin (false), so it is written back the same way.
    public var givenAsCost: Column<Bool> = []
    /// Unknown fields of individual rows, by row, kept on rewrite.
    public var extra: [Int: [String: JSONValue]] = [:]

    /// An empty table.
    public init() {}

    /// Number of rows.
    public var count: Int { customer.count }

    /// Gives back the resident pages of the columns read in place from the mapped transaction
    /// cache, after a scan of every row (the open's checks, an analysis, the history): at 10M
    /// rows 290 MB that would otherwise count in the workbench's resident memory while it
    /// idles. They stay in the page cache; the next scan maps them again from there.
    public func releaseResidentPages() {
        customer.releaseResidentPages(); day.releaseResidentPages(); amount.releaseResidentPages()
        margin.releaseResidentPages(); quantity.releaseResidentPages(); givenAsCost.releaseResidentPages()
    }

    /// Gives back the resident pages of rows `range` of the columns a scan reads (customer,
    /// day, amount, margin) when they are read in place from the mapped cache: a scan calls it
    /// behind itself, so ten million rows never count in memory at once. Values never change.
    public func releaseResidentPages(rows range: Range<Int>) {
        customer.releaseResidentPages(range); day.releaseResidentPages(range)
        amount.releaseResidentPages(range); margin.releaseResidentPages(range)
    }

    /// Reserves room for `n` rows.
    public mutating func reserve(_ n: Int) {
        customer.reserveCapacity(n); day.reserveCapacity(n); amount.reserveCapacity(n)
        margin.reserveCapacity(n); quantity.reserveCapacity(n); givenAsCost.reserveCapacity(n)
    }

    /// Appends one row.
    public mutating func append(customer c: Int32, day d: Day, amount a: Money, margin m: Money?, quantity q: Int32 = 1, givenAsCost: Bool = false) {
        customer.append(c); day.append(d.ordinal); amount.append(a.minor)
        margin.append(m?.minor ?? Self.unknownMargin); quantity.append(q); self.givenAsCost.append(givenAsCost)
    }

    /// The margin of a row, using `defaultRate` × amount when it is unknown (minor units).
    @inline(__always)
    public func margin(at row: Int, defaultRate: Double) -> Int64 {
        let m = margin[row]
        return m == Self.unknownMargin ? Int64((Double(amount[row]) * defaultRate).rounded()) : m
    }

    /// Reorders the rows by customer, then day (stable), so each customer's history is contiguous:
    /// analytics then read it sequentially instead of jumping through a date-ordered export.
    /// Row extras move with their rows.
    /// - Complexity: O(n) counting sort plus small per-customer sorts.
    public mutating func sortByCustomerAndDay(customerCount: Int) {
        let (_, rows) = rowsByCustomer(customerCount: customerCount)
        var sorted = true
        for (k, r) in rows.enumerated() where Int(r) != k { sorted = false; break }
        if sorted { return }
        customer = customer.gathering(rows)
        day = day.gathering(rows)
        amount = amount.gathering(rows)
        margin = margin.gathering(rows)
        quantity = quantity.gathering(rows)
        givenAsCost = givenAsCost.gathering(rows)
        if !extra.isEmpty {
            var moved: [Int: [String: JSONValue]] = [:]
            for (k, r) in rows.enumerated() { if let e = extra[Int(r)] { moved[k] = e } }
            extra = moved
        }
    }

    /// Row indices grouped by customer, each group in date order (stable).
    /// - Complexity: O(n) counting sort by customer, then an insertion pass per group.
    public func rowsByCustomer(customerCount: Int) -> (offsets: [Int], rows: [Int32]) {
        var offsets = [Int](repeating: 0, count: customerCount + 1)
        customer.withUnsafeBufferPointer { for c in $0 { offsets[Int(c) + 1] += 1 } }
        for k in 0..<customerCount { offsets[k + 1] += offsets[k] }
        var cursor = offsets
        var rows = [Int32](repeating: 0, count: count)
        for r in 0..<count {
            let c = Int(customer[r])
            rows[cursor[c]] = Int32(r)
            cursor[c] += 1
        }
        for c in 0..<customerCount {
            let lo = offsets[c], hi = offsets[c + 1]
            guard hi - lo > 1 else { continue }
            var sorted = true
            for k in (lo + 1)..<hi where day[Int(rows[k - 1])] > day[Int(rows[k])] { sorted = false; break }
            if !sorted {
                let part = rows[lo..<hi].sorted { (day[Int($0)], $0) < (day[Int($1)], $1) }
                rows.replaceSubrange(lo..<hi, with: part)
            }
        }
        return (offsets, rows)
    }
}
