import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The report's fast CSV text (``ByteCursor/csvText(_:)``: plain text copied, commas and
/// quotes quoted in place) against the simple reference ``PortfolioReport/csvField(_:)``, on
/// the texts that decide its branches and on random mixes of them.
@Suite struct ReportCSVTextTests {
    static func fast(_ s: String) -> String {
        var buffer = [UInt8](repeating: 0, count: 2 * s.utf8.count + 8)
        let count = buffer.withUnsafeMutableBufferPointer { b -> Int in
            guard let base = b.baseAddress else { return 0 }
            var w = ByteCursor(cursor: base)
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

/// The export's ``CSVWriter`` (guard written in place) against the reference: the guarded
/// string built first, then quoted.
@Suite struct CSVWriterReferenceTests {
    static func reference(_ cells: [CSVWriter.Cell], delimiter: UInt8) -> [UInt8] {
        var out: [UInt8] = []
        for (k, cell) in cells.enumerated() {
            if k > 0 { out.append(delimiter) }
            let s: String
            switch cell {
            case .text(let t): s = CSVWriter.guarded(t)
            case .number(let n): s = n
            }
            if s.utf8.contains(where: { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
                out.append(UInt8(ascii: "\""))
                for b in s.utf8 {
                    if b == UInt8(ascii: "\"") { out.append(b) }
                    out.append(b)
                }
                out.append(UInt8(ascii: "\""))
            } else {
                out += s.utf8
            }
        }
        return out + [0x0D, 0x0A]
    }

    @Test func rowsEqualTheReference() {
        let pieces = ReportCSVTextTests.pieces + ["-1.5", "a;b", "=cmd|' /C calc'!A0"]
        var rng = ReportTestRandom(seed: 11)
        for delimiter in [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09] {
            for _ in 0..<3_000 {
                let cells: [CSVWriter.Cell] = (0..<(1 + Int(rng.next() % 5))).map { _ in
                    let p = pieces[Int(rng.next() % UInt64(pieces.count))]
                    return rng.next() % 3 == 0 ? .number(p) : .text(p)
                }
                var w = CSVWriter(delimiter: delimiter)
                w.row(cells)
                #expect(w.bytes == Self.reference(cells, delimiter: delimiter), "\(cells)")
            }
        }
    }
}
