import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
@testable import AcumenUI

/// The kept sort buckets (``SortOrders``, ``SortBuckets``) sort every column exactly as the
/// column's own stable sort (``AccountColumn/sorted(_:_:descending:)``) does, from any incoming
/// order, and are used only while the table shows the values they were computed from: after an
/// edit, a weight change or another date they are recomputed for the columns that changed.
@Suite struct SortOrdersTests {
    /// Incoming orders: the workspace order, a shuffle, and the order of another column.
    static func orders(_ t: AccountTable, seed: UInt64) -> [[Int32]] {
        let identity = (0..<Int32(t.count)).map { $0 }
        var g = SeededGenerator(seed: seed)
        var shuffled = identity
        for k in shuffled.indices.reversed() where k > 0 { shuffled.swapAt(k, g.below(k + 1)) }
        return [identity, shuffled, AccountColumn.tier.sorted(shuffled, t, descending: true)]
    }

    /// A table with Δ columns, ties and unknown values in several columns.
    static func table() -> AccountTable {
        var t = LazyTableTests.view().accountTable()
        t.deltaScore = (0..<t.count).map { (k: Int) -> Double in
            k % 17 == 0 ? Double.nan : Double((k * 7) % 23) - 11
        }
        t.deltaRank = (0..<t.count).map { (k: Int) -> Int32 in Int32((k * 13) % 41) - 20 }
        t.deltaScore.removeLast(5)  // rows past the end have no value
        return t
    }

