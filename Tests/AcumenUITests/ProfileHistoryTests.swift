import Testing
@testable import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// The profile's eight-quarter timeline (computed once in the background, "computing…" until
/// it lands) and whether the triage decision was followed by growth.
@Suite struct ProfileHistoryTests {
    @Test func theProfileShowsEightQuartersOnceTheHistoryLands() throws {
        let h = try WorkflowHarness(width: 80, height: 24)
        let work = BackgroundWork()
        h.runtime.background = work
        let k = try RuntimeViewModelTests.openProfile(h)
        #expect(h.state.profile?.quarters == nil)
        #expect(h.frame.contains("history: computing"))
        #expect(work.waitUntilComputed(seconds: 120))
        for action in work.collect() { h.send(action) }
        let quarters = try #require(h.state.profile?.quarters)
        #expect(quarters.count == 8)
        let expected = AccountHistory(h.workspace, asOf: h.runtime.analysis.asOf).timeline(k).map(WorkspaceView.quarterLine)
        #expect(quarters == expected)
        #expect(h.frame.contains("History  " + quarters[0]))
        #expect(h.frame.contains("Recommended"), "the recommendation stays on the first page at 80×24")
        // Cached: asking again starts no computation.
        #expect(h.runtime.accountHistory() != nil)
        #expect(!work.isRunning)
    }

    /// A quarter before the account's first purchase reads `—` (the model's rule: no standing
    /// before the first purchase), never a tier and score.
    @Test func aQuarterBeforeTheFirstPurchaseShowsADash() throws {
        let day = try #require(Day(iso: "1997-01-01"))
        #expect(WorkspaceView.quarterLine(AccountHistory.Point(asOf: day, standing: nil, revenue: 0)) == "Q4'96 —")
        let standing = AccountHistory.Standing(tier: "Key", score: 50.4, strategy: .grow)
        #expect(WorkspaceView.quarterLine(AccountHistory.Point(asOf: day, standing: standing, revenue: 1)) == "Q4'96 Key 50 grow")
        // In the workbench: an analysis date a year after the demo's first sale leaves accounts
        // whose first purchase came later; their early quarters show the dash.
        let h = try WorkflowHarness(width: 120, height: 40)
        let first = try #require(h.workspace.transactions.day.min())
        h.press(.char("@")); h.type(Day(ordinal: first).adding(months: 12).iso); h.press(.enter)
        let history = try #require(h.runtime.accountHistory())
        let k = try #require((0..<history.count).first { history.timeline($0).first?.standing == nil && history.timeline($0).last?.standing != nil })
        h.press(.char("1"))
        for _ in 0..<(h.state.accounts.view.firstIndex(of: Int32(k)) ?? 0) { h.press(.char("j")) }
        h.press(.enter)
        let quarters = try #require(h.state.profile?.quarters)
        #expect(quarters.first?.hasSuffix(" —") == true)
        #expect(quarters.last?.hasSuffix(" —") == false)
        #expect(h.frame.contains("History  " + quarters[0]))
    }

    @Test func aFreshDecisionIsTooEarlyAndOneAYearBackIsMeasured() throws {
        let h = try WorkflowHarness(width: 120, height: 40)
        h.press(.char("3"))
        let k = try #require(h.current)
        h.press(.char("a"), .char("p"), .enter)
        let fresh = try #require(h.state.profile?.decision)
        #expect(fresh.contains("too early"), "\(fresh)")
        #expect(h.frame.contains("Decision"))
        h.press(.char("1"), .char("@"))
        h.type("2027-03-01")
        h.press(.enter)
        #expect(h.runtime.analysis.asOf == Day(iso: "2027-03-01"))
        let g = DecisionGrowth(h.runtime.analysis, customer: k)
        guard case .measured(let before, let after) = g.outcome else {
            Issue.record("not measured: \(g.outcome)")
            return
        }
        let line = try #require(h.runtime.view.profile(row: k)?.decision)
        #expect(line.contains("revenue 12 months before \(Format.money(before)), after \(Format.money(after))"), "\(line)")
        #expect(line.contains("%") == (before != 0))
    }
}
