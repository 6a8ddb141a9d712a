import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// Every overlay, and the profile built from a real workspace, rendered at 80×24 and 120×40 on
/// the deterministic demo (seed 7, as of 2026-01-01) and compared with golden files
/// (re-record with ACUMEN_RECORD_GOLDEN=1).
@Suite struct OverlayGoldenTests {
    static let sizes = WorkflowScreenTests.sizes

    /// The command palette with a partial name typed: exact and prefix matches first.
    @Test(arguments: sizes) func palette(width: Int, height: Int) throws {
        let h = try WorkflowHarness(width: width, height: height)
        h.press(.char(":"))
        h.type("sa")
        #expect(h.frame.contains(": sa_"))
        Golden.check(h.frame, "palette-\(width)x\(height)")
    }

    /// A note prompt with the cursor moved back into the text (the one line editor).
    @Test(arguments: sizes) func notePromptWithTheLineEditor(width: Int, height: Int) throws {
        let h = try WorkflowHarness(width: width, height: height)
        h.press(.char("e"))
        h.type("電話で確認 — call back in May")
        h.press(.left, .left, .left)
        Golden.check(h.frame, "prompt-note-\(width)x\(height)")
    }

    /// The date prompt: pre-filled with the analysis date, selected so typing replaces it.
    @Test(arguments: sizes) func datePrompt(width: Int, height: Int) throws {
        let h = try WorkflowHarness(width: width, height: height)
        h.press(.char("@"))
        #expect(h.frame.contains("2026-01-01"))
        Golden.check(h.frame, "prompt-date-\(width)x\(height)")
    }

    /// The filter prompt typed live over the accounts.
    @Test(arguments: sizes) func filterPrompt(width: Int, height: Int) throws {
        let h = try WorkflowHarness(width: width, height: height)
        h.press(.char("f"))
        h.type("tier:core")
        Golden.check(h.frame, "prompt-filter-\(width)x\(height)")
    }

    /// Review before save after an owner change and a note.
    @Test(arguments: sizes) func saveReview(width: Int, height: Int) throws {
        let h = try WorkflowHarness(width: width, height: height)
        h.press(.char("o")); h.type("Ana Souza"); h.press(.enter)
        h.press(.char("e")); h.type("Quarterly review booked"); h.press(.enter)
        h.press(.ctrl("s"))
        #expect(h.frame.contains("Review before save"))
        Golden.check(h.frame, "save-review-\(width)x\(height)")
    }

    /// The save-conflict prompt over the accounts.
    @Test(arguments: sizes) func conflict(width: Int, height: Int) throws {
        let h = try WorkflowHarness(width: width, height: height)
        h.send(.workflow(.conflict(files: [WorkspaceFiles.settings], drops: ["default weights (1 criterion weighted)", "owner of C0001: Zoë"])))
        Golden.check(h.frame, "save-conflict-\(width)x\(height)")
    }

    /// The diff of a file changed on disk behind Acumen's back, from the conflict prompt's `d`.
    @Test(arguments: sizes) func conflictDiff(width: Int, height: Int) throws {
        let h = try WorkflowHarness(width: width, height: height)
        h.press(.char("4"), .char("+"), .char("A"), .char("y"), .char("1"))
        let path = h.folder + "/" + WorkspaceFiles.settings
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"EUR\"", with: "\"USD\"")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        h.press(.ctrl("s"), .enter, .char("d"))
        #expect(h.frame.contains("Diff of"))
        #expect(!h.frame.contains(h.folder), "the diff names files, not the temporary folder")
        Golden.check(h.frame, "save-conflict-diff-\(width)x\(height)")
    }

    /// The one-time question before applying a trial's weights as the workspace default.
    @Test(arguments: sizes) func confirmApplyScenario(width: Int, height: Int) throws {
        let h = try WorkflowHarness(customers: 40, width: width, height: height)
        h.press(.char("4"), .char("+"), .char("+"), .char("A"))
        #expect(h.frame.contains("Confirm"))
        Golden.check(h.frame, "confirm-apply-\(width)x\(height)")
    }

    /// Quitting with unsaved edits asks once.
    @Test(arguments: sizes) func confirmQuit(width: Int, height: Int) throws {
        let h = try WorkflowHarness(width: width, height: height)
        h.press(.char("o")); h.type("Ana Souza"); h.press(.enter)
        h.press(.char("Q"))
        #expect(h.frame.contains("Unsaved edits"))
        Golden.check(h.frame, "confirm-quit-\(width)x\(height)")
    }

    /// The column chooser.
    @Test(arguments: sizes) func columnChooser(width: Int, height: Int) throws {
        let h = try WorkflowHarness(width: width, height: height)
        h.press(.char("C"), .down, .down)
        Golden.check(h.frame, "columns-\(width)x\(height)")
    }

    /// Help opened on Triage starts with the triage keys.
    @Test(arguments: sizes) func helpOnTriage(width: Int, height: Int) throws {
        let h = try WorkflowHarness(width: width, height: height)
        h.press(.char("3"), .char("?"))
        #expect(h.frame.contains("Triage"))
        Golden.check(h.frame, "help-triage-\(width)x\(height)")
    }

    /// The triage queue after decisions: the State column names each decision taken
    /// (`accepted Grow`, `chose Maintain*` for a reasoned override), never cut.
    @Test(arguments: sizes) func triageQueueWithDecisions(width: Int, height: Int) throws {
        let h = try WorkflowHarness(width: width, height: height)
        h.press(.char("3"), .char("a"), .char("s"), .char("m"))
        if h.state.overlay != nil { h.type("budget freeze"); h.press(.enter) }
        h.press(.char("a"))
        #expect(h.frame.contains("accepted "))
        Golden.check(h.frame, "triage-decisions-\(width)x\(height)")
    }

    /// An overlay without UTF-8: the frame in ASCII (`+`, `-`, `|`), nothing from the block or
    /// box-drawing ranges.
    @Test func asciiFrame() {
        var s = Fixtures.state(width: 80, height: 24, glyphs: .ascii)
        ScreenTests.drive(&s, [.char(":")])
        let g = ScreenTests.frame(s)
        #expect(!g.text.unicodeScalars.contains { (0x2500...0x259F).contains($0.value) })
        Golden.check(g.text, "palette-ascii-80x24")
    }

    /// The first page of a profile built by the model from the demo workspace (not a fixture):
    /// headline, recommendation, history, value profile.
    @Test(arguments: sizes) func demoProfile(width: Int, height: Int) throws {
        let h = try WorkflowHarness(customers: 40, width: width, height: height)
        h.press(.down, .enter)
        #expect(h.state.profile != nil)
        Golden.check(h.frame, "profile-demo-\(width)x\(height)")
    }
}
