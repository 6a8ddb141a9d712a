import Testing
@testable import AcumenUI

@Suite struct CellGridTests {
    /// Every row is exactly the grid width, and every continuation cell follows a wide cell.
    static func checkInvariants(_ g: CellGrid, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<g.height {
            #expect(DisplayWidth.of(g.rowText(y)) == g.width, "row \(y): \(g.rowText(y))", sourceLocation: sourceLocation)
            for x in 0..<g.width {
                let c = g[x, y]
                if c.isContinuation { #expect(x > 0 && g[x - 1, y].width == 2, "orphan continuation at \(x),\(y)", sourceLocation: sourceLocation) }
                if c.width == 2 { #expect(x + 1 < g.width && g[x + 1, y].isContinuation, "split wide char at \(x),\(y)", sourceLocation: sourceLocation) }
            }
        }
    }

    @Test func wideCharactersAreNeverSplitAtTheEdge() {
        var g = CellGrid(width: 5, height: 1)
        let end = g.put("株式会社", x: 0, y: 0, role: .normal)
        #expect(g.rowText(0) == "株式 ")
        #expect(end == 5)
        Self.checkInvariants(g)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var g = CellGrid(width: 6, height: 1)
        g.put("株式会", x: 0, y: 0, role: .normal)
        g.put("x", x: 1, y: 0, role: .normal)
        #expect(g.rowText(0) == " x式会")
        g.put("y", x: 2, y: 0, role: .normal)
        #expect(g.rowText(0) == " xy 会")
        Self.checkInvariants(g)
    }

    @Test func clipsAndClampsWithoutTrapping() {
        var tiny = CellGrid(width: 1, height: 1)
        tiny.put("株", x: 0, y: 0, role: .normal)
        #expect(tiny.rowText(0) == " ")
        tiny.put("long text", x: -3, y: 0, role: .normal)
        tiny.put("z", x: 5, y: 9, role: .normal)
        tiny.fill(x: -2, y: -2, width: 100, height: 100, role: .header)
        var empty = CellGrid(width: 0, height: 0)
        empty.put("x", x: 0, y: 0, role: .normal)
        #expect(empty.lines.isEmpty)
        var neg = CellGrid(width: -4, height: -1)
        neg.fillRow(0, role: .normal)
        #expect(neg.width == 0)
    }

    @Test func maxWidthLimitsAWrite() {
        var g = CellGrid(width: 10, height: 1)
        g.put("abcdef", x: 2, y: 0, role: .normal, maxWidth: 3)
        #expect(g.rowText(0) == "  abc     ")
        g.put("株式会社", x: 0, y: 0, role: .normal, maxWidth: 3)
        #expect(g.rowText(0) == "株 bc     ")
        Self.checkInvariants(g)
    }

    @Test func randomWritesKeepTheInvariants() {
        var rng = SplitMix(seed: 42)
        let pieces = ["a", "株", "e\u{301}", "한", "👍", "—", " ", "Ｚ", "x"]
        for _ in 0..<300 {
            let w = Int(rng.next() % 12), h = Int(rng.next() % 3) + 1
            var g = CellGrid(width: w, height: h)
            for _ in 0..<8 {
                let text = (0..<Int(rng.next() % 8)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
                let x = Int(rng.next() % 14) - 2, y = Int(rng.next() % UInt64(h))
                if rng.next() % 4 == 0 {
                    g.put(text, x: x, y: y, width: Int(rng.next() % 8), role: .normal)
                } else {
                    g.put(text, x: x, y: y, role: .normal, maxWidth: Int(rng.next() % 10))
                }
            }
            Self.checkInvariants(g)
        }
    }
}

/// A tiny deterministic generator for property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
