import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// The changes screen: the current date against one quarter earlier, same weights; figures from
/// the model's ``PortfolioComparison``; cells and movers that drill in and come back with Esc;
/// golden at 80×24 and 120×40.
@Suite struct ChangesScreenTests {
    static func harness(width: Int = 80, height: Int = 24) throws -> WorkflowHarness {
        try WorkflowHarness(customers: 40, width: width, height: height)
    }

    @Test func comparesNowWithOneQuarterEarlierWithTheModelsFigures() throws {
        let h = try Self.harness()
        h.press(.char("5"))
        #expect(h.state.stack == [.changes])
        let c = try #require(h.state.changes.comparison)
        let m = try #require(h.state.workflow)
        #expect(c.later.asOf == m.analysis.asOf)
        #expect(c.earlier.asOf == m.analysis.asOf.adding(months: -3))
        #expect(c.weights == m.analysis.settings.weights)
        let direct = PortfolioComparison(earlier: PortfolioAnalyzer.analyze(h.workspace, asOf: c.earlier.asOf, clv: m.analysis.clv.map { _ in
            CLVInputs(PortfolioAnalyzer.fitLifetimeValue(h.workspace, asOf: c.earlier.asOf)) }), later: m.analysis)
        #expect(c.tiers == direct.tiers && c.abc == direct.abc && c.segments == direct.segments)
        #expect(c.newCustomers == direct.newCustomers && c.goneQuiet == direct.goneQuiet)
        #expect(h.state.changes.moversUp == direct.movers(limit: ChangesState.moverLimit, direction: .up))
        let frame = h.frame
        #expect(frame.contains("both dates use the same weights"))
        #expect(frame.contains("Tier migration"))
    }

    /// The tier matrix as drawn sums to the customer count.
    @Test(arguments: WorkflowScreenTests.sizes) func shownMatrixSumsToTheCustomerCount(width: Int, height: Int) throws {
        let h = try Self.harness(width: width, height: height)
        h.press(.char("5"))
        let c = try #require(h.state.changes.comparison)
        let n = c.tiers.classes.count
        let lines = h.frame.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let at = try #require(lines.firstIndex { String($0).contains("Tier migration (customers") })
        var sum = 0
        for line in lines[(at + 2)..<(at + 2 + n)] {
            let cells = String(line[12..<min(line.count, 12 + 7 * n)])
            sum += cells.split(separator: " ").compactMap { Int($0) }.reduce(0, +)
        }
        #expect(sum == 40)
        #expect(sum == h.workspace.customers.count)
    }

    /// Moves the cursor to an item with the keys (`g`, then `j` per line and `l` per cell).
    static func select(_ h: WorkflowHarness, _ item: ChangesState.Item) throws {
        let lines = h.state.changes.lines
        let line = try #require(lines.firstIndex { $0.contains(item) })
        h.press(.char("g"))
        for _ in 0..<line { h.press(.char("j")) }
        for _ in 0..<(lines[line].firstIndex(of: item) ?? 0) { h.press(.char("l")) }
        #expect(h.state.changes.selected == item)
    }

    /// The account ids a list shows, sorted.
    static func ids(_ h: WorkflowHarness, _ rows: [Int32]) -> [String] { rows.map { h.state.table.ids[Int($0)] }.sorted() }

