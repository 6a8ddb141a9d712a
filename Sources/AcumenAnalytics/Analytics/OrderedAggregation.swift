import AcumenCore
/// The per-customer sums of ``CustomerAggregates`` in one pass over a table whose rows are in
/// ascending (customer, day) order — what the demo generator, the importer and the transaction
/// cache write — split into row ranges that run on all cores.
///
/// Each range starts at a change of customer, so every customer's rows fall in exactly one range
/// and each range writes only its own customers' slots: the ranges share nothing. Sums are
/// integer (wrapping) additions of the same rows as the one-pass reference, and a customer's
/// distinct days are counted in its own date order, so the figures are the reference's bit for
/// bit. A range that meets a row out of order (customer going back, day going back within a
/// customer, or a customer index outside the table) reports failure and the caller falls back
/// to the reference pass; writes stay within the range's own customers, so no range can clash.
enum OrderedAggregation {
    /// Result buffers of one pass: five money columns and six count/day columns.
    struct Buffers: @unchecked Sendable {
        /// revenue, margin, lifetimeMargin, revenueLast12, revenuePrevious12.
        let money: [UnsafeMutableBufferPointer<Int64>]
        /// purchases, lifetimePurchases, firstDay, lastDay, start, count.
        let counts: [UnsafeMutableBufferPointer<Int32>]
    }

    /// The aggregates of `t` computed in `parts` row ranges on all cores, with `alongside(0..<others)`
    /// run as more pieces of the same parallel batch; nil aggregates when the rows are not in
    /// (customer, day) order (then nothing of the pass is kept).
    static func aggregate<T>(_ t: TransactionTable, customerCount n: Int, asOf: Day, windowStart: Day, defaultMarginRate: Double,
                             parts: Int, others: Int, alongside: (Int) -> T) -> (CustomerAggregates?, [T]) {
        let rows = t.count
        let p = max(1, min(parts, rows / 4096 + 1))
        var bounds = [0]
        for j in 1..<p {
            var r = max(bounds[j - 1], rows * j / p)
            while r > 0, r < rows, t.customer[r] == t.customer[r - 1] { r += 1 }
            bounds.append(r)
        }
        bounds.append(rows)
        // Each range writes customers from its first row's customer up to the next range's (the
        // first range from customer 0): those with rows their sums, the others the empty values.
        var customerBounds: [Int] = [0]
        for j in 1..<max(1, p) { customerBounds.append(bounds[j] < rows ? Int(t.customer[bounds[j]]) : n) }
        customerBounds.append(n)
        var ordered = rows < Int(Int32.max)
        for j in 0..<p where customerBounds[j] < 0 || customerBounds[j] > customerBounds[j + 1] { ordered = false }
        guard ordered else { return (nil, (0..<others).map(alongside)) }
        // Every slot is written by the range that owns its customer (no zero fill on one core first).
        var revenue = Self.unfilled(Int64.self, n), margin = Self.unfilled(Int64.self, n), lifetimeMargin = Self.unfilled(Int64.self, n)
        var revenueLast12 = Self.unfilled(Int64.self, n), revenuePrevious12 = Self.unfilled(Int64.self, n)
        var purchases = Self.unfilled(Int32.self, n), lifetimePurchases = Self.unfilled(Int32.self, n)
        var start = Self.unfilled(Int32.self, n), count = Self.unfilled(Int32.self, n)
        var firstDay = Self.unfilled(Int32.self, n), lastDay = Self.unfilled(Int32.self, n)
        let pass = Pass(asOf: asOf, windowStart: windowStart, rate: defaultMarginRate)
        var other: [T] = []
        let ok: Bool = withBuffers(&revenue, &margin, &lifetimeMargin, &revenueLast12, &revenuePrevious12) { money in
            withBuffers(&purchases, &lifetimePurchases, &firstDay, &lastDay, &start, &count) { counts in
                let out = Buffers(money: money, counts: counts)
                // The other pieces first: the longest of them (the id order) starts at once.
                let results = Parallel.map(p + others) { i -> Piece<T> in
                    if i < others { return .other(alongside(i)) }
                    let j = i - others
                    return .range(pass.run(t, rows: bounds[j]..<bounds[j + 1],
                                           customers: Int32(customerBounds[j])..<Int32(customerBounds[j + 1]), into: out))
                }
                var all = true
                for r in results {
                    switch r {
                    case .other(let v): other.append(v)
                    case .range(let fine): all = all && fine
                    }
                }
                return all
            }
        }
        guard ok else { return (nil, other) }
        return (CustomerAggregates(revenue: revenue, margin: margin, lifetimeMargin: lifetimeMargin, revenueLast12: revenueLast12,
                                   revenuePrevious12: revenuePrevious12, purchases: purchases, lifetimePurchases: lifetimePurchases,
                                   firstDay: firstDay, lastDay: lastDay,
                                   rows: CustomerRows(start: start, count: count, permutation: nil)), other)
    }

    /// An array of `n` trivial values whose every slot the pass writes before anyone reads it.
    static func unfilled<E: BitwiseCopyable>(_: E.Type, _ n: Int) -> [E] {
        [E](unsafeUninitializedCapacity: n) { _, c in c = n }
    }

    /// One piece of the parallel batch.
    private enum Piece<T> {
        case range(Bool)
        case other(T)
    }

