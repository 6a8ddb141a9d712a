import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The faster pieces of the analysis against the ones they replace: the transaction pass in row
/// ranges (``OrderedAggregation``) against the one-pass ``CustomerAggregates``, and counted or
/// integer-sorted ranks (``ColumnRanks``) against ``SortedColumn`` of the doubles.
@Suite struct AnalysisPartsEquivalenceTests {
    static let asOf = Day(iso: "2025-01-01") ?? Day(ordinal: 0)

    static func reference(_ t: TransactionTable, _ n: Int) -> CustomerAggregates {
        CustomerAggregates(t, customerCount: n, asOf: asOf, windowStart: asOf.adding(months: -12), defaultMarginRate: 0.3)
    }

    static func ordered(_ t: TransactionTable, _ n: Int, parts: Int) -> CustomerAggregates? {
        OrderedAggregation.aggregate(t, customerCount: n, asOf: asOf, windowStart: asOf.adding(months: -12), defaultMarginRate: 0.3,
                                     parts: parts, others: 1) { $0 }.0
    }

    @Test(arguments: [false, true])
    func rangesGiveTheOnePassSums(extreme: Bool) throws {
        let ws = AnalysisEquivalenceTests.workspace(customers: 3000, seed: 7, extreme: extreme, dateOrdered: false)
        let n = ws.customers.count
        let expected = Self.reference(ws.transactions, n)
        for parts in [1, 2, 3, 8] {
            // Small tables run as one range; repeat the rows' ranges at finer grain by calling the pass directly.
            let got = try #require(Self.ordered(ws.transactions, n, parts: parts))
            #expect(got == expected)
        }
        // Many ranges over the same rows (the 4,096-row floor lifted by a bigger table).
        var big = ws.transactions
        for _ in 0..<3 { big = Self.appendingShifted(big, by: Int32(n)) }
        let bigN = Int(big.customer.max() ?? 0) + 1  // 8n: the table doubles each time
        let bigExpected = Self.reference(big, bigN)
        for parts in [2, 3, 5] { #expect(Self.ordered(big, bigN, parts: parts) == bigExpected) }
    }

    /// The table followed by a copy whose customers are shifted by `shift` (still in customer order).
    static func appendingShifted(_ t: TransactionTable, by shift: Int32) -> TransactionTable {
        var u = t
        let top = (t.customer.max() ?? -1) + 1
        for r in 0..<t.count {
            u.customer.append(t.customer[r] + max(shift, top)); u.day.append(t.day[r]); u.amount.append(t.amount[r])
            u.margin.append(t.margin[r]); u.quantity.append(t.quantity[r]); u.givenAsCost.append(t.givenAsCost[r])
        }
        return u
    }

    @Test func rowsOutOfCustomerOrderFallBack() throws {
        let dated = AnalysisEquivalenceTests.workspace(customers: 500, seed: 8, extreme: false, dateOrdered: true)
        #expect(Self.ordered(dated.transactions, dated.customers.count, parts: 2) == nil)
        var t = AnalysisEquivalenceTests.workspace(customers: 500, seed: 8, extreme: false, dateOrdered: false).transactions
        let r = try #require((1..<t.count).first { t.customer[$0] == t.customer[$0 - 1] && $0 > t.count / 2 })
        t.day[r] = t.day[r - 1] - 1  // one customer's day going back
        #expect(Self.ordered(t, 500, parts: 1) == nil)
        #expect(Self.reference(t, 500).rows.permutation != nil)
        t.customer[r] = 900  // a customer outside the table
        #expect(Self.ordered(t, 500, parts: 3) == nil)
        // The analyser's choice gives the reference either way.
        let (a, _) = CustomerAggregates.computing(dated.transactions, customerCount: 500, asOf: Self.asOf,
                                                  windowStart: Self.asOf.adding(months: -12), defaultMarginRate: 0.3,
                                                  others: 0) { $0 }
        #expect(a == Self.reference(dated.transactions, 500))
    }

    static func percentiles(_ n: Int, _ fill: (UnsafeMutableBufferPointer<Float>) -> Void) -> [UInt32] {
        var out = [Float](repeating: -1, count: n)
        out.withUnsafeMutableBufferPointer { fill($0) }
        return out.map(\.bitPattern)
    }

    static func same(_ raw: [Double], _ ranks: ColumnRanks) -> Bool {
        let reference = SortedColumn(raw: raw)
        let a = percentiles(raw.count) { reference.percentiles(into: $0) }
        let b = percentiles(raw.count) { ranks.percentiles(into: $0) }
        guard a == b, reference.count == ranks.count else { return false }
        return !raw.allSatisfy(\.isFinite) || reference.quintiles() == ranks.quintiles()
    }

    static func column(_ n: Int, seed: UInt64, _ value: (Int) -> Double) -> [Double] {
        var x = seed | 1
        return (0..<n).map { _ in
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            return value(Int(x % 1_000_003))
        }
    }

    @Test func countedRanksAreTheSortedOnes() {
        let n = 5000
        let columns: [[Double]] = [
            Self.column(n, seed: 1) { Double($0 % 40) },                       // many ties
            Self.column(n, seed: 2) { Double(-($0 % 3000)) },                  // negative days
            Self.column(n, seed: 3) { $0 % 7 == 0 ? .nan : Double($0 % 11) },  // unknowns
            Self.column(n, seed: 4) { $0 % 5 == 0 ? -0.0 : Double($0 % 3) },   // −0 equals 0
            Self.column(n, seed: 5) { Double($0) * 1e9 },                      // integers, range too wide to count
            Self.column(n, seed: 6) { Double($0) / 7 },                        // not integers
            Self.column(n, seed: 7) { $0 % 2 == 0 ? .infinity : Double($0 % 9) },
            Self.column(n, seed: 8) { _ in .nan },
            [42], [], [3, 3, 3], [9_007_199_254_740_992, -9_007_199_254_740_992, 0],
        ]
        for raw in columns { #expect(Self.same(raw, ColumnRanks(raw: raw))) }
    }

    @Test func moneyRanksAreThoseOfTheDoubles() {
        let n = 5000
        let columns: [[Int64]] = [
            (0..<n).map { Int64($0 % 300) * 100 },                                   // ties, counted
            (0..<n).map { Int64(($0 * 7919) % 20_011) - 10_000 },                    // negatives, counted
            (0..<n).map { Int64(($0 &* 2_654_435_761) % 900_000_000) - 1000 },        // wide: sorted integers
            (0..<n).map { $0 % 3 == 0 ? 1 << 40 : -(1 << 40) + Int64($0) },          // at the exact limit
            (0..<n).map { $0 % 4 == 0 ? Int64.max - Int64($0) : Int64.min + Int64($0 % 5) },  // beyond: doubles
            (0..<n).map { $0 % 2 == 0 ? Int64.max / 3 : 0 },
            [], [5], [0, 0, -1],
        ]
        for minor in columns {
            #expect(Self.same(minor.map { Double($0) / 100 }, ColumnRanks(minor: minor)))
        }
    }
}
