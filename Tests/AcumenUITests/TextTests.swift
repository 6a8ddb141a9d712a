import Testing
@testable import AcumenUI

@Suite struct TextTests {
    @Test func widthsOfScriptsAndMarks() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("株式会社") == 8)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // e + combining acute
        #expect(DisplayWidth.of("a\u{200b}b") == 2)  // zero-width space
        #expect(DisplayWidth.of("ＡＢ") == 4)  // fullwidth Latin
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("👩‍💻") == 2)  // ZWJ sequence: one grapheme
        #expect(DisplayWidth.of("🇯🇵") == 2)
        #expect(DisplayWidth.of("\u{1b}") == 0)
        #expect(DisplayWidth.of("Café") == 4)
    }

    @Test func sanitiserNeutralisesEscapesControlsAndBidi() {
        #expect(TextSanitizer.sanitize("plain 株式") == "plain 株式")
        #expect(TextSanitizer.sanitize("a\u{1b}[31mb") == "a\\x1b[31mb")
        #expect(TextSanitizer.sanitize("t\u{1b}]0;x\u{7}") == "t\\x1b]0;x\\x07")
        #expect(TextSanitizer.sanitize("c1\u{9b}2J") == "c1\\x9b2J")
        #expect(TextSanitizer.sanitize("r\rn\n") == "r\\x0dn\\x0a")
        #expect(TextSanitizer.sanitize("x\u{202e}y\u{2066}z") == "x\\u202ey\\u2066z")
        #expect(TextSanitizer.sanitize("a\tb") == "a b")
        #expect(TextSanitizer.sanitize(bytes: [0x41, 0xFF, 0xC3, 0xA9, 0xED, 0xA0, 0x80, 0x1B]) == "A\\xffé\\xed\\xa0\\x80\\x1b")
        // Nothing unsafe survives.
        let nasty = "\u{1b}\u{9b}\u{7f}\u{0}\u{202a}\u{2069}\u{2028}"
        #expect(TextSanitizer.sanitize(nasty).unicodeScalars.allSatisfy { !TextSanitizer.isUnsafe($0.value) })
    }

    /// The CLI's forms: terminal lines keep only the line feed; a Markdown file keeps tab,
    /// line feed and bidi controls but no C0/C1 control; both are idempotent.
    @Test func sanitiserForCLILinesAndTextFiles() {
        let hostile = "a\u{1B}]0;t\u{07}\r\nb\u{9B}2J\u{202E}c\td"
        let lines = TextSanitizer.sanitizeLines(hostile)
        #expect(lines == "a\\x1b]0;t\\x07\\x0d\nb\\x9b2J\\u202ec d")
        #expect(TextSanitizer.sanitizeLines(lines) == lines)
        #expect(TextSanitizer.sanitizeLines("plain\nlines\n") == "plain\nlines\n")
        let file = TextSanitizer.sanitizeControls(hostile)
        #expect(file == "a\\x1b]0;t\\x07\\x0d\nb\\x9b2J\u{202E}c\td")
        #expect(TextSanitizer.sanitizeControls(file) == file)
        #expect(!file.unicodeScalars.contains { ($0.value < 0x20 && $0.value != 0x09 && $0.value != 0x0A) || (0x7F..<0xA0).contains($0.value) })
    }

    @Test func truncationAndPaddingByDisplayWidth() {
        #expect(TextLayout.truncate("Hello world", width: 8) == "Hello w…")
        #expect(TextLayout.truncate("株式会社サクラ", width: 6) == "株式…")  // 2+2+1: a wide char never straddles
        #expect(TextLayout.truncate("株式会社", width: 5) == "株式…")
        #expect(TextLayout.fit("株式", width: 6) == "株式  ")
        #expect(TextLayout.fit("42", width: 5, alignment: .right) == "   42")
        #expect(TextLayout.fit("ab", width: 5, alignment: .center) == " ab  ")
        #expect(TextLayout.fit("anything", width: 0) == "")
        #expect(TextLayout.fit("x", width: -3) == "")
        #expect(TextLayout.spaces(-5) == "")
        for w in 0...12 {
            #expect(DisplayWidth.of(TextLayout.fit("北京长城贸易 mixed", width: w)) == w)
        }
    }

    @Test func wrapKeepsLinesWithinWidth() {
        let lines = TextLayout.wrap("the quick brown fox 株式会社サクラ精機 jumps", width: 10)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
        #expect(lines.joined(separator: " ").contains("quick"))
    }

    @Test func formats() {
        #expect(Format.money(98_000) == "980")
        #expect(Format.money(1_234_500) == "12.3k")
        #expect(Format.money(-456_000_000) == "-4.56M")
        #expect(Format.money(Int64.min) == "—")
        #expect(Format.grouped(1_234_567) == "1,234,567")
        #expect(Format.percent(0.125) == "12.5%")
        #expect(Format.score(.nan) == "—")
    }
}