    /// The day bounds and default margin rate of a pass.
    struct Pass: Sendable {
        /// Rows scanned between two releases of the pages read (a power of two, minus one:
        /// 65,536 rows, 1.5 MB of the four columns a pass reads).
        let releaseMask = (1 << 16) - 1
        let end: Int32, w0: Int32, t12: Int32, t24: Int32, rate: Double
        init(asOf: Day, windowStart: Day, rate: Double) {
            end = asOf.ordinal; w0 = windowStart.ordinal
            t12 = asOf.adding(months: -12).ordinal; t24 = asOf.adding(months: -24).ordinal
            self.rate = rate
        }

        /// Sums `rows` into `out` and gives every other customer of `customers` the empty values;
        /// false when they are not in (customer, day) order or name a customer outside
        /// `customers` (then the caller discards everything).
        func run(_ t: TransactionTable, rows: Range<Int>, customers: Range<Int32>, into out: Buffers) -> Bool {
            let (rev0, mar0, life0, l120, p120) = (out.money[0], out.money[1], out.money[2], out.money[3], out.money[4])
            let (pur0, lpur0, first0, last0, start0, count0) = (out.counts[0], out.counts[1], out.counts[2], out.counts[3],
                                                                out.counts[4], out.counts[5])
            return t.customer.withUnsafeBufferPointer { cust in
                t.day.withUnsafeBufferPointer { day in
                    t.amount.withUnsafeBufferPointer { amount in
                        t.margin.withUnsafeBufferPointer { marginColumn in
                            var c: Int32 = -1, previousDay = Int32.min
                            var rev: Int64 = 0, mar: Int64 = 0, life: Int64 = 0, l12: Int64 = 0, p12: Int64 = 0
                            var pur: Int32 = 0, lpur: Int32 = 0
                            var first = CustomerAggregates.noFirstDay, last = CustomerAggregates.noLastDay
                            var from = 0, n: Int32 = 0
                            var next = Int(customers.lowerBound)
                            func empty(upTo k: Int) {
                                while next < k {
                                    rev0[next] = 0; mar0[next] = 0; life0[next] = 0; l120[next] = 0; p120[next] = 0
                                    pur0[next] = 0; lpur0[next] = 0; first0[next] = CustomerAggregates.noFirstDay
                                    last0[next] = CustomerAggregates.noLastDay; start0[next] = 0; count0[next] = 0
                                    next += 1
                                }
                            }
                            func flush() {
                                guard c >= 0 else { return }
                                let k = Int(c)
                                empty(upTo: k)
                                next = k + 1
                                rev0[k] = rev; mar0[k] = mar; life0[k] = life; l120[k] = l12; p120[k] = p12
                                pur0[k] = pur; lpur0[k] = lpur; first0[k] = first; last0[k] = last
                                start0[k] = Int32(from); count0[k] = n
                            }
                            for r in rows {
                                // Behind the scan, the pages of a mapped table go back (no-op otherwise).
                                if r & releaseMask == 0, r > rows.lowerBound {
                                    t.releaseResidentPages(rows: max(rows.lowerBound, r - releaseMask - 1)..<r)
                                }
                                let rc = cust[r], d = day[r]
                                if rc != c {
                                    guard rc > c, customers.contains(rc) else { return false }
                                    flush()
                                    c = rc; previousDay = .min; from = r; n = 0
                                    rev = 0; mar = 0; life = 0; l12 = 0; p12 = 0; pur = 0; lpur = 0
                                    first = CustomerAggregates.noFirstDay; last = CustomerAggregates.noLastDay
                                }
                                guard d >= previousDay else { return false }
                                previousDay = d
                                n += 1
                                guard d < end else { continue }
                                // As CustomerAggregates.accumulate: a new distinct day, then the sums.
                                let newDay = d != last
                                if first == CustomerAggregates.noFirstDay { first = d }
                                last = d
                                let a = amount[r], given = marginColumn[r]
                                let m = given == TransactionTable.unknownMargin ? Int64((Double(a) * rate).rounded()) : given
                                life &+= m
                                if newDay { lpur += 1 }
                                if d >= w0 {
                                    rev &+= a; mar &+= m
                                    if newDay { pur += 1 }
                                }
                                if d >= t12 { l12 &+= a } else if d >= t24 { p12 &+= a }
                            }
                            t.releaseResidentPages(rows: max(rows.lowerBound, (rows.upperBound - 1) & ~releaseMask)..<rows.upperBound)
                            flush()
                            empty(upTo: Int(customers.upperBound))
                            return true
                        }
                    }
                }
            }
        }
    }

    /// Runs `body` with mutable buffers of five arrays.
    private static func withBuffers<E, R>(_ a: inout [E], _ b: inout [E], _ c: inout [E], _ d: inout [E], _ e: inout [E],
                                          _ body: ([UnsafeMutableBufferPointer<E>]) -> R) -> R {
        a.withUnsafeMutableBufferPointer { pa in
            b.withUnsafeMutableBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    d.withUnsafeMutableBufferPointer { pd in
                        e.withUnsafeMutableBufferPointer { pe in body([pa, pb, pc, pd, pe]) }
                    }
                }
            }
        }
    }

    /// Runs `body` with mutable buffers of six arrays.
    private static func withBuffers<E, R>(_ a: inout [E], _ b: inout [E], _ c: inout [E], _ d: inout [E], _ e: inout [E],
                                          _ f: inout [E], _ body: ([UnsafeMutableBufferPointer<E>]) -> R) -> R {
        f.withUnsafeMutableBufferPointer { pf in withBuffers(&a, &b, &c, &d, &e) { body($0 + [pf]) } }
    }
}
