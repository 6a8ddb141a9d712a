import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

@Suite struct CoreValueTests {
    @Test func dayRoundTripsCivilDates() {
        for (y, m, d, iso) in [(1970, 1, 1, "1970-01-01"), (2000, 2, 29, "2000-02-29"), (2026, 11, 27, "2026-11-27"), (1997, 1, 1, "1997-01-01")] {
            let day = Day(year: y, month: m, day: d)
            #expect(day?.iso == iso)
            #expect(Day(iso: iso) == day)
        }
        #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
        #expect(Day(year: 2001, month: 2, day: 29) == nil)
        #expect(Day(iso: "2024-13-01") == nil)
        #expect(Day(iso: "2024-1-01") == nil)
        #expect(Day(compactBytes: Array("19970112".utf8)[...])?.iso == "1997-01-12")
    }

    @Test func dayAddsMonthsClampingToMonthEnd() {
        let jan31 = Day(year: 2025, month: 1, day: 31)
        #expect(jan31?.adding(months: 1).iso == "2025-02-28")
        #expect(jan31?.adding(months: -12).iso == "2024-01-31")
    }

    @Test func moneyParsesExactly() {
        #expect(Money(decimalText: "12.34")?.minor == 1234)
        #expect(Money(decimalText: "12.3")?.minor == 1230)
        #expect(Money(decimalText: "-0.05")?.minor == -5)
        #expect(Money(decimalText: "7")?.minor == 700)
        #expect(Money(decimalText: "0.005")?.minor == 1)
        #expect(Money(decimalText: "1e3") == nil)
        #expect(Money(decimalText: "12.") == nil)
        #expect(Money(decimalText: "99999999999999999999") == nil)
        #expect(Money(minor: -1250).decimalText == "-12.50")
        #expect(Money(minor: 5).decimalText == "0.05")
    }

    @Test func timestampFormatsUTC() {
        let t = Timestamp(seconds: 1_764_234_650)
        #expect(t.iso == "2025-11-27T09:10:50Z")
        #expect(Timestamp(iso: t.iso) == t)
        #expect(Timestamp(iso: "2025-11-27") == Timestamp(seconds: 1_764_201_600))
    }

    @Test func crc32MatchesKnownValue() {
        #expect(Checksum.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func seededGeneratorIsDeterministic() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42)
        #expect((0..<10).map { _ in a.next() } == (0..<10).map { _ in b.next() })
    }
}
