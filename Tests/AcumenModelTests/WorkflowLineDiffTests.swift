import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

@Suite struct WorkflowLineDiffTests {
    func lines(_ s: String) -> [Substring] { s.split(separator: " ").map { $0 } }

    @Test func minimalScriptOnAClassicExample() {
        // Myers' paper example: ABCABBA → CBABAC has edit distance 5.
        let d = LineDiff(old: lines("A B C A B B A"), new: lines("C B A B A C"))
        #expect(d.counts == (3, 2))
        var old: [String] = [], new: [String] = []
        for l in d.lines {
            switch l {
            case .same(let t): old.append(t); new.append(t)
            case .removed(let t): old.append(t)
            case .added(let t): new.append(t)
            }
        }
        #expect(old == ["A", "B", "C", "A", "B", "B", "A"])
        #expect(new == ["C", "B", "A", "B", "A", "C"])
    }

    @Test func unifiedHunksWithContext() {
        let a = Array("line1\nline2\nline3\nline4\nline5\nline6\nline7\n".utf8)
        let b = Array("line1\nline2\nline3\nLINE4\nline5\nline6\nline7\n".utf8)
        let d = LineDiff(old: a, new: b)
        #expect(d.unified(context: 1) == ["@@ -3,3 +3,3 @@", " line3", "-line4", "+LINE4", " line5"])
        #expect(LineDiff(old: a, new: a).isEmpty)
        #expect(LineDiff(old: [], new: b).counts == (0, 7))
    }

    @Test func differencesBeyondTheCapFallBackToReplace() {
        let a = (0..<1500).map { Substring("a\($0)") }, b = (0..<1500).map { Substring("b\($0)") }
        let d = LineDiff(old: a, new: b)
        #expect(d.counts == (1500, 1500))
    }
}
