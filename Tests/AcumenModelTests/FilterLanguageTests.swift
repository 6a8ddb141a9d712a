import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The one filter language: shorthand, implicit `and`, bare words, canonical values and
/// errors with columns (docs/import-export.md, "Filters").
@Suite struct FilterLanguageTests {
    typealias Subject = ExportTests.Subject

    let chen = Subject(text: [.id: ["C0042"], .name: ["Chen Trading"], .tier: ["Key"], .strategy: ["cut-cost", "Cut cost"],
                              .owner: ["Dana Wu"], .region: ["EMEA"], .industry: ["Retail"], .tag: ["export", "vip"]],
                       numbers: [.revenue: 12_000, .score: 81, .r: 5], flags: [.belowBreakEven])
    let vocabulary = AccountFilter.Vocabulary(tiers: ["Key", "Growth", "Core", "Tail"], segments: ["Champions", "At risk"])

    func keeps(_ text: String) throws -> Bool { try AccountFilter.parse(text, vocabulary: vocabulary).matches(chen) }

    @Test func shorthandMeansContainsOnTextAndEqualsOnCodesAndNumbers() throws {
        #expect(try keeps("tier:key strategy:cut-cost owner:dana belowBreakEven"))
        #expect(try keeps("owner:ana"))          // text: contains
        #expect(try !keeps("owner=ana"))         // = is the whole value
        #expect(try keeps("owner=\"dana wu\""))
        #expect(try keeps("r:5 and score>80 and revenue>1000"))
        #expect(try !keeps("tier:growth"))
        #expect(try keeps("region:emea industry:retail tag:vip"))
        #expect(try keeps("belowBreakEven:yes") && !keeps("belowBreakEven:no"))
    }

    @Test func strategyValuesAreCanonical() throws {
        for v in ["cut-cost", "cutCost", "\"cut cost\"", "CUT_COST", "\"Cut cost\""] {
            #expect(try keeps("strategy=\(v)"), "\(v)")
            #expect(try keeps("strategy:\(v)"), "\(v)")
        }
    }

    @Test func bareWordsSearchNamesAndIdsAndBangNegates() throws {
        #expect(try keeps("chen"))
        #expect(try keeps("c0042 trad"))
        #expect(try !keeps("!chen"))
        #expect(try keeps("\"chen trading\""))
        #expect(try keeps("zeta or tier=Key"))
        #expect(try !keeps("not (tier=Key strategy=cutCost)"))
    }

    @Test func textFoldsCaseAndAccentsLikeTheWorkbenchSearch() throws {
        let m = Subject(text: [.id: ["C7"], .name: ["Müller Åkesson"], .owner: ["José Álvarez"]])
        for text in ["muller", "MÜLLER", "name~akesson", "owner=\"jose alvarez\"", "owner:alvarez"] {
            #expect(try AccountFilter.parse(text).matches(m), "\(text)")
        }
    }

    @Test func unknownValuesAndKeysAreErrorsWithTheirColumn() {
        let errors: [(String, Int, String)] = [
            ("tier=Keyy", 6, "unknown tier 'Keyy'"), ("tier:Keyy", 6, "unknown tier"),
            ("strategy=growth", 10, "unknown strategy"), ("abc=D", 5, "unknown abc"),
            ("segment=\"Lost souls\"", 9, "unknown segment"), ("colour:red", 1, "unknown key 'colour'"),
            ("tier", 5, "expected an operator"), ("score:high", 7, "not a number"), ("belowBreakEven:maybe", 16, "is a flag"),
            ("tier:", 6, "expected a value"), ("and tier=Key", 1, "expected a term"),
        ]
        for (text, column, says) in errors {
            do {
                _ = try AccountFilter.parse(text, vocabulary: vocabulary)
                Issue.record("\(text) parsed")
            } catch {
                #expect(error.column == column && error.message.contains(says), "\(text): \(error)")
            }
        }
        // Without a tier list any tier parses (it just matches nothing); strategy is always checked.
        #expect((try? AccountFilter.parse("tier=Keyy")) != nil)
        #expect((try? AccountFilter.parse("strategy=growth")) == nil)
    }

    @Test func narrowingOnlyForBareWordsThatGrow() throws {
        func f(_ s: String) throws -> AccountFilter { try AccountFilter.parse(s) }
        #expect(try f("ab").narrows(f("a")))
        #expect(try f("a b").narrows(f("a")))
        #expect(try f("xab").narrows(f("ab")))
        #expect(try !f("a").narrows(f("ab")))
        #expect(try !f("!ab").narrows(f("!a")))
        #expect(try !f("tier:key").narrows(f("tier:k")))
        #expect(try !f("b").narrows(f("a")))
        #expect(try !f("ab").narrows(f("")))
        #expect(try !f("a or b").narrows(f("a")))
    }

    @Test func quotedValuesRoundTrip() throws {
        for v in ["Chen Wei", "a\"b", "back\\slash", "or", "x:y", ""] {
            let text = "owner=" + AccountFilter.quoted(v)
            let parsed = try AccountFilter.parse(text)
            #expect(parsed.expression == .text(.owner, .equal, v), "\(text)")
        }
    }
}
