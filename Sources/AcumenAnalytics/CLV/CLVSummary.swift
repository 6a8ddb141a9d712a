import AcumenCore
/// Per-customer purchase summary as of a calibration end, the input of BG/NBD and Gamma-Gamma.
///
/// Conventions (those of FHL 2005 and of `lifetimes`' `summary_data_from_transaction_data`):
/// - Purchases on the same day are one purchase; their amounts are summed.
/// - x: repeat purchase days (purchase days after the first) on or before the calibration end.
/// - t_x: time from the first purchase to the last purchase day on or before the end (0 if x = 0).
/// - T: time from the first purchase to the calibration end.
/// - Mean repeat spend: mean of the repeat purchase-day totals (the first day excluded), in
///   currency units; 0 when x = 0.
/// Times are whole days converted to ``unit``. Rows dated after the end are ignored.
public struct CLVSummary: Sendable {
    public var unit: CLVTimeUnit
    public var calibrationEnd: Day
    /// True when the customer has a purchase on or before the calibration end.
    public var hasHistory: [Bool]
    public var x: [Int]
    public var tx: [Double]
    public var T: [Double]
    public var meanRepeatSpend: [Double]
    /// Revenue and margin of all rows on or before the end (currency units; margin uses the
    /// default rate where a row has no margin), and margin of rows in the trailing window.
    public var revenue: [Double]
    public var margin: [Double]
    public var trailingMargin: [Double]

    /// Summarises `transactions` for `customerCount` customers. `trailingFrom` starts the
    /// (exclusive) window whose margin is ``trailingMargin`` (the historical fallback).
    public init(transactions t: TransactionTable, customerCount: Int, calibrationEnd: Day, unit: CLVTimeUnit,
                defaultMarginRate: Double = 0.3, trailingFrom: Day? = nil) {
        self.unit = unit
        self.calibrationEnd = calibrationEnd
        let n = customerCount
        hasHistory = [Bool](repeating: false, count: n)
        x = [Int](repeating: 0, count: n)
        tx = [Double](repeating: 0, count: n)
        T = [Double](repeating: 0, count: n)
        meanRepeatSpend = [Double](repeating: 0, count: n)
        revenue = [Double](repeating: 0, count: n)
        margin = [Double](repeating: 0, count: n)
        trailingMargin = [Double](repeating: 0, count: n)
        let end = calibrationEnd.ordinal, trailing = trailingFrom?.ordinal ?? Int32.max
        let (offsets, rows) = t.rowsByCustomer(customerCount: n)
        // Rows are read customer by customer: behind the scan, the pages of a table mapped in
        // customer order go back (a no-op for a table in memory of its own).
        var released = 0
        defer { t.releaseResidentPages(rows: released..<t.count) }
        for c in 0..<n {
            if c & 0x3FFF == 0, offsets[c] > released {
                t.releaseResidentPages(rows: released..<offsets[c])
                released = offsets[c]
            }
            var first = Int32.min, lastDay = Int32.min, days = 0
            var repeatSpend: Int64 = 0, rev: Int64 = 0, mar: Int64 = 0, trail: Int64 = 0
            for k in offsets[c]..<offsets[c + 1] {
                let r = Int(rows[k]), d = t.day[r]
                guard d <= end else { break }
                if first == Int32.min { first = d }
                if d != lastDay { days += 1; lastDay = d }
                if d != first { repeatSpend &+= t.amount[r] }
                rev &+= t.amount[r]
                let m = t.margin(at: r, defaultRate: defaultMarginRate)
                mar &+= m
                if d > trailing { trail &+= m }
            }
            guard first != Int32.min else { continue }
            hasHistory[c] = true
            x[c] = days - 1
            tx[c] = unit.fromDays(Double(lastDay - first))
            T[c] = unit.fromDays(Double(end - first))
            meanRepeatSpend[c] = days > 1 ? Double(repeatSpend) / 100 / Double(days - 1) : 0
            revenue[c] = Double(rev) / 100
            margin[c] = Double(mar) / 100
            trailingMargin[c] = Double(trail) / 100
        }
    }

    /// Repeat purchase days of each customer in (calibration end, `holdoutEnd`]; 0 for customers
    /// without history at the calibration end (they are not part of the calibration cohort).
    public func holdoutPurchases(transactions t: TransactionTable, holdoutEnd: Day) -> [Int] {
        let n = hasHistory.count
        var out = [Int](repeating: 0, count: n)
        let (offsets, rows) = t.rowsByCustomer(customerCount: n)
        let lo = calibrationEnd.ordinal, hi = holdoutEnd.ordinal
        for c in 0..<n where hasHistory[c] {
            var last = Int32.min
            for k in offsets[c]..<offsets[c + 1] {
                let d = t.day[Int(rows[k])]
                if d > hi { break }
                if d > lo, d != last { out[c] += 1; last = d }
            }
        }
        return out
    }

    /// Indices of the customers with history.
    public var cohort: [Int] { hasHistory.indices.filter { hasHistory[$0] } }
}
