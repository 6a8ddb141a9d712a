import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// Every kind of edit, through the one runtime, refreshes every view model that shows it —
/// at once, without an unrelated edit — and undo acts where the user can see it.
@Suite struct RuntimeViewModelTests {
    /// The row of the accounts list a profile shows, and the profile open on it.
    static func openProfile(_ h: WorkflowHarness, at position: Int = 1) throws -> Int {
        h.press(.char("g"))
        for _ in 0..<position { h.press(.char("j")) }
        h.press(.enter)
        guard case .profile(let k) = h.state.screen else { throw ProfileNotOpen() }
        return k
    }

    struct ProfileNotOpen: Error {}

    @Test func ownerNoteAndTagsOnAProfileShowAtOnceEverywhere() throws {
        let h = try WorkflowHarness(width: 120, height: 40)
        let k = try Self.openProfile(h)
        h.press(.char("o"), .ctrl("u")); h.type("Zoë Brandt"); h.press(.enter)
        // The header, the accounts row and the history show the owner before anything else happens.
        #expect(h.state.profile?.headline.contains { $0.label == "Owner" && $0.value == "Zoë Brandt" } == true)
        #expect(h.state.table.ownerName(k) == "Zoë Brandt")
        #expect(h.state.profile?.history.last?.hasSuffix("→ Zoë Brandt") == true)
        #expect(h.frame.contains("Zoë Brandt"))
        h.press(.char("e")); h.type("Visited the plant"); h.press(.enter)
        #expect(h.state.profile?.notes.last?.hasSuffix("ann: Visited the plant") == true)
        #expect(h.state.profile?.history.last?.hasSuffix("ann: note added") == true)
        h.press(.char("t"), .ctrl("u")); h.type("vip, 重点"); h.press(.enter)
        #expect(h.state.profile?.tags == ["vip", "重点"])
        #expect(h.state.profile?.headline.contains { $0.label == "Tags" && $0.value == "vip, 重点" } == true)
        #expect(h.state.table.tagText(k) == "vip, 重点")
        // The prompt starts from what is recorded, so typing again does not append.
        h.press(.char("o"))
        guard case .workflow(.input(let t))? = h.state.overlay else { Issue.record("expected the owner prompt"); return }
        #expect(t.text == "Zoë Brandt")
        h.press(.escape)
        // Back on the list the row says so too.
        h.press(.escape)
        #expect(h.state.screen == .accounts && h.frame.contains("Zoë Brandt"))
        // The profile's edits are one step each: undo takes back the tags first, everywhere.
        h.press(.char("u"))
        #expect(h.state.table.tagText(k) == "" && h.workspace.customers[k].tags.isEmpty)
    }

    @Test func bulkEditsOnMarkedRowsShowAtOnceOnEveryRowAndProfile() throws {
        let h = try WorkflowHarness()
        h.press(.char(" "), .char(" "), .char(" "))
        let rows = h.state.accounts.marks.map(Int.init).sorted()
        h.press(.char("o")); h.type("Solo Owner"); h.press(.enter)
        h.press(.char("t")); h.type("q3"); h.press(.enter)
        h.press(.char("e")); h.type("Q3 review"); h.press(.enter)
        #expect(rows.allSatisfy { h.state.table.ownerName($0) == "Solo Owner" && h.state.table.tagText($0) == "q3" })
        #expect(h.journalRecords == 3)
        // Any of the marked profiles shows the three edits in its header, notes and history.
        h.press(.char("g"))
        h.press(.enter)
        guard case .profile(let k) = h.state.screen, rows.contains(k) else { Issue.record("expected a marked profile"); return }
        let p = try #require(h.state.profile)
        #expect(p.headline.contains { $0.value == "Solo Owner" } && p.tags == ["q3"] && p.notes.last?.contains("Q3 review") == true)
        #expect(p.history.count >= 3)
        // Undo on the profile (where the note shows) takes the note back from it at once.
        h.press(.char("u"))
        #expect(h.state.profile?.notes.isEmpty == true)
    }

