import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore

/// The report's fast CSV text (``ReportRowBytes/csvText(_:)``: plain text copied, commas and
/// quotes quoted in place) against the simple reference ``PortfolioReport/csvField(_:)``, on
/// the texts that decide its branches and on random mixes of them.
@Suite struct ReportCSVTextTests {
    static func fast(_ s: String) -> String {
        var buffer = [UInt8](repeating: 0, count: 2 * s.utf8.count + 8)
        let count = buffer.withUnsafeMutableBufferPointer { b -> Int in
            guard let base = b.baseAddress else { return 0 }
            var w = ReportRowBytes(cursor: base)
            w.csvText(s)
            return w.cursor - base
        }
        return String(decoding: buffer.prefix(count), as: UTF8.self)
    }

    static let pieces = [
        "", "a", "Kensington Energy & Sons, Inc.", "say \"hi\"", "\"", ",", ",,", "\"\"", "杭州泰嘉电子有限公司", "北京,上海",
        "Müller, GmbH", "é,", ",é", "x,\u{301}y", "\u{301},", "\"\u{301}", "\u{600},a", "a\r\nb", "a\nb", "a\rb", "=1+2", "+1", "-12.50",
        "-x", "@home", "\tt", "\rx", "'q", " ,", "Zoë \"quoted\" 株式会社", "🇫🇷,🇩🇪", "a\u{200D},b",
    ]

    @Test func theFastCSVTextEqualsTheReferenceField() {
        for p in Self.pieces { #expect(Self.fast(p) == PortfolioReport.csvField(p), "\(p.debugDescription)") }
        var rng = ReportTestRandom(seed: 7)
        for _ in 0..<20_000 {
            let s = (0..<(1 + Int(rng.next() % 4))).map { _ in Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }.joined()
            #expect(Self.fast(s) == PortfolioReport.csvField(s), "\(s.debugDescription)")
        }
    }
}
