import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// Screens at 60×20, where issue 15 found the weights' results out of reach and triage names
/// running into tiers (`Müller Textiles B.V.Key`); goldens re-record with ACUMEN_RECORD_GOLDEN=1.
@Suite struct NarrowScreenTests {
    @Test func weightsStackTheirResultsAndKeepThemInReach() throws {
        let h = try WorkflowHarness(customers: 40, width: 60, height: 20)
        h.press(.char("4"), .char("+"), .char("+"), .char("+"), .char("+"), .char("+"))
        #expect(h.frame.contains("Tier moves"), "\(h.frame)")
        // Tab gives the keys to the stacked results; G scrolls to the movers.
        h.press(.tab, .char("G"))
        #expect(h.frame.contains("Biggest movers") || h.frame.contains("Movers"), "\(h.frame)")
        Golden.check(h.frame, "weights-60x20")
    }

    @Test func aCutTriageNameNeverRunsIntoItsTier() throws {
        let h = try WorkflowHarness(customers: 40, width: 60, height: 20)
        h.press(.char("3"))
        let frame = h.frame
        let rows = frame.split(separator: "\n").filter { $0.contains("…") && ($0.contains("Key") || $0.contains("Growth") || $0.contains("Core") || $0.contains("Tail")) }
        #expect(!rows.isEmpty, "no cut name at 60 columns:\n\(frame)")
        for tier in ["Key", "Growth", "Core", "Tail"] { #expect(!frame.contains("…" + tier), "\(frame)") }
        Golden.check(frame, "triage-60x20")
    }
}
