import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// The lazy accounts table (names, ids and sparklines read per row, search keys and whole
/// columns built on first use) shows exactly what a table built eagerly, row by row, from the
/// same workspace and analysis shows — every cell, every sort order, every search — and the
/// search's working index finds exactly what a scan of the whole view finds.
@Suite struct LazyTableTests {
    /// The accounts table built the way it was before it became lazy: every row appended with
    /// its strings, the sparklines from one pass over every transaction, every review assessed.
    static func eager(_ view: WorkspaceView) -> AccountTable {
        let a = view.analysis, cs = view.workspace.customers
        let n = min(a.count, cs.count)
        var t = AccountTable()
        t.currency = a.settings.currency
        t.tierNames = a.tierNames.map(TextSanitizer.sanitize)
        t.segmentNames = a.rfm.segmentNames.map(TextSanitizer.sanitize)
        t.strategyNames = Strategy.allCases.map(\.title)
        let owner = WorkspaceView.codes(n, names: &t.ownerNames) { cs[$0].owner }
        let tags = WorkspaceView.codes(n, names: &t.tagNames) { cs[$0].tags.joined(separator: ", ") }
        let monthly = view.monthlySeries()
        let facts = ScoredReviewFacts(a)
        let rules = TriageSettings(view.workspace.settings)
        for k in 0..<n {
            let c = cs[k]
            t.append(id: c.id, name: c.name, tier: a.baseline.effectiveTiers[k], score: a.baseline.scores[k], abc: a.abc.classes[k],
                     segment: UInt8(min(Int(a.rfm.segment[k]), 254)), recency: a.rfm.r[k], frequency: a.rfm.f[k],
                     revenue: a.revenue[k], contribution: a.contribution[k], clv: view.lifetimeValue(k),
                     strategy: UInt8(Strategy.allCases.firstIndex(of: a.strategy.effective(k)) ?? 0), owner: owner[k],
                     triage: AccountTable.TriageState(ReviewState(review: c.review, index: k, facts: facts, rules: rules)),
                     monthly: monthly[(k * 12)..<(k * 12 + 12)], tags: tags[k])
        }
        t.strategyOverridden = Set((0..<n).filter { cs[$0].strategyOverride != nil }.map { Int32($0) })
        t.filterSource = AnalysisFilterRows(a, scoring: a.baseline)
        return t
    }

    /// A workspace with hostile names, tags, reviews (current and stale) and overrides.
    static func view() -> WorkspaceView {
        var w = FilterParityTests.workspace()
        let t0 = Timestamp(seconds: 1_767_225_600)
        w.customers[1].name = "Evil\u{1B}[31m Corp\tLtd"
        w.customers[2].name = "株式会社サクラ精機"
        w.customers[3].id = "ID\u{7}BELL"
        for k in stride(from: 4, to: w.customers.count, by: 29) { w.customers[k].tags = ["vip", "a\u{1B}b"] }
        for k in stride(from: 6, to: w.customers.count, by: 31) { w.customers[k].tags = ["north"] }
        for k in stride(from: 11, to: w.customers.count, by: 43) {
            w.customers[k].review = Review(status: .decided, strategy: .nurture, reason: "plan", author: "ann", at: t0, score: 12,
                                           recommendation: .cutCost, tier: "Tail")
        }
        return WorkspaceView.analysing(w, asOf: DemoGenerator().asOf)
    }

    @Test func everyCellEqualsTheEagerTable() {
        let v = Self.view()
        let lazy = v.accountTable(), eager = Self.eager(v)
        #expect(lazy.count == eager.count && lazy.count == 1_500)
        #expect(RuntimePropertyTests.rows(lazy) == RuntimePropertyTests.rows(eager))
        #expect(lazy.names.all == eager.names.all && lazy.ids.all == eager.ids.all)
        #expect((0..<lazy.count).allSatisfy { lazy.monthlyRevenue($0) == eager.monthlyRevenue($0) })
        #expect(lazy.lastMonth == eager.lastMonth)
        #expect(lazy.strategyOverridden == eager.strategyOverridden)
        let glyphs = GlyphSet.unicode
        for c in AccountColumn.defaults {
            #expect((0..<lazy.count).allSatisfy { c.text(lazy, $0, glyphs: glyphs) == c.text(eager, $0, glyphs: glyphs) }, "\(c)")
        }
    }

    @Test func everySortOrderAndSearchEqualsTheEagerTable() {
        let v = Self.view()
        let lazy = v.accountTable(), eager = Self.eager(v)
        let rows = (0..<Int32(lazy.count)).map { $0 }
        for c in AccountColumn.defaults {
            for d in [false, true] {
                #expect(c.sorted(rows, lazy, descending: d) == c.sorted(rows, eager, descending: d), "\(c) descending \(d)")
            }
        }
        for needle in ["a", "gmbh", "sakura", "株式", "evil", "id\u{7}", "zz-none", "c-0001"] {
            let b = TextFolding.foldedBytes(needle)
            #expect((0..<lazy.count).allSatisfy { lazy.searchKey($0, contains: b) == eager.searchKey($0, contains: b) }, "\(needle)")
        }
    }

