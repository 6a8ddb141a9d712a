import Testing
@testable import AcumenUI

/// ``TieRuns`` sorts any incoming order stably by its column, long runs of equal values
/// (radix-sorted positions, from ``TieRuns/radixFrom`` rows) included.
@Suite struct TieRunsTests {
    /// The stable sort by bucket the runs must give: buckets ascending (descending: known ones
    /// reversed), the unknown bucket last, equal buckets in incoming order.
    static func reference(_ rows: [Int32], _ rank: [UInt32], buckets: Int, descending: Bool) -> [Int32] {
        rows.enumerated().sorted { x, y in
            let a = Int(rank[Int(x.element)]), b = Int(rank[Int(y.element)])
            let ka = a == buckets ? Int.max : (descending ? -a : a), kb = b == buckets ? Int.max : (descending ? -b : b)
            return ka != kb ? ka < kb : x.offset < y.offset
        }.map(\.element)
    }

    @Test func longRunsSortStablyLikeShortOnes() {
        var g = SystemRandomNumberGenerator()
        let n = 40_000
        for trial in 0..<3 {
            // A run of 43% of the rows (walked through a bitmap), one of ~6.6% (its positions
            // radix-sorted; the unknown bucket in some trials), short ones.
            let buckets = 900
            let rank: [UInt32] = (0..<n).map { i in
                switch i % 91 {
                case 0..<39: 17
                case 39..<45: trial % 2 == 0 ? UInt32(buckets) : 5
                default: UInt32.random(in: 0..<UInt32(buckets), using: &g)
                }
            }
            let runs = TieRuns(rank: rank, buckets: buckets)
            let every = (0..<Int32(n)).shuffled(using: &g)
            let subset = Array(every.filter { _ in Bool.random(using: &g) })
            for rows in [every, subset, (0..<Int32(n)).map { $0 }] {
                for descending in [false, true] {
                    let want = Self.reference(rows, rank, buckets: buckets, descending: descending)
                    #expect(runs.sorted(rows, descending: descending) == want)
                    #expect(runs.sorted(rows, descending: descending, byRank: false) == want)
                    #expect(TieRuns(rank: rank, buckets: buckets, keepRank: true).sorted(rows, descending: descending, byRank: true) == want)
                }
            }
        }
    }
}
