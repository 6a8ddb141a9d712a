import Testing
@testable import AcumenTerminal

@Suite struct AsciiFallbackTests {
    @Test func punctuationHasLookAlikesAndTheRestIsAQuestionMark() {
        #expect(NcursesTerminal.asciiFallback("a") == UInt8(ascii: "a"))
        #expect(NcursesTerminal.asciiFallback("—") == UInt8(ascii: "-"))
        #expect(NcursesTerminal.asciiFallback("…") == UInt8(ascii: "~"))
        #expect(NcursesTerminal.asciiFallback("株") == UInt8(ascii: "?"))
        #expect(NcursesTerminal.asciiFallback("\u{1b}") == UInt8(ascii: "?"))
    }
}