    @Test func theFilterSeesTagsNotesAndReviewsRightAfterTheEdit() throws {
        let h = try WorkflowHarness()
        h.press(.char(" "), .char(" "), .char(" "))
        let rows = h.state.accounts.marks.map(Int.init).sorted()
        h.press(.char("t")); h.type("q3"); h.press(.enter)
        h.press(.char("e")); h.type("Q3 review"); h.press(.enter)
        // No figure changed, so no new analysis: the filter must still see the new master data.
        h.press(.char("f")); h.type("tag:q3"); h.press(.enter)
        #expect(h.state.accounts.view.map(Int.init).sorted() == rows)
        h.press(.char("f")); h.type("hasNotes and tag=q3"); h.press(.enter)
        #expect(h.state.accounts.view.map(Int.init).sorted() == rows)
        // Undo the note: the same filter drops those rows again.
        h.press(.char("u"))
        h.press(.char("f")); h.type("hasNotes and tag=q3"); h.press(.enter)
        #expect(h.state.accounts.view.isEmpty)
    }

    @Test func aTriageDecisionRefreshesTheListTheCardAndTheProfile() throws {
        let h = try WorkflowHarness()
        h.press(.char("3"))
        let k = try #require(h.current)
        #expect(h.state.triage.card?.customer == k && h.state.triage.card?.reviewLabel == "new")
        h.press(.char("a"))
        #expect(h.state.table.triage[k] == .accepted)
        #expect(h.state.triage.card?.customer == h.current)
        // Jump back: the card of the decided account says it is done.
        h.press(.char("p"))
        #expect(h.state.triage.card?.customer == k && h.state.triage.card?.reviewLabel == "done")
        h.press(.enter)
        #expect(h.state.profile?.history.last?.contains("review: accepted") == true)
    }

    /// The figures an override changes — the account's tier and strategy — on the list, the
    /// filter and the analysis at once, as a full analysis gives them, without one (the
    /// analysis' overrides are patched) and without rebuilding the list's search keys.
    @Test func overridesShowTheirTierAndStrategyEverywhereAsAFullAnalysisWould() throws {
        let h = try WorkflowHarness()
        h.press(.char("3"))
        let k = try #require(h.current)
        let recommended = h.runtime.facts.recommendation(k)
        let (chosen, key): (Strategy, Character) = recommended == .cutCost ? (.grow, "w") : (.cutCost, "c")
        _ = h.state.table.searchKeys
        let searchKeys = h.state.table.searchCacheID
        h.press(.char(key)); h.type("bench reason"); h.press(.enter)
        #expect(h.workspace.customers[k].strategyOverride?.value == chosen.rawValue)
        let fresh = PortfolioAnalyzer.analyze(h.workspace, asOf: h.runtime.asOf)
        let a = h.runtime.analysis
        #expect(a.strategy.override == fresh.strategy.override && a.strategy.recommended == fresh.strategy.recommended)
        #expect(a.baseline.effectiveTiers == fresh.baseline.effectiveTiers && a.baseline.scores == fresh.baseline.scores)
        let rebuilt = h.rebuiltTable
        #expect(h.state.table.strategy == rebuilt.strategy && h.state.table.strategyOverridden == rebuilt.strategyOverridden)
        #expect(h.state.table.strategy[k] == UInt8(Strategy.allCases.firstIndex(of: chosen) ?? 0))
        #expect(h.state.table.searchCacheID == searchKeys)
        // The portfolio's tier and strategy figures follow too.
        #expect(h.state.summary == h.state.portfolioFigures(rebuilt))
        // A tier override on the profile: the tier column and a filter on it follow at once.
        h.press(.char("1"))
        let row = try Self.openProfile(h, at: 2)
        let tiers = h.runtime.analysis.tierNames
        let tier = try #require(tiers.last)
        h.press(.char("T")); h.type("\(tier): moved"); h.press(.enter)
        #expect(h.state.table.tier[row] == UInt8(tiers.count - 1) && h.state.table.tier == h.rebuiltTable.tier)
        #expect(h.runtime.analysis.baseline.effectiveTiers == PortfolioAnalyzer.analyze(h.workspace, asOf: h.runtime.asOf).baseline.effectiveTiers)
        #expect(h.state.summary == h.state.portfolioFigures(h.rebuiltTable))
        h.press(.escape)
        h.press(.char("f")); h.type("tier:\"\(tier)\""); h.press(.enter)
        #expect(h.state.accounts.view.contains(Int32(row)))
        // Undo clears it everywhere again.
        h.press(.char("u"))
        #expect(h.workspace.customers[row].tierOverride == nil && h.state.table.tier == h.rebuiltTable.tier)
        #expect(h.state.summary == h.state.portfolioFigures(h.rebuiltTable))
    }

