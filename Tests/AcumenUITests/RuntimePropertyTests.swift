import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// For random sequences of edits, undo and redo through the runtime, the accounts list the
/// user sees equals a list rebuilt from scratch from the runtime's workspace and analysis,
/// and so do the open profile and the portfolio's model figures.
@Suite struct RuntimePropertyTests {
    /// Every column of every row, decoded (codes into name lists may differ in order).
    static func rows(_ t: AccountTable) -> [[String]] {
        (0..<t.count).map { i in
            [t.ids[i], t.names[i], t.tierName(i), t.score[i].isNaN ? "nan" : String(t.score[i]), t.abcName(i), t.segmentName(i),
             String(t.revenue[i]), String(t.contribution[i]), String(t.clv[i]), t.strategyName(i), t.ownerName(i),
             t.tagText(i), t.triage[i].title, t.monthlyRevenue(i).map { String($0) }.joined(separator: ",")]
        }
    }

    static let owners = ["Ann", "Bo", "Zoë Brandt", "陈"]
    static let notes = ["call back", "visited", "注意"]

    /// One random step of a user: move, mark, an edit, undo or redo, a triage decision.
    static func step(_ h: WorkflowHarness, _ g: inout SeededGenerator) {
        h.press(.char("1"))
        for _ in 0..<g.below(6) { h.press(.char("j")) }
        switch g.below(12) {
        case 0: h.press(.char(" "))
        case 1: h.press(.char("o"), .ctrl("u")); h.type(owners[g.below(owners.count)]); h.press(.enter)
        case 2: h.press(.char("t"), .ctrl("u")); h.type(["vip", "a, b", ""][g.below(3)]); h.press(.enter)
        case 3: h.press(.char("e")); h.type(notes[g.below(notes.count)]); h.press(.enter)
        case 4: h.press(.enter, .char("r")); h.type("risk \(g.below(11))"); h.press(.enter)
        case 5: h.press(.char("O")); h.type(["grow: test", "none", "cut-cost: why"][g.below(3)]); h.press(.enter)
        case 6: h.press(.char("3"), [.char("a"), .char("s"), .char("a")][g.below(3)])
        case 7, 8: h.press(.char("u"), .char("u"))
        case 9: h.press(.ctrl("r"))
        case 10: h.press(.enter, .char("o"), .ctrl("u")); h.type(owners[g.below(owners.count)]); h.press(.enter)
        default: h.press(.char("4"), .char("+"), .char("A"), .char("y"))
        }
        if h.state.overlay != nil { h.press(.escape) }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64]) func listEqualsAListRebuiltFromTheModel(seed: UInt64) throws {
        let h = try WorkflowHarness(customers: 16, name: "property\(seed)")
        var g = SeededGenerator(seed: seed)
        for n in 0..<40 {
            Self.step(h, &g)
            let rebuilt = h.rebuiltTable
            let shown = Self.rows(h.state.table), expected = Self.rows(rebuilt)
            // The lazy table (patched by the edits) also equals one built eagerly, row by row.
            #expect(shown == Self.rows(LazyTableTests.eager(h.runtime.view)), "step \(n): the lazy table differs from an eager build")
            if shown != expected {
                let bad = (0..<min(shown.count, expected.count)).first { shown[$0] != expected[$0] } ?? 0
                Issue.record("step \(n): row \(bad) shows \(shown[bad]) but the model says \(expected[bad])")
                return
            }
            // The triage counts, updated per edit, equal a recount over the queue.
            if let q = h.state.triage.queue, var counts = h.state.triage.counts, let m = h.state.workflow {
                let fresh = q.progress(workspace: h.workspace, facts: m.facts, rules: m.rules)
                counts.position = fresh.position
                #expect(counts == fresh, "step \(n): triage counts differ from a recount")
            }
            let abc = try #require(h.state.workflow?.analysis.abc)
            #expect(h.state.summary.top20Share == abc.top20Share)
            h.press(.enter)
            if case .profile(let k) = h.state.screen {
                // Compared as text: unknown criteria are NaN, which never equals itself.
                let shown = h.state.profile.map { "\($0)" }, expected = h.runtime.view.profile(row: k, history: h.runtime.accountHistory()).map { "\($0)" }
                #expect(shown == expected, "step \(n): the profile differs from the model")
            }
        }
    }
}
