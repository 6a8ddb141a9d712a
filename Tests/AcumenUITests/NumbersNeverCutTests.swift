import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// At every width from 40 to 200, on every screen with numbers (not only the accounts table,
/// which ``ResponsiveLayoutTests`` checks cell by cell): each number on screen is shown whole —
/// the same word the screen shows when it is wide and tall enough for everything — or not at
/// all. A number cut by a column or the screen edge (`332k` as `3`, `17.4` as `17.`, `1.2…`,
/// `17.4Key`) is a word the wide screen never shows.
@Suite struct NumbersNeverCutTests {
    /// The words of a frame that contain a digit, without the punctuation around them; the
    /// status line and key hints (prose, truncated with an ellipsis on purpose) are left out.
    static func numericWords(_ frame: String) -> Set<String> {
        let rows = frame.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let body = rows.count > 2 ? rows.dropLast(2) : rows[...]
        var out = Set<String>()
        for row in body {
            for raw in row.split(whereSeparator: { $0 == " " || $0 == "│" || $0 == "·" }) {
                let trim: Set<Character> = ["(", ")", "[", "]", ",", ":", ";"]
                let word = String(raw.drop { trim.contains($0) }.reversed().drop { trim.contains($0) }.reversed())
                if word.contains(where: { $0.isASCII && $0.isNumber }) { out.insert(word) }
            }
        }
        return out
    }

    /// Digits directly before the ellipsis: a number truncated like text.
    static func truncatedNumbers(_ frame: String) -> [String] {
        let rows = frame.split(separator: "\n", omittingEmptySubsequences: false)
        let body = rows.count > 2 ? rows.dropLast(2) : rows[...]
        return body.flatMap { row in
            row.split(separator: " ").map(String.init).filter { w in
                guard let e = w.firstIndex(of: "…"), e > w.startIndex else { return false }
                let before = w[w.index(before: e)]
                return before.isASCII && before.isNumber || ((before == "." || before == ",") && w[..<e].dropLast().last?.isASCII == true && w[..<e].dropLast().last?.isNumber == true)
            }
        }
    }

    /// How to reach each screen with numbers from a fresh harness.
    static let screens: [(name: String, keys: [Key])] = [
        ("accounts", []),
        ("portfolio", [.char("2")]),
        ("profile", [.down, .enter]),
        ("triage", [.char("3"), .char("a")]),
        ("weights", [.char("4"), .char("+"), .char("+"), .char("+"), .char("j"), .char("+")]),
        ("scenarios", [.char("4"), .char("+"), .char("+"), .char("+"), .char("c")]),
        ("changes", [.char("5")]),
    ]

    @Test(arguments: screens.indices) func noNumberIsCutAtAnyWidthFrom40To200(screen: Int) throws {
        let (name, keys) = Self.screens[screen]
        let h = try WorkflowHarness(customers: 60, width: 120, height: 40)
        for k in keys { h.press(k) }
        // The reference: the screen wide and tall enough to show every number whole, in both
        // layouts (side by side from 100 columns, stacked below).
        var whole = Set<String>()
        for (w, ht) in [(99, 160), (200, 160), (260, 160)] {
            h.send(.resize(width: w, height: ht))
            whole.formUnion(Self.numericWords(h.frame))
        }
        #expect(!whole.isEmpty, "\(name) shows no numbers")
        for height in [24, 40] {
            for width in 40...200 {
                h.send(.resize(width: width, height: height))
                let frame = h.frame
                let cut = Self.numericWords(frame).subtracting(whole)
                #expect(cut.isEmpty, "\(name) at \(width)×\(height) shows cut numbers \(cut.sorted())\n\(frame)")
                let dotted = Self.truncatedNumbers(frame)
                #expect(dotted.isEmpty, "\(name) at \(width)×\(height) truncates numbers \(dotted)\n\(frame)")
                if !cut.isEmpty || !dotted.isEmpty { return }  // one frame is enough to see the fault
            }
        }
    }
}
