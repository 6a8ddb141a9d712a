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
        let direct = PortfolioComparison(earlier: PortfolioAnalyzer.analyze(h.workspace, asOf: c.earlier.asOf), later: m.analysis)
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

    @Test func cellsAndMoversDrillInAndEscComesBack() throws {
        let h = try Self.harness()
        h.press(.char("f")); h.type("tier:core"); h.press(.enter)  // a filter on the list below does not leak in
        #expect(h.state.accounts.filter == "tier:core")
        h.press(.char("5"))
        let c = try #require(h.state.changes.comparison)
        let n = c.tiers.classes.count
        // Move to the first non-empty cell and list its accounts.
        let target = try #require((0..<(n * n)).first { c.tiers.cells[$0 / n][$0 % n].count > 0 })
        for _ in 0..<target { h.press(.char("j")) }
        #expect(h.state.changes.cursor == target)
        h.press(.enter)
        #expect(h.state.stack == [.changes, .accounts])
        #expect(h.state.accounts.view == c.tiers.cells[target / n][target % n].customers)
        #expect(h.state.accounts.filter.isEmpty)
        h.press(.escape)
        #expect(h.state.stack == [.changes])
        #expect(h.state.changes.cursor == target)
        // The first mover opens its profile.
        let movers = h.state.changes.moversUp + h.state.changes.moversDown
        let first = try #require(movers.first)
        for _ in target..<(n * n) { h.press(.char("j")) }
        #expect(h.state.changes.mover == first)
        h.press(.enter)
        #expect(h.state.stack == [.changes, .profile(first.index)])
        h.press(.escape)
        #expect(h.state.stack == [.changes])
        #expect(h.state.changes.cursor == n * n)
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