    /// The review facts copied straight from the analysis' arrays equal the generic copy.
    @Test func directReviewFactsEqualTheGenericCopy() {
        func generic(_ f: some ReviewFacts) -> ReviewFactsTable { ReviewFactsTable(f) }
        let a = Self.view().analysis
        let facts = ScoredReviewFacts(a)
        #expect(ReviewFactsTable(facts) == generic(facts))
        let what = ScoredReviewFacts(a, scoring: a.rescored(weights: [.monetary: 5, .tenure: 1], ranking: false))
        #expect(ReviewFactsTable(what) == generic(what))
    }

    @Test func theSearchKeysAreBuiltOnceAndSharedByCopies() {
        let t = Self.view().accountTable()
        let copy = t
        #expect(!t.isSearchIndexBuilt)
        copy.warmSearchIndex()
        #expect(t.isSearchIndexBuilt && t.searchCacheID == copy.searchCacheID)
    }

    /// Typing a search letter by letter, backspacing and pressing n/N: the working index gives
    /// the cursor and the "3 of 41" a scan of the whole view gives.
    @Test(arguments: [1, 2, 3] as [UInt64]) func incrementalSearchEqualsAFullScan(seed: UInt64) {
        var s = AppState(width: 100, height: 30, workspaceName: "t")
        _ = s.update(.loaded(Self.view().accountTable()))
        var g = SeededGenerator(seed: seed)
        let letters = Array("aeingmbhc-0 ")
        var text = ""
        _ = s.update(.key(.char("/")))
        for _ in 0..<40 {
            switch g.below(6) {
            case 0 where !text.isEmpty: text.removeLast(); _ = s.update(.key(.backspace))
            default:
                let ch = letters[g.below(letters.count)]
                text.append(ch); _ = s.update(.key(.char(ch)))
            }
            let needle = TextFolding.foldedBytes(text)
            guard !needle.isEmpty else { continue }
            let scan = SearchHits.count(needle, view: s.accounts.view, table: s.table, cursor: s.accounts.cursor)
            #expect(s.accounts.searchHits == scan, "after typing \(text)")
            if scan.total > 0 { #expect(s.table.searchKey(Int(s.accounts.view[s.accounts.cursor]), contains: needle)) }
        }
        _ = s.update(.key(.enter))
        for key in [Key.char("n"), .char("n"), .char("N"), .char("n")] {
            let before = s.accounts.cursor
            _ = s.update(.key(key))
            let needle = TextFolding.foldedBytes(s.accounts.search)
            guard !needle.isEmpty, !s.accounts.view.isEmpty else { continue }
            // The next match by a plain scan from the cursor, wrapping.
            let n = s.accounts.view.count, step = key == .char("n") ? 1 : -1
            let expected = (1...n).map { ((before + step * $0) % n + n) % n }
                .first { s.table.searchKey(Int(s.accounts.view[$0]), contains: needle) }
            #expect(s.accounts.cursor == (expected ?? before))
        }
    }
}

/// An edit of master data under a filter re-tests only the touched rows: the view, totals and
/// cursor equal a full rebuild's.
@Suite struct IncrementalRefilterTests {
    @Test(arguments: [1, 2, 3] as [UInt64]) func touchedRowsGiveTheViewOfAFullRebuild(seed: UInt64) {
        var s = AppState(width: 100, height: 30, workspaceName: "t")
        _ = s.update(.loaded(LazyTableTests.view().accountTable()))
        var g = SeededGenerator(seed: seed)
        let filters = ["unreviewed", "owner=\"Chen Wei\" or tag~vip", "reviewed", "not tag~north and score>20", "a"]
        let owners = ["Chen Wei", "Ann", ""]
        for step in 0..<60 {
            if step % 15 == 0 {
                s.accounts.filter = filters[(step / 15 + Int(seed)) % filters.count]
                s.accounts.sortColumn = [AccountColumn.score, .name, .revenue][g.below(3)]
                s.accounts.rebuild(s.table, resort: true)
            }
            let rows = (0..<(1 + g.below(3))).map { _ in g.below(s.table.count) }
            let refresh = rows.map { r in
                AccountTable.RowRefresh(row: r, owner: owners[g.below(owners.count)], tags: ["vip", "", "north"][g.below(3)],
                                        triage: AccountTable.TriageState.allCases[g.below(5)])
            }
            s.accounts.cursor = g.below(max(1, s.accounts.view.count))
            s.table.refresh(refresh)
            var full = s.accounts
            full.rebuild(s.table, resort: false)
            s.accounts.refilter(rows: rows, s.table)
            #expect(s.accounts.view == full.view && s.accounts.totals == full.totals && s.accounts.cursor == full.cursor, "step \(step)")
        }
    }
}