    /// Every kind of item lists exactly its accounts, by id: a tier cell, an ABC cell, a segment
    /// move, the new and gone-quiet customers, a decided strategy.
    @Test func everyCellAndGroupListsExactlyItsAccounts() throws {
        let h = try Self.harness()
        h.press(.char("3"), .char("w"))  // one decision, so a decision line is listed
        if h.state.overlay != nil { h.type("test"); h.press(.enter) }
        h.press(.char("."), .char("."), .char("5"))
        let c = try #require(h.state.changes.comparison)
        var items: [ChangesState.Item] = []
        func moved(_ m: MigrationMatrix) -> (Int, Int)? {
            for i in m.classes.indices { for j in m.classes.indices where i != j && m.cells[i][j].count > 0 { return (i, j) } }
            return nil
        }
        if let (i, j) = moved(c.tiers) { items.append(.tier(from: i, to: j)) }
        if let (i, j) = moved(c.abc) { items.append(.abc(from: i, to: j)) }
        items += h.state.changes.segmentMoves.prefix(1)
        items += [.newCustomers, .goneQuiet]
        items += c.decisions.filter { $0.count > 0 }.map { .decision($0.strategy) }
        #expect(items.count >= 5 && items.contains(.decision(.grow)), "\(items)")
        for item in items {
            let (title, members) = AppState.accounts(of: item, in: c)
            try Self.select(h, item)
            h.press(.enter)
            guard !members.isEmpty else {
                #expect(h.state.stack == [.changes] && h.state.notice?.contains("No accounts") == true)
                continue
            }
            #expect(h.state.stack == [.changes, .accounts], "\(item)")
            #expect(Self.ids(h, h.state.accounts.view) == members.map { c.later.customers[Int($0)].id }.sorted(), "\(item)")
            #expect(h.state.accounts.scope?.title == title)
            let frame = h.frame
            #expect(frame.contains("Accounts: ") && frame.contains(title), "\(frame)")
            h.press(.escape)
            #expect(h.state.stack == [.changes])
            #expect(h.state.changes.selected == item, "Esc comes back to the same item")
            #expect(h.state.accounts.scope == nil)
        }
    }

    /// The drill-in is a request the root routes (the screen writes no other screen's state);
    /// the list keeps exactly the cell's accounts through a re-sort and a filter, and Esc
    /// returns to the same cell.
    @Test func aCellsListSurvivesSortAndFilterAndEscComesBackToTheCell() throws {
        let h = try Self.harness()
        h.press(.char("f")); h.type("tier:core"); h.press(.enter)  // a filter on the list below does not leak in
        h.press(.char("5"))
        let c = try #require(h.state.changes.comparison)
        let n = c.tiers.classes.count
        let t = try #require((0..<(n * n)).max { c.tiers.cells[$0 / n][$0 % n].count < c.tiers.cells[$1 / n][$1 % n].count })
        let item = ChangesState.Item.tier(from: t / n, to: t % n)
        try Self.select(h, item)
        // Through the root: the changes update asks for the list and changes nothing else.
        var probe = h.state
        let effects = probe.openChange()
        let cell = c.tiers.cells[t / n][t % n].customers
        let expected = cell.map { c.later.customers[Int($0)].id }
        guard case .intent(.navigate(.accounts(_, let scope?))) = effects.first, effects.count == 1 else { Issue.record("\(effects)"); return }
        #expect(scope.ids == expected && scope.title == "tier \(c.tiers.classes[t / n]) → \(c.tiers.classes[t % n])")
        #expect(probe.stack == [.changes] && probe.accounts.filter == "tier:core" && probe.accounts.scope == nil)
        h.press(.enter)
        #expect(h.state.stack == [.changes, .accounts])
        #expect(h.state.accounts.view == cell)
        #expect(h.state.accounts.filter.isEmpty)
        // Sort by another column, both ways: the same accounts.
        h.press(.char("l"), .char("]"))
        #expect(Self.ids(h, h.state.accounts.view) == expected.sorted())
        h.press(.char("["))
        #expect(Self.ids(h, h.state.accounts.view) == expected.sorted())
        // A filter narrows within the cell; clearing it gives the cell back.
        h.press(.char("f")); h.type("abc:a"); h.press(.enter)
        let abcA = cell.filter { h.state.table.abc[Int($0)] == 0 }
        #expect(Self.ids(h, h.state.accounts.view) == Self.ids(h, abcA))
        h.press(.escape)  // restores the empty filter
        #expect(Self.ids(h, h.state.accounts.view) == expected.sorted())
        // A profile from the list and back keeps the list.
        h.press(.enter)
        #expect(h.state.stack.count == 3)
        h.press(.escape)
        #expect(Self.ids(h, h.state.accounts.view) == expected.sorted())
        h.press(.escape)
        #expect(h.state.stack == [.changes])
        #expect(h.state.changes.selected == item)
        h.press(.escape)
        #expect(h.state.stack == [.accounts] || h.state.stack.first == .accounts)
        #expect(h.state.accounts.filter == "tier:core" && h.state.accounts.scope == nil)
    }

