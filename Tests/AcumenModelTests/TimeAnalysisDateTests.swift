import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// The default analysis date (docs/analytics.md §14): setting, stale data, fresh data, empty
/// workspace, and the window text.
@Suite struct TimeAnalysisDateTests {
    let today = TimeFixture.day("2026-11-29")

    @Test func theWorkspaceSettingWins() {
        var ws = TimeFixture.workspace()
        ws.settings.asOf = TimeFixture.day("2024-07-01")
        let d = AnalysisDate.resolve(ws, today: today)
        #expect(d.day == TimeFixture.day("2024-07-01") && d.source == .setting && !d.isFallback && d.reason == nil)
    }

    @Test func aRequestedDateWinsOverTheSetting() {
        var ws = TimeFixture.workspace()
        ws.settings.asOf = TimeFixture.day("2024-07-01")
        let d = AnalysisDate.resolve(ws, requested: TimeFixture.day("2024-01-01"), today: today)
        #expect(d.day == TimeFixture.day("2024-01-01") && d.source == .requested && d.reason == nil)
    }

    @Test func staleDataFallsBackToTheDayAfterTheLatestTransaction() {
        // Latest sale 2024-11-01; today's window would start 2025-11-29: empty.
        let d = AnalysisDate.resolve(TimeFixture.workspace(), today: today)
        #expect(d.day == TimeFixture.day("2024-11-02") && d.source == .latestTransaction && d.isFallback)
        #expect(d.reason == "no transactions since 2024-11-01: analysing as of 2024-11-02 (the day after the latest) instead of today")
    }

    @Test func freshDataKeepsToday() {
        // Latest 2024-11-01 is inside the window of 2025-06-01 (from 2024-06-01).
        let d = AnalysisDate.resolve(TimeFixture.workspace(), today: TimeFixture.day("2025-06-01"))
        #expect(d.day == TimeFixture.day("2025-06-01") && d.source == .today && d.reason == nil)
        // On the boundary: the latest day equal to the window start is not older than it.
        let edge = AnalysisDate.resolve(settingsAsOf: nil, latestTransaction: TimeFixture.day("2024-11-01"),
                                        today: TimeFixture.day("2025-11-01"), windowMonths: 12)
        #expect(edge.source == .today)
        let past = AnalysisDate.resolve(settingsAsOf: nil, latestTransaction: TimeFixture.day("2024-10-31"),
                                        today: TimeFixture.day("2025-11-01"), windowMonths: 12)
        #expect(past.day == TimeFixture.day("2024-11-01") && past.isFallback)
    }

    @Test func aShorterWindowFallsBackSooner() {
        var ws = TimeFixture.workspace()
        ws.settings.windowMonths = 3
        let d = AnalysisDate.resolve(ws, today: TimeFixture.day("2025-03-01"))
        #expect(d.day == TimeFixture.day("2024-11-02") && d.isFallback)
    }

    @Test func anEmptyWorkspaceKeepsToday() {
        let d = AnalysisDate.resolve(Workspace(), today: today)
        #expect(d.day == today && d.source == .today && !d.isFallback && d.latestTransaction == nil)
    }

    @Test func theWindowTextIsTheOneTheHeaderAndReportShow() {
        let w = AnalysisWindow(asOf: TimeFixture.day("1998-07-01"), months: 12)
        #expect(w.description == "as of 1998-07-01 · window 1997-07-01 – 1998-06-30")
        #expect(w.asciiDescription == "as of 1998-07-01, window 1997-07-01 to 1998-06-30")
        #expect(w.contains(TimeFixture.day("1997-07-01")) && w.contains(TimeFixture.day("1998-06-30")) && !w.contains(TimeFixture.day("1998-07-01")))
        let a = PortfolioAnalyzer.analyze(TimeFixture.workspace(), asOf: TimeFixture.later)
        #expect(a.window.description == "as of 2025-01-01 · window 2024-01-01 – 2024-12-31")
        #expect(a.window.start == a.windowStart)
    }
}
