import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// The triage and weights screens rendered at 80×24 and 120×40 with CJK names, compared with
/// golden files (re-record with ACUMEN_RECORD_GOLDEN=1).
@Suite struct WorkflowScreenTests {
    static let sizes = [(80, 24), (120, 40)]

    @Test(arguments: sizes) func triage(width: Int, height: Int) throws {
        let h = try WorkflowHarness(width: width, height: height)
        h.press(.char("3"), .char("a"), .char("s"))
        h.press(.char("e")); h.type("電話で確認 — call back in May"); h.press(.enter)
        h.press(.char("o"))
        #expect(h.frame.contains("Triage"))
        Golden.check(h.frame, "triage-\(width)x\(height)")
    }

    @Test(arguments: sizes) func weights(width: Int, height: Int) throws {
        let h = try WorkflowHarness(customers: 40, width: width, height: height)
        h.press(.char("4"), .char("+"), .char("+"), .char("+"), .char("+"), .char("+"))
        h.press(.char("j"), .char("j"), .char("j"), .enter, .ctrl("u"))
        h.type("30")
        h.press(.enter)
        Golden.check(h.frame, "weights-\(width)x\(height)")
    }
}
