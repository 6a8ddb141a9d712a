import Foundation
import Testing
@testable import AcumenUI

@Suite struct ThemeTests {
    static var themesFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes").path
    }

    static func read(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }

    @Test func shippedThemesLoadWithoutNotices() {
        for name in ThemeLoader.shippedNames {
            let (theme, notice) = ThemeLoader.load(named: name, searchPath: [Self.themesFolder], read: Self.read)
            #expect(notice == nil, "\(name): \(notice ?? "")")
            #expect(theme.name == name)
            #expect(StyleRole.allCases.allSatisfy { theme.styles[$0] != nil }, "\(name) leaves out a role")
        }
    }

    @Test func builtInThemesMatchTheirFiles() {
        let d = ThemeLoader.load(named: "default", searchPath: [Self.themesFolder], read: Self.read).theme
        #expect(d == Theme.fallback)
        let m = ThemeLoader.load(named: "mono", searchPath: [Self.themesFolder], read: Self.read).theme
        #expect(m == Theme.mono)
        #expect(!m.usesColor)
        #expect(m.glyphs(ascii: false).mark == "*")
    }

    @Test func brokenThemeFallsBackWithAClearMessage() {
        let files: [String: String] = [
            "/t/bad.json": "{\n  \"roles\": {\n    \"header\": {\"fg\": \"purpleish\"}\n  }\n}",
            "/t/typo.json": "{\"roles\": {\"haeder\": {}}}",
            "/t/syntax.json": "{\"roles\": {\n\"header\": {\"fg\": \"red\",}\n}}",
        ]
        let read: (String) -> [UInt8]? = { files[$0].map { Array($0.utf8) } }
        let bad = ThemeLoader.load(named: "bad", searchPath: ["/t"], read: read)
        #expect(bad.theme == Theme.fallback)
        #expect(bad.notice?.contains("/t/bad.json:3: roles.header.fg") == true, "\(bad.notice ?? "")")
        let typo = ThemeLoader.load(named: "typo", searchPath: ["/t"], read: read)
        #expect(typo.notice?.contains("unknown role") == true)
        let syntax = ThemeLoader.load(named: "syntax", searchPath: ["/t"], read: read)
        #expect(syntax.notice?.contains("/t/syntax.json:2") == true, "\(syntax.notice ?? "")")
        let missing = ThemeLoader.load(named: "nope", searchPath: ["/t"], read: read)
        #expect(missing.notice?.contains("not found") == true)
        let escape = ThemeLoader.load(named: "../etc/x", searchPath: ["/t"], read: read)
        #expect(escape.notice?.contains("not valid") == true)
    }

    @Test func coloursReduceToWhatTheTerminalHas() {
        #expect(ThemeColor(parsing: "#ff0000")?.index(forColorCount: 256) == 196)
        #expect(ThemeColor(parsing: "#ff0000")?.index(forColorCount: 8) == 1)
        #expect(ThemeColor(parsing: "brightWhite")?.index(forColorCount: 256) == 15)
        #expect(ThemeColor.indexed(117).index(forColorCount: 8) == 7)  // light sky blue is nearest to white
        #expect(ThemeColor(parsing: "default")?.index(forColorCount: 8) == -1)
        #expect(ThemeColor(parsing: "300") == nil)
    }

    @Test func searchPathFindsASourceCheckout() {
        let p = Theme.searchPath(executable: "/src/acumen/.build/debug/acumen", environment: ["HOME": "/home/u", "ACUMEN_THEMES": "/x"])
        #expect(p.first == "/x")
        #expect(p.contains("/home/u/.config/acumen/themes"))
        #expect(p.contains("/src/acumen/.build/debug/../../themes"))
    }
}
