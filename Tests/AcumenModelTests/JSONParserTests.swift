import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

@Suite struct JSONParserTests {
    @Test func parsesAndKeepsNumberText() throws {
        let v = try JSONParser.parse(#"{"a": [1, 2.50, -3e2], "b": "x\u00e9\n", "c": null, "d": true}"#)
        #expect(v["a"] == .array([.number("1"), .number("2.50"), .number("-3e2")]))
        #expect(v["b"] == .string("xé\n"))
        #expect(v["c"] == .null)
        #expect(v["d"] == .bool(true))
    }

    @Test(arguments: [
        ("{\"a\":1,\"a\":2}", 1, 8, "duplicate key"),
        ("{\n  \"a\": NaN\n}", 2, 8, "NaN"),
        ("[1,2", 1, 5, "end of data"),
        ("{\"a\": 01}", 1, 7, "leading zeros"),
        ("\"abc", 1, 1, "unterminated"),
        ("{} x", 1, 4, "after the JSON value"),
    ])
    func reportsLineAndColumn(text: String, line: Int, column: Int, fragment: String) {
        #expect {
            _ = try JSONParser.parse(text)
        } throws: { error in
            guard let f = error as? JSONParser.Failure else { return false }
            return f.line == line && f.column == column && f.message.contains(fragment)
        }
    }

    @Test func refusesInvalidUTF8() {
        let bytes: [UInt8] = [0x22, 0xFF, 0xFE, 0x22]
        #expect(throws: JSONParser.Failure.self) { _ = try JSONParser.parse(bytes) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Failure.self) { _ = try JSONParser.parse(deep) }
    }

    @Test func writerSortsKeysAndEscapesControls() {
        let v = JSONValue.object(["b": .string("\u{1b}[31m"), "a": .int(1)])
        #expect(JSONWriter.compact(v) == #"{"a":1,"b":"\u001b[31m"}"#)
        #expect(JSONWriter.pretty(v) == "{\n  \"a\": 1,\n  \"b\": \"\\u001b[31m\"\n}\n")
    }
}
