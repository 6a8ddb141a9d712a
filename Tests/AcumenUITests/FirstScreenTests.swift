import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// The first screen of a large workspace opens on a preview of its first rows (taken from the
/// analysis' ranking) and lists every row after the first frame: the preview's frame equals the
/// frame of a full listing, and every key, resize beyond the preview or background result gives
/// the same state as without a preview. Also: the review facts read from the analysis equal
/// the copied table, and the totals summed in row order equal the sums over the view.
@Suite struct FirstScreenTests {
    /// A runtime over its own copy of `workspace`, opening ranked by score as `acumen open` does.
    final class Opened {
        let folder: String
        let store: WorkspaceStore
        let runtime: Runtime

        init(_ workspace: Workspace, preview: Bool, width: Int = 100, height: Int = 30) throws {
            folder = FileManager.default.temporaryDirectory.path + "/acumen-first-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            try WorkspaceStore.create(folder, workspace: workspace).close()
            store = try WorkspaceStore.open(folder)
            let ws = store.workspace
            let analysis = PortfolioAnalyzer.analyze(ws, asOf: ws.asOf(fallback: DemoGenerator().asOf))
            var state = AppState(width: width, height: height, workspaceName: "demo")
            state.accounts.sortColumn = .score
            state.accounts.sortDescending = true
            runtime = Runtime(store: store, analysis: analysis, author: "ann", clock: { Timestamp(seconds: 1_767_225_600) },
                              state: state, firstScreenFrom: preview ? 0 : Int.max)
        }

        deinit {
            store.close()
            try? FileManager.default.removeItem(atPath: folder)
        }

        var state: AppState { runtime.state }
        var frame: String { runtime.frame.text }
    }

    static func workspace(_ n: Int = 600) -> Workspace {
        var w = DemoGenerator(customers: n, transactionsPerCustomer: 5, seed: 11).generate()
        // Equal figures for some customers, so equal scores straddle the preview's last row.
        for k in stride(from: 20, to: w.customers.count, by: 7) { w.customers[k].ratings = w.customers[13].ratings }
        return w
    }

    /// Everything the accounts list and the portfolio screen show.
    static func expectSameListing(_ a: AppState, _ b: AppState, _ why: String) {
        #expect(a.accounts.view == b.accounts.view, "\(why)")
        #expect(a.accounts.order == b.accounts.order, "\(why)")
        #expect(a.accounts.totals == b.accounts.totals, "\(why)")
        #expect(a.accounts.cursor == b.accounts.cursor && a.accounts.top == b.accounts.top, "\(why)")
        #expect(a.summary == b.summary, "\(why)")
        #expect(a.accounts.provisionalRows == nil && b.accounts.provisionalRows == nil, "\(why)")
    }

    @Test func thePreviewDrawsTheFrameOfTheFullListing() throws {
        let w = Self.workspace()
        let preview = try Opened(w, preview: true), full = try Opened(w, preview: false)
        #expect(preview.state.accounts.provisionalRows == Runtime.firstScreenRows)
        #expect(full.state.accounts.provisionalRows == nil)
        #expect(preview.frame == full.frame)
        #expect(preview.state.accounts.view.count == full.state.accounts.view.count)
        #expect(preview.state.accounts.totals == full.state.accounts.totals)
        // The clock, a notice and a resize the preview fills keep it.
        for r in [preview.runtime, full.runtime] {
            r.send(.tick(milliseconds: 5))
            r.send(.notice("hello", isError: false))
            r.send(.resize(width: 120, height: 50))
        }
        #expect(preview.state.accounts.provisionalRows != nil)
        #expect(preview.frame == full.frame)
    }

    @Test func anyKeyBeforeTheListingLandsSeesEveryRowListed() throws {
        let w = Self.workspace()
        let sequences: [[Key]] = [[.char("j")], [.end], [.char("]")], [.char("["), .char("]")], [.pageDown, .char("j")],
                                  [.char("2")], [.char("/"), .char("a"), .enter, .char("n")], [.char("f"), .char("t")]]
        for keys in sequences {
            let preview = try Opened(w, preview: true), full = try Opened(w, preview: false)
            for k in keys {
                preview.runtime.send(.key(k))
                full.runtime.send(.key(k))
            }
            Self.expectSameListing(preview.state, full.state, "\(keys)")
            #expect(preview.frame == full.frame, "\(keys)")
        }
        // A resize beyond the preview lists every row first.
        let preview = try Opened(w, preview: true), full = try Opened(w, preview: false)
        preview.runtime.send(.resize(width: 100, height: Runtime.firstScreenRows + 10))
        full.runtime.send(.resize(width: 100, height: Runtime.firstScreenRows + 10))
        Self.expectSameListing(preview.state, full.state, "resize")
        #expect(preview.frame == full.frame)
    }

