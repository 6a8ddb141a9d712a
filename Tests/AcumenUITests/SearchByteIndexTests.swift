import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
@testable import AcumenUI

/// The search keys' byte bitmaps (``SearchByteIndex``) decide exactly what a byte-by-byte scan of
/// each key decides, for one-byte needles (the first keystroke), longer ones, non-ASCII ones and
/// needles with bytes no key has; and the filter and search built on them list what a scan lists.
@Suite struct SearchByteIndexTests {
    static let needles = ["a", "e", " ", "-", "0", "c-0001", "gmbh", "sakura", "株", "株式", "サ", "evil", "id\u{7}",
                          "zz-none", "q", "é", "\u{FFFD}", "x", "ltd", "corp "]

    @Test func theMatcherAnswersAsTheScan() {
        let t = LazyTableTests.view().accountTable()
        let keys = t.searchKeys
        for text in Self.needles {
            let needle = TextFolding.foldedBytes(text)
            let m = keys.matcher(needle)
            #expect((0..<t.count).allSatisfy { m($0) == keys.contains($0, needle) }, "\(text)")
        }
        // Every single byte value, indexed or not.
        for b in 0...255 {
            let m = keys.matcher([UInt8(b)])
            #expect((0..<t.count).allSatisfy { m($0) == keys.contains($0, [UInt8(b)]) }, "byte \(b)")
        }
    }

    /// Filtering and searching letter by letter list the rows and hits of a whole-view scan.
    @Test(arguments: ["logistics", "c-00", "株式会社", "evil corp"] as [String])
    func typingListsWhatAScanLists(text: String) {
        let t = LazyTableTests.view().accountTable()
        var s = AppState(width: 100, height: 30, workspaceName: "t")
        _ = s.update(.loaded(t))
        var f = s
        _ = f.update(.key(.char("f")))
        var typed = ""
        for ch in text {
            typed.append(ch)
            _ = f.update(.key(.char(ch)))
            var full = f.accounts
            full.rebuild(t, resort: false)
            #expect(f.accounts.view == full.view, "filter \(typed)")
            if case .success(let q) = t.parseFilter(typed), !typed.contains(" ") {
                // One word: a name-or-id search, decided here by a scan of every key.
                let needle = TextFolding.foldedBytes(typed)
                #expect(q.rows(f.accounts.order, in: t) == f.accounts.order.filter { t.searchKeys.contains(Int($0), needle) }, "\(typed)")
            }
        }
        _ = s.update(.key(.char("/")))
        typed = ""
        for ch in text {
            typed.append(ch)
            _ = s.update(.key(.char(ch)))
            let needle = TextFolding.foldedBytes(typed)
            #expect(s.accounts.searchHits == SearchHits.count(needle, view: s.accounts.view, table: t, cursor: s.accounts.cursor), "search \(typed)")
        }
    }
}
