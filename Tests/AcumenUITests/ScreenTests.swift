import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// Each screen rendered at 80×24, 120×40 and 40×12 and compared with golden text files
/// (re-record with ACUMEN_RECORD_GOLDEN=1), with CJK, mixed-width and hostile names.
@Suite struct ScreenTests {
    static let sizes = [(80, 24), (120, 40), (40, 12)]

    static func frame(_ s: AppState) -> CellGrid {
        var g = CellGrid(width: s.width, height: s.height)
        s.render(into: &g)
        CellGridTests.checkInvariants(g)
        return g
    }

    static func drive(_ s: inout AppState, _ keys: [Key]) {
        for k in keys {
            for e in s.update(.key(k)) {
                if case .loadProfile(let row) = e { _ = s.update(.profileLoaded(Fixtures.profile(row: row, table: s.table))) }
            }
        }
    }

    @Test(arguments: sizes) func accounts(width: Int, height: Int) {
        var s = Fixtures.state(width: width, height: height)
        Self.drive(&s, [.char(" "), .down, .char(" "), .char("l"), .char("l"), .char("]")])
        Golden.check(Self.frame(s).text, "accounts-\(width)x\(height)")
    }

    /// The portfolio through the runtime on a real workspace: its Pareto curve and top-20 %
    /// share are the model's (``ABCAnalysis``), so a fixture table alone cannot draw them.
    @Test(arguments: sizes) func portfolio(width: Int, height: Int) throws {
        let h = try WorkflowHarness(customers: 40, width: width, height: height)
        h.press(.char("2"), .tab, .tab, .down)
        let abc = try #require(h.state.workflow?.analysis.abc)
        #expect(h.state.summary.top20Share == abc.top20Share && h.state.summary.pareto.count == 41)
        Golden.check(h.frame, "portfolio-\(width)x\(height)")
    }

    @Test(arguments: sizes) func profile(width: Int, height: Int) {
        var s = Fixtures.state(width: width, height: height)
        Self.drive(&s, [.down, .enter])
        #expect(s.profile != nil)
        Golden.check(Self.frame(s).text, "profile-\(width)x\(height)")
    }

    @Test(arguments: sizes) func help(width: Int, height: Int) {
        var s = Fixtures.state(width: width, height: height)
        Self.drive(&s, [.char("?")])
        Golden.check(Self.frame(s).text, "help-\(width)x\(height)")
    }

    @Test func asciiGlyphsAndAFilterPrompt() {
        var s = Fixtures.state(width: 80, height: 24, glyphs: .ascii)
        Self.drive(&s, [.char("f")])
        for ch in "株" { _ = s.update(.key(.char(ch))) }
        let g = Self.frame(s)
        Golden.check(g.text, "accounts-ascii-filter-80x24")
        let chart = g.text.unicodeScalars.filter { (0x2580...0x259F).contains($0.value) || (0x2800...0x28FF).contains($0.value) }
        #expect(chart.isEmpty, "ASCII mode drew block or braille characters")
    }

    @Test func hostileNamesNeverReachTheGrid() {
        var s = Fixtures.state(width: 120, height: 40)
        Self.drive(&s, [.char("G")])
        for screen in [[Key](), [.enter], [.char("q"), .char("2")]] {
            Self.drive(&s, screen)
            let g = Self.frame(s)
            for c in g.cells { if let t = c.text { #expect(t.unicodeScalars.allSatisfy { !TextSanitizer.isUnsafe($0.value) }) } }
        }
    }

    /// Key-to-frame time on 100,000 accounts (debug build; the release figure is in the report).
    @Test func keyToFrameOnAHundredThousandAccounts() {
        var t = AccountTable()
        t.tierNames = ["Key", "Growth", "Core", "Tail"]
        t.strategyNames = ["Grow", "Maintain", "Nurture", "Cut cost"]
        t.ownerNames = ["anna", "ben"]
        for k in 0..<100_000 {
            t.append(id: "C\(k)", name: "Customer \(k) 株式会社", tier: UInt8(k % 4), score: Double(k % 1000) / 10, abc: UInt8(k % 3),
                     segment: 0, revenue: Int64((k * 7919) % 100_000), contribution: Int64(k % 500) - 100, clv: Int64(k),
                     strategy: UInt8(k % 4), owner: Int32(k % 2), triage: .unreviewed, monthly: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
        }
        var s = AppState(width: 120, height: 40)
        _ = s.update(.loaded(t))
        let clock = ContinuousClock()
        func time(_ keys: [Key]) -> Duration {
            let start = clock.now
            for k in keys {
                _ = s.update(.key(k))
                var g = CellGrid(width: s.width, height: s.height)
                s.render(into: &g)
            }
            return (clock.now - start) / keys.count
        }
        let move = time(Array(repeating: .char("j"), count: 50))
        let sort = time([.char("l"), .char("l"), .char("]")])
        let filter = time([.char("f"), .char("t"), .char("i"), .char("e"), .char("r"), .char(":"), .char("k")])
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        print("100k accounts, \(build) build: move \(move), sort/column \(sort), filter keystroke \(filter)")
        #expect(move < .milliseconds(100))
    }

    @Test func twoHundredThousandRowsRenderOnlyWhatIsVisible() {
        var t = AccountTable()
        t.tierNames = ["Key", "Tail"]
        t.strategyNames = ["Grow"]
        for k in 0..<200_000 {
            t.append(id: "C\(k)", name: "Customer \(k)", tier: UInt8(k % 2), score: Double(k % 100), abc: 0, segment: 0,
                     revenue: Int64(k), contribution: Int64(k), clv: 0, strategy: 0, owner: 0, triage: .unreviewed, monthly: [])
        }
        var s = AppState(width: 120, height: 40)
        _ = s.update(.loaded(t))
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<20 {
            _ = s.update(.key(.char("j")))
            _ = Self.frame(s)
        }
        let perKey = (clock.now - start) / 20
        #expect(perKey < .milliseconds(250), "debug build: \(perKey) per key")
    }
}