    /// A rating re-analyses (keeping the transaction pass): the list takes the new figures and
    /// keeps its search keys, owners and tags (names and master data did not change).
    @Test func aRatingKeepsTheListsSearchKeys() throws {
        let h = try WorkflowHarness()
        _ = h.state.table.searchKeys
        let searchKeys = h.state.table.searchCacheID
        let k = try Self.openProfile(h)
        h.press(.char("r")); h.type("satisfaction 0"); h.press(.enter)
        #expect(h.state.table.searchCacheID == searchKeys && h.state.table.isSearchIndexBuilt)
        #expect(h.state.table.score == h.rebuiltTable.score && h.state.table.names[k] == h.rebuiltTable.names[k])
        let fresh = PortfolioAnalyzer.analyze(h.workspace, asOf: h.runtime.asOf)
        #expect(h.runtime.analysis.baseline.scores == fresh.baseline.scores && h.runtime.analysis.matrix.values == fresh.matrix.values)
    }

    /// Ratings that carry the lowest ranked account to the top (pushing a neighbour over each
    /// tier edge it crosses) show at once everywhere as a full analysis and a new list would
    /// show them: the analysis, the list's columns and order under a filter, the portfolio
    /// figures, the triage states and counts — the list is patched, not rebuilt.
    @Test func ratingsShowEverywhereAsAFullAnalysisWould() throws {
        let h = try WorkflowHarness(customers: 60)
        h.press(.char("3"))
        for _ in 0..<20 { h.press(.char("a")) }
        h.press(.char("1"))
        h.runtime.state.accounts.sortColumn = .score
        h.runtime.state.accounts.sortDescending = true
        h.runtime.state.accounts.rebuild(h.state.table, resort: true)
        let low = try #require(h.runtime.analysis.baseline.order.last.map(Int.init))
        h.press(.char("G"), .enter)
        #expect(h.state.screen == .profile(low))
        h.runtime.state.accounts.filter = "score>30"
        h.runtime.state.accounts.rebuild(h.state.table, resort: true)
        let searchKeys = h.state.table.searchCacheID
        var pushed = 0
        for c in Criterion.rated {
            let tiersBefore = h.runtime.analysis.baseline.tiers
            let best = (h.workspace.settings.setting(for: c)?.direction ?? c.defaultDirection) == .lowerIsBetter ? 0 : 10
            h.press(.char("r")); h.type("\(c.rawValue) \(best)"); h.press(.enter)
            #expect(h.workspace.customers[low].ratings[c] == Double(best), "\(c)")
            let fresh = PortfolioAnalyzer.analyze(h.workspace, asOf: h.runtime.asOf)
            let a = h.runtime.analysis
            #expect(a.baseline.scores == fresh.baseline.scores && a.baseline.order == fresh.baseline.order, "\(c)")
            #expect(a.baseline.effectiveTiers == fresh.baseline.effectiveTiers && a.strategy.recommended == fresh.strategy.recommended, "\(c)")
            pushed += (0..<a.count).filter { $0 != low && a.baseline.tiers[$0] != tiersBefore[$0] }.count
            let rebuilt = h.rebuiltTable, t = h.state.table
            #expect(t.score == rebuilt.score && t.tier == rebuilt.tier && t.strategy == rebuilt.strategy && t.triage == rebuilt.triage, "\(c)")
            #expect(h.state.summary == h.state.portfolioFigures(rebuilt), "\(c)")
            #expect(t.searchCacheID == searchKeys, "\(c): the list was patched")
            // The list: every row over 30 points, best first, as the filter and sort list them.
            var list = h.state.accounts
            list.rebuild(rebuilt, resort: true)
            #expect(h.state.accounts.view == list.view && h.state.accounts.totals == list.totals, "\(c)")
            let q = try #require(h.state.triage.queue)
            #expect(h.state.triageProgress == q.progress(workspace: h.workspace, facts: h.runtime.facts, rules: h.runtime.rules), "\(c)")
        }
        #expect(h.runtime.analysis.baseline.ranks[low] < Int32(h.runtime.analysis.count) - 10)
        #expect(pushed > 0)
    }

