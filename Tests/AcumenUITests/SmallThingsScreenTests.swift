import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// The small things of issue 15 as a user sees them: on the rendered profile and triage card of
/// a real workspace, driven by keys through the one runtime (not only the formatting helpers).
@Suite struct SmallThingsScreenTests {
    /// Every line of the open profile as text (the whole profile, not only the first page).
    static func profileLines(_ h: WorkflowHarness) throws -> [String] {
        let p = try #require(h.state.profile)
        return ProfileView(state: h.state).lines(p, width: h.state.width).map { $0.spans.map(\.text).joined() }
    }

    /// The lines after `title` up to the next line that starts a new block (`   Actions:`).
    static func block(_ lines: [String], after title: String, until end: String) -> [String] {
        guard let start = lines.firstIndex(where: { $0.trimmingSpaces == title }) else { return [] }
        let rest = lines[(start + 1)...]
        return Array(rest.prefix { $0.trimmingSpaces != end })
    }

    /// A harness moved to the date one day after the current account's last purchase.
    static func oneDayAfterALastPurchase() throws -> (WorkflowHarness, Int) {
        let h = try WorkflowHarness(customers: 40, width: 120, height: 40)
        let a = h.runtime.analysis
        var k = -1
        for cursor in 0..<h.state.accounts.view.count {
            let row = Int(h.state.accounts.view[cursor])
            if let r = a.profile(for: row, months: 12).recencyDays, r >= 2 { k = row; break }
            h.press(.char("j"))
        }
        try #require(k >= 0)
        let last = a.asOf.adding(days: -(a.profile(for: k, months: 12).recencyDays ?? 0))
        h.press(.char("@"))
        h.type(last.adding(days: 1).iso)  // the pre-filled date is selected: typing replaces it
        h.press(.enter)
        #expect(h.runtime.analysis.asOf == last.adding(days: 1))
        #expect(h.state.accounts.currentRow.map(Int.init) == k)
        return (h, k)
    }

    @Test func lastPurchaseOneDayAgoIsSingularOnTheProfileAndTheCard() throws {
        let (h, _) = try Self.oneDayAfterALastPurchase()
        h.press(.enter)
        let lines = try Self.profileLines(h)
        let last = try #require(lines.first { $0.contains("Last purchase") })
        #expect(last.hasSuffix(" 1 day ago"), "\(last)")
        #expect(!lines.joined().contains("1 days"))
        // The same account on a triage card.
        h.press(.escape, .char(" "), .char("T"))
        #expect(h.frame.contains("Last purchase 1 day ago"), "\(h.frame)")
        #expect(!h.frame.contains("1 days"))
    }

    @Test func costToServeSaysItsPeriodOnce() throws {
        let h = try WorkflowHarness(customers: 40, width: 120, height: 40)
        h.press(.enter)
        let lines = try Self.profileLines(h)
        let cost = try #require(lines.first { $0.contains("Cost to serve") })
        #expect(cost.hasSuffix(" a year") || cost.contains(" in the window ("), "\(cost)")
        #expect(!cost.contains("(year"), "\(cost)")
    }

    @Test func anOverrideReasonIsListedOnceUnderWhy() throws {
        let h = try WorkflowHarness(customers: 40, width: 120, height: 40)
        h.press(.char("O")); h.type("maintain: budget freeze for 2026"); h.press(.enter)
        h.press(.enter)
        let lines = try Self.profileLines(h)
        let why = Self.block(lines, after: "Why:", until: "Actions:")
        #expect(!why.isEmpty)
        #expect(why.filter { $0.contains("budget freeze for 2026") }.count == 1, "\(why)")
        #expect(lines.contains { $0.contains("Strategy Maintain: budget freeze for 2026") }, "the Overrides section says the strategy's title")
        // The triage card of the same account lists it once too.
        h.press(.escape, .char(" "), .char("T"))
        let card = h.frame
        #expect(card.components(separatedBy: "budget freeze for 2026").count - 1 == 1, "\(card)")
    }

    @Test func countsOnEveryScreenUseThousandsSeparators() throws {
        let h = try WorkflowHarness(customers: 1_200, width: 120, height: 40)
        #expect(h.frame.contains("1,200 of 1,200 accounts"), "\(h.frame)")
        #expect(h.frame.contains("Total (1,200)"))
        h.press(.char("a"))
        #expect(h.frame.contains("1,200 marked"))
        h.press(.char("2"))
        #expect(h.frame.contains("1,200 accounts"), "\(h.frame)")
        h.press(.char("3"))
        #expect(h.frame.contains("1/1,200") && !h.frame.contains("1200"))
        h.press(.char("4"), .char("+"), .char("A"))
        #expect(h.frame.contains("Re-scores all 1,200 accounts"), "\(h.frame)")
    }
}