    @Test func theListingFromTheBackgroundEqualsTheListingAtOnce() throws {
        let w = Self.workspace()
        let preview = try Opened(w, preview: true), full = try Opened(w, preview: false)
        let background = BackgroundWork()
        preview.runtime.useBackground(background)
        preview.runtime.listFirstScreenInBackground()
        #expect(background.waitUntilComputed(seconds: 30))
        preview.runtime.collectBackground()
        #expect(preview.runtime.firstScreenPending == nil)
        Self.expectSameListing(preview.state, full.state, "background")
        #expect(preview.frame == full.frame)
        // Sorted by score again: the buckets computed in the background are the ones kept.
        #expect(preview.state.accounts.sortOrders.isKept(.score, preview.state.table))
    }

    /// The first rows from the ranking equal the first rows of the full sort, for every count
    /// (counts ending inside a run of equal scores included).
    @Test func theFirstRowsByScoreEqualTheSortsFirstRows() throws {
        var g = SystemRandomNumberGenerator()
        for trial in 0..<40 {
            let n = Int.random(in: 1...400, using: &g)
            let values: [Double] = [97.5, 80, 80.25, 55, 12.125, 3, 1e-9]
            let scores = (0..<n).map { _ in values[Int.random(in: 0..<(trial % 2 == 0 ? 3 : values.count), using: &g)] }
            // A ranking: score descending, equal scores in any order.
            let ranked = (0..<Int32(n)).shuffled(using: &g).sorted { scores[Int($0)] > scores[Int($1)] }
            let reference = (0..<Int32(n)).sorted { a, b in
                let ka = RadixSort.key(scores[Int(a)]), kb = RadixSort.key(scores[Int(b)])
                return ka > kb || (ka == kb && a < b)
            }
            for count in [1, 2, 5, n / 3, n / 2, n - 1, n, n + 7] where count > 0 {
                #expect(AccountsState.firstByScore(count, scores: scores, ranked: ranked) == Array(reference.prefix(count)))
            }
        }
        // What the ranking cannot say.
        #expect(AccountsState.firstByScore(3, scores: [1, .nan, 2], ranked: [2, 1, 0]) == nil)
        #expect(AccountsState.firstByScore(3, scores: [1, 0, 2], ranked: [2, 0, 1]) == nil)
        #expect(AccountsState.firstByScore(2, scores: [1, 3, 2], ranked: [0, 1, 2]) == nil)
        #expect(AccountsState.firstByScore(2, scores: [1, 3], ranked: [1]) == nil)
        // From a real analysis, against the sort the list uses.
        let view = WorkspaceView.analysing(Self.workspace(), asOf: DemoGenerator().asOf, lifetimeValue: false)
        let t = view.accountTable()
        let sorted = SortOrders().sorted(.score, (0..<Int32(t.count)).map { $0 }, t, descending: true)
        for count in [1, 40, 100, 512] {
            #expect(AccountsState.firstByScore(count, scores: t.score, ranked: view.analysis.baseline.order) == Array(sorted.prefix(count)))
        }
    }

    /// The runtime's review facts (read from the analysis) equal the copied table, customer by customer.
    @Test func theReviewFactsReadFromTheAnalysisEqualTheTable() {
        let a = WorkspaceView.analysing(Self.workspace(), asOf: DemoGenerator().asOf, lifetimeValue: false).analysis
        for scoring in [nil, a.rescored(weights: [.monetary: 5, .tenure: 1], ranking: false)] {
            let facts = ScoredReviewFacts(a, scoring: scoring), table = ReviewFactsTable(facts)
            #expect(facts.count == table.count)
            #expect((0..<facts.count).allSatisfy {
                facts.score($0) == table.score($0) && facts.tierName($0) == table.tierName($0) && facts.recommendation($0) == table.recommendation($0)
            })
        }
    }

    /// The totals of every row, summed in row order, equal the sums over the view in sort order.
    @Test func theTotalsInRowOrderEqualTheSumsInSortOrder() throws {
        let opened = try Opened(Self.workspace(), preview: false)
        let s = opened.state, t = s.table
        var sums = AccountsState.Totals()
        for r in s.accounts.view {
            sums.revenue &+= t.revenue[Int(r)]
            sums.contribution &+= t.contribution[Int(r)]
            if t.clv[Int(r)] != Int64.min { sums.clv &+= t.clv[Int(r)] }
        }
        #expect(s.accounts.view.count == t.count)
        #expect(s.accounts.totals == sums)
    }
}