    /// A scope holds accounts by id: a table whose rows moved (a reload) resolves them again,
    /// and an id no longer there is left out.
    @Test func aScopeFollowsItsAccountsByIdWhenRowsMove() {
        func table(_ ids: [String]) -> AccountTable {
            var t = AccountTable()
            t.ids = .init(ids)
            t.names = .init(ids)
            return t
        }
        var s = AccountScope(title: "tier Key → Growth", ids: ["b", "c"])
        s.resolve(in: table(["a", "b", "c"]))
        #expect(s.rows == [1, 2] && s.count == 2)
        #expect(s.filter([2, 0, 1]) == [2, 1])
        s.resolve(in: table(["c", "a", "b", "d"]))
        #expect(s.rows == [2, 0] && s.count == 2)
        #expect(s.contains(0) && !s.contains(1) && s.contains(2) && !s.contains(3))
        s.resolve(in: table(["a", "c"]))
        #expect(s.rows == [-1, 1] && s.count == 1)
        #expect(s.filter([0, 1]) == [1])
        // Rows given as a guess: used when right, searched when wrong.
        var guessed = AccountScope(title: "t", ids: ["b", "c"], rows: [1, 2])
        guessed.resolve(in: table(["a", "b", "c"]))
        #expect(guessed.rows == [1, 2] && guessed.contains(1) && guessed.contains(2) && !guessed.contains(0))
        var wrong = AccountScope(title: "t", ids: ["b", "c"], rows: [0, 0])
        wrong.resolve(in: table(["a", "b", "c"]))
        #expect(wrong.rows == [1, 2] && wrong.count == 2)
    }

    /// A mover opens its profile; Esc comes back to it.
    @Test func aMoverOpensItsProfile() throws {
        let h = try Self.harness()
        h.press(.char("5"))
        let first = try #require(h.state.changes.moversUp.first ?? h.state.changes.moversDown.first)
        try Self.select(h, .mover(customer: first.index))
        #expect(h.state.changes.mover == first)
        h.press(.enter)
        #expect(h.state.stack == [.changes, .profile(first.index)])
        h.press(.escape)
        #expect(h.state.stack == [.changes])
        #expect(h.state.changes.selected == .mover(customer: first.index))
    }

    /// A rating on a mover's profile, then Esc: the screen compares again with the rated
    /// analysis (the old comparison was let go while the rating was taken in, not kept stale).
    @Test func aRatingOnAMoversProfileRecomparesOnReturn() throws {
        let h = try Self.harness()
        h.press(.char("5"))
        let first = try #require(h.state.changes.moversUp.first ?? h.state.changes.moversDown.first)
        try Self.select(h, .mover(customer: first.index))
        h.press(.enter)
        h.press(.char("r")); h.type("satisfaction 0"); h.press(.enter)
        #expect(h.state.changes.comparison == nil)  // not the old analysis, held beside the new
        h.press(.escape)
        #expect(h.state.stack == [.changes])
        let c = try #require(h.state.changes.comparison)
        let direct = PortfolioComparison(earlier: c.earlier, later: h.runtime.analysis)
        #expect(c.later.baseline.scores == h.runtime.analysis.baseline.scores)
        #expect(c.tiers == direct.tiers && h.state.changes.moversUp == direct.movers(limit: ChangesState.moverLimit, direction: .up))
    }

    /// Tab walks the sections; h/l the cells of a matrix row.
    @Test func tabMovesBySectionAndHLByCell() throws {
        let h = try Self.harness()
        h.press(.char("5"))
        #expect(h.state.changes.selected == .tier(from: 0, to: 0))
        h.press(.char("l"), .char("l"))
        #expect(h.state.changes.selected == .tier(from: 0, to: 2))
        h.press(.char("j"))
        #expect(h.state.changes.selected == .tier(from: 1, to: 2))
        h.press(.tab)
        #expect(h.state.changes.selected == .abc(from: 0, to: 0))
        h.press(.tab)
        #expect(h.state.changes.selected?.section == 2 || h.state.changes.selected == .newCustomers)
        h.press(.backTab, .backTab)
        #expect(h.state.changes.selected == .tier(from: 0, to: 0))
    }