    @Test(arguments: [1, 2] as [UInt64]) func everyColumnSortsAsTheColumnsOwnSort(seed: UInt64) {
        let t = Self.table(), eager = LazyTableTests.eager(LazyTableTests.view())
        let orders = SortOrders()
        for rows in Self.orders(t, seed: seed) {
            for c in AccountColumn.allCases {
                for d in [false, true] {
                    let expected = c.sorted(rows, t, descending: d)
                    #expect(orders.sorted(c, rows, t, descending: d) == expected, "\(c) descending \(d)")
                    // Twice: the kept buckets give the same order.
                    #expect(orders.sorted(c, rows, t, descending: d) == expected, "\(c) descending \(d), kept")
                    if !c.isBaselineDelta { #expect(SortBuckets(c, eager).sorted(rows, descending: d) == expected, "\(c) eager") }
                    // The walk of the ascending order by runs (used from 4,096 distinct values) too.
                    let ranks = SortBuckets(c, t)
                    if ranks.runs == nil {
                        #expect(TieRuns(rank: ranks.rank, buckets: ranks.buckets).sorted(rows, descending: d) == expected, "\(c) runs")
                    }
                }
            }
        }
        // A subset of the rows (a scope) sorts the same way too.
        let some = Self.orders(t, seed: seed)[1].filter { $0 % 3 != 0 }
        for c in AccountColumn.allCases {
            #expect(orders.sorted(c, some, t, descending: true) == c.sorted(some, t, descending: true), "\(c) subset")
            let ranks = SortBuckets(c, t)
            for d in [false, true] {
                #expect(TieRuns(rank: ranks.rank, buckets: ranks.buckets).sorted(some, descending: d) == c.sorted(some, t, descending: d), "\(c) subset runs")
            }
        }
    }

    /// From 4,096 distinct values a column is kept as its ascending order and runs of ties.
    @Test func columnsOfManyValuesSortByTheirRuns() {
        var t = AccountTable()
        t.ownerNames = ["ann"]
        var g = SeededGenerator(seed: 9)
        for k in 0..<9_000 {
            t.append(id: "c\(k)", name: "n\(k)", tier: UInt8(g.below(4)), score: k % 11 == 0 ? .nan : Double(g.below(6_000)) / 7,
                     abc: 0, segment: 0, revenue: Int64(g.below(8_000)) - 100, contribution: Int64(k % 5),
                     clv: k % 13 == 0 ? Int64.min : Int64(g.below(7_000)), strategy: 0, owner: 0, triage: .unreviewed, monthly: [])
        }
        let orders = SortOrders()
        for rows in Self.orders(t, seed: 4) + [Self.orders(t, seed: 5)[1].filter { $0 % 4 != 1 }] {
            for c in [AccountColumn.score, .revenue, .clv, .contribution, .tier] {
                #expect((SortBuckets(c, t).runs != nil) == (c != .contribution && c != .tier), "\(c)")
                for d in [false, true] {
                    #expect(orders.sorted(c, rows, t, descending: d) == c.sorted(rows, t, descending: d), "\(c) descending \(d)")
                }
            }
        }
    }

    @Test func keptBucketsFollowTheValuesNotTheTable() {
        var t = Self.table()
        let orders = SortOrders()
        orders.warm(t, columns: [.name, .score, .revenue, .clv, .trend, .deltaScore])
        for c in [AccountColumn.name, .score, .revenue, .clv, .trend, .deltaScore] { #expect(orders.isKept(c, t), "\(c)") }
        // A copy of the table, and a new table with the same figures, keep them (names: per table).
        let copy = t
        #expect(orders.isKept(.score, copy) && orders.isKept(.name, copy))
        let rebuilt = LazyTableTests.view().accountTable()
        #expect(orders.isKept(.revenue, rebuilt) && orders.isKept(.score, rebuilt) && !orders.isKept(.name, rebuilt))
        // A weight change: new scores; the revenue's buckets stay.
        var scores = t.score
        scores.swapAt(0, 1)
        scores[2] = 99.5
        t.score = scores
        #expect(!orders.isKept(.score, t) && orders.isKept(.revenue, t))
        let rows = (0..<Int32(t.count)).map { $0 }
        for d in [false, true] {
            #expect(orders.sorted(.score, rows, t, descending: d) == AccountColumn.score.sorted(rows, t, descending: d))
        }
        #expect(orders.isKept(.score, t))
        // An edit of one revenue figure.
        t.revenue[7] += 1
        #expect(!orders.isKept(.revenue, t))
        #expect(orders.sorted(.revenue, rows, t, descending: true) == AccountColumn.revenue.sorted(rows, t, descending: true))
        // Owners, tags and triage: an edit of master data makes their kept buckets stale.
        orders.warm(t, columns: [.owner, .tags, .triage, .tier])
        #expect(orders.isKept(.owner, t) && orders.isKept(.tags, t) && orders.isKept(.triage, t))
        t.refresh([AccountTable.RowRefresh(row: 3, owner: "Zed", tags: "new", triage: .decided)])
        for c in [AccountColumn.owner, .tags, .triage] {
            #expect(!orders.isKept(c, t), "\(c)")
            #expect(orders.sorted(c, rows, t, descending: false) == c.sorted(rows, t, descending: false), "\(c)")
        }
        #expect(orders.isKept(.tier, t))
    }

    @Test func anotherDateRecomputesEveryColumn() {
        let v = LazyTableTests.view()
        let t = v.accountTable()
        let orders = SortOrders()
        orders.warm(t)
        let other = WorkspaceView.analysing(v.workspace, asOf: v.asOf.adding(months: -3), lifetimeValue: false).accountTable()
        for c in SortOrders.warmed where !(c.sorted((0..<Int32(t.count)).map { $0 }, t, descending: false)
                                           == c.sorted((0..<Int32(t.count)).map { $0 }, other, descending: false)) {
            #expect(!orders.isKept(c, other), "\(c)")
        }
        let rows = Self.orders(other, seed: 3)[1]
        for c in AccountColumn.defaults {
            #expect(orders.sorted(c, rows, other, descending: true) == c.sorted(rows, other, descending: true), "\(c)")
        }
    }

    /// Sorting by key keeps the listed rows (filter and scope) and gives the view a full rebuild gives.
    @Test(arguments: ["", "tier=Key", "a", "revenue>1000 or tag~vip", "tier=("] as [String])
    func sortKeysGiveTheViewOfAFullRebuild(filter: String) {
        var s = AppState(width: 140, height: 30, workspaceName: "t")
        _ = s.update(.loaded(Self.table()))
        if !filter.isEmpty {
            _ = s.update(.key(.char("f")))
            for ch in filter { _ = s.update(.key(.char(ch))) }
            _ = s.update(.key(.enter))
            // A filter that does not parse stays in its prompt: Esc restores the previous one.
            if case .prompt = s.overlay { _ = s.update(.key(.escape)) }
        }
        var expected = s.accounts.order
        for step in 0..<12 {
            _ = s.update(.key(.char("l")))
            _ = s.update(.key(.char(step % 3 == 0 ? "[" : "]")))
            if let c = s.accounts.sortColumn { expected = c.sorted(expected, s.table, descending: s.accounts.sortDescending) }
            #expect(s.accounts.order == expected, "\(String(describing: s.accounts.sortColumn)) filter \(filter)")
            var full = s.accounts
            full.rebuild(s.table, resort: false)
            #expect(s.accounts.view.count == full.view.count && s.accounts.view == full.view, "\(String(describing: s.accounts.sortColumn)) filter \(filter)")
            #expect(s.accounts.totals == full.totals && s.accounts.cursor == full.cursor)
        }
    }
}