    /// A rating updates the analysis in place: its criteria matrix and its score column keep
    /// their storage (the list and the score's sort buckets let go of the scores first), and the
    /// matrix keeps it even while background work holds a copy of the list (as the search keys'
    /// and sort buckets' jobs do: ``AccountTable/detachedFromAnalysis``). At a million accounts a
    /// copy of the matrix alone is 70 MB and ~50 ms on the key, of the scores 8 MB.
    @Test func aRatingUpdatesTheAnalysisInPlace() throws {
        let h = try WorkflowHarness(customers: 40)
        h.runtime.state.accounts.sortColumn = .score
        h.runtime.state.accounts.sortDescending = true
        h.runtime.state.accounts.rebuild(h.state.table, resort: true)
        _ = h.state.accounts.sortOrders.ranks(.score, h.state.table)
        let k = try Self.openProfile(h, at: 3)
        func address<T>(_ a: [T]) -> UnsafeRawPointer? { a.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) } }
        let matrix = address(h.runtime.analysis.matrix.values), scores = address(h.runtime.analysis.baseline.scores)
        h.press(.char("r")); h.type("satisfaction 9"); h.press(.enter)
        #expect(h.workspace.customers[k].ratings[.satisfaction] == 9)
        #expect(address(h.runtime.analysis.matrix.values) == matrix, "the matrix was copied")
        #expect(address(h.runtime.analysis.baseline.scores) == scores, "the scores were copied")
        #expect(address(h.state.table.score) == scores, "the list shares the analysis' scores")
        let second = address(h.runtime.analysis.baseline.scores)
        h.press(.char("r")); h.type("satisfaction 5"); h.press(.enter)
        #expect(address(h.runtime.analysis.baseline.scores) == second, "the scores were copied on the next rating")
        // Again while a background job holds the list.
        let held = h.state.table.detachedFromAnalysis
        h.press(.char("r")); h.type("satisfaction 2"); h.press(.enter)
        #expect(h.workspace.customers[k].ratings[.satisfaction] == 2)
        #expect(address(h.runtime.analysis.matrix.values) == matrix, "the matrix was copied beside a background job")
        #expect(held.count == h.state.table.count)
    }

    /// The scenario comparison follows an override that moves an account's tier (the analysis
    /// is patched, not rebuilt) and a rating (its columns updated): its migration is the one
    /// of the analysis as it now is.
    @Test func theScenarioComparisonFollowsOverridesAndRatings() throws {
        let h = try WorkflowHarness(customers: 40)
        h.press(.char("4"), .char("+"), .char("+"), .char("+"), .char("+"), .char("+"), .char("c"))
        #expect(h.state.screen == .scenarios && h.state.scenarios.comparison != nil)
        func expectCurrent(_ label: String) throws {
            let w = try #require(h.state.scenarios.comparison)
            let a = h.runtime.analysis
            let direct = ScoringComparison(baseline: a.rescored(weights: w.baselineWeights), scenario: a.rescored(weights: w.weights))
            #expect(w.comparison.migration == direct.migration, "\(label)")
            #expect(w.analysis.count == a.count, "\(label)")
        }
        h.press(.char("1"))
        let row = try Self.openProfile(h, at: 3)
        let tiers = h.runtime.analysis.tierNames
        let other = tiers[(Int(h.state.table.tier[row]) + 1) % tiers.count]
        h.press(.char("T")); h.type("\(other): moved"); h.press(.enter)
        #expect(h.workspace.customers[row].tierOverride?.value == other)
        try expectCurrent("after a tier override")
        h.press(.char("r")); h.type("satisfaction 0"); h.press(.enter)
        try expectCurrent("after a rating")
    }

    /// A what-if tried before a rating keeps its weights and, when shown again, scores the
    /// analysis with the rating (it let go of the old one while the rating was taken in).
    @Test func aWhatIfTriedBeforeARatingFollowsItWhenShownAgain() throws {
        let h = try WorkflowHarness()
        h.press(.char("4"), .char("+"), .char("+"))
        let tried = try #require(h.state.weights.whatIf?.weights)
        h.press(.char("1"))
        _ = try Self.openProfile(h)
        h.press(.char("r")); h.type("satisfaction 0"); h.press(.enter)
        h.press(.escape, .char("4"))
        let w = try #require(h.state.weights.whatIf)
        #expect(w.weights == tried && w.analysis.count == h.runtime.analysis.count)
        #expect(w.scoring.scores == h.runtime.analysis.rescored(weights: tried).scores)
        #expect(w.baseline.scores == h.runtime.analysis.baseline.scores)
    }

    @Test func aRatingRebuildsTheFiguresAndTheProfile() throws {
        let h = try WorkflowHarness()
        let k = try Self.openProfile(h)
        let before = try #require(h.state.profile)
        h.press(.char("r")); h.type("risk 10"); h.press(.enter)
        let after = try #require(h.state.profile)
        #expect(after.row == k && after.criteria != before.criteria)
        #expect(h.state.table.score[k] == h.rebuiltTable.score[k])
    }

    @Test func undoOnTheWeightsScreenUndoesTheWeight() throws {
        let h = try WorkflowHarness(width: 120, height: 40)
        // A triage decision first: it must survive undo on the weights screen.
        h.press(.char("3"))
        let k = try #require(h.current)
        h.press(.char("a"))
        h.press(.char("4"))
        let base = try #require(h.state.weights.whatIf?.weight(.monetary))
        h.press(.char("+"))
        // The status line says what u will undo before it does.
        #expect(h.frame.contains("u: undo Revenue weight \(Int(base)) → \(Int(base) + 1)"))
        h.press(.char("u"))
        #expect(h.state.weights.whatIf?.weight(.monetary) == base)
        #expect(h.workspace.customers[k].review?.status == .accepted)
        #expect(h.state.notice == "Undid: Revenue weight \(Int(base)) → \(Int(base) + 1)")
        // Redo brings the weight back; the triage decision is still there.
        h.press(.ctrl("r"))
        #expect(h.state.weights.whatIf?.weight(.monetary) == base + 1)
        h.press(.char("u"))
        // No what-if step left: the decision is not shown here, so u asks first and says what.
        h.press(.char("u"))
        #expect(h.workspace.customers[k].review?.status == .accepted)
        #expect(h.state.notice?.contains("u again to undo") == true && h.state.notice?.contains("review: accepted") == true)
        h.press(.char("u"))
        #expect(h.workspace.customers[k].review == nil)
    }

    @Test func appliedWeightsUndoInTheOrderTheyWereMade() throws {
        let h = try WorkflowHarness(customers: 20)
        let before = h.workspace.settings.weights
        h.press(.char("4"), .char("+"), .char("A"), .char("y"), .char("+"))
        let applied = h.workspace.settings.weights
        #expect(applied != before)
        h.press(.char("u"))  // the last +: a what-if step
        #expect(h.workspace.settings.weights == applied)
        h.press(.char("u"))  // the apply: an edit of the workspace
        #expect(h.workspace.settings.weights == before)
        h.press(.char("u"))  // the first +
        #expect(h.state.weights.whatIf?.isChanged == false)
    }
}