    /// Moving the date on the drilled list, then Esc: the screen recompares for the new date.
    @Test func aDateMovedOnTheDrilledListRecomparesOnReturn() throws {
        let h = try Self.harness()
        h.press(.char("5"))
        let start = try #require(h.state.changes.comparison).later.asOf
        h.press(.enter)
        #expect(h.state.screen == .accounts)
        h.press(.char(","))
        h.press(.escape)
        #expect(h.state.stack == [.changes])
        let c = try #require(h.state.changes.comparison)
        #expect(c.later.asOf == start.adding(months: -3))
    }

    /// The earlier date gets its own lifetime-value fit on the history before it: its predicted
    /// CLV, P(alive) and scores equal a standalone analysis at that date.
    @Test func theEarlierAnalysisRefitsLifetimeValue() throws {
        let h = try WorkflowHarness(customers: 40, lifetimeValue: true)
        #expect(h.runtime.analysis.clv != nil)
        h.press(.char("5"))
        let c = try #require(h.state.changes.comparison)
        let alone = PortfolioAnalyzer.analyzeWithLifetimeValue(h.workspace, asOf: c.earlier.asOf).analysis
        let fit = try #require(c.earlier.clv)
        let standalone = try #require(alone.clv)
        func same(_ a: [Double], _ b: [Double]) -> Bool { a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) } }
        #expect(same(fit.predictedCLV, standalone.predictedCLV))
        #expect(same(fit.pAlive, standalone.pAlive))
        #expect(c.earlier.baseline.scores == alone.baseline.scores)
        #expect(c.earlier.baseline.effectiveTiers == alone.baseline.effectiveTiers)
        // It is not the later date's fit carried back.
        #expect(!same(fit.predictedCLV, h.runtime.analysis.clv?.predictedCLV ?? []))
    }

    /// Off the input path: the screen says it is analysing the earlier date until it lands.
    @Test func theComparisonRunsOffTheInputPathWithProgress() throws {
        let h = try WorkflowHarness(customers: 40, lifetimeValue: true)
        let work = BackgroundWork()
        h.runtime.background = work
        h.press(.char("5"))
        #expect(h.state.changes.comparison == nil)
        #expect(h.frame.contains("Analysing " + (h.state.changes.earlierDay?.iso ?? "?") + " (lifetime value refitted"))
        #expect(work.waitUntilComputed(seconds: 120))
        for action in work.collect() { h.send(action) }
        #expect(h.state.changes.comparison?.earlier.clv != nil)
        #expect(h.frame.contains("both dates use the same weights"))
    }

    /// A decision taken before the earlier date is shown against its outcome; moving the date
    /// while the screen is open recompares.
    @Test func decisionsAreShownAgainstOutcomes() throws {
        let h = try Self.harness(width: 120, height: 40)
        h.press(.char("3"), .char("w"))
        if h.state.overlay != nil { h.type("test"); h.press(.enter) }
        h.press(.char("5"))
        let start = try #require(h.state.changes.comparison).later.asOf
        h.press(.char("."), .char("."))
        let c = try #require(h.state.changes.comparison)
        #expect(c.later.asOf == start.adding(months: 6))
        #expect(c.earlier.asOf == start.adding(months: 3))
        let grow = try #require(c.decisions.first { $0.strategy == .grow })
        #expect(grow.count == 1)
        #expect(h.frame.contains("Grow: 1 account, revenue "))
    }

    @Test(arguments: WorkflowScreenTests.sizes) func golden(width: Int, height: Int) throws {
        let h = try Self.harness(width: width, height: height)
        h.press(.char("5"))
        Golden.check(h.frame, "changes-\(width)x\(height)")
    }
}
