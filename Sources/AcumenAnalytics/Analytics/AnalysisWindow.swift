import AcumenCore

/// The analysis date and the window it gives, described one way for every screen and report.
///
/// The window is `[start, asOf)`: `start = asOf − windowMonths` (same day of the month, clamped),
/// and its last day is the day before `asOf`. ``description`` is the text the workbench header
/// and the reports show: `as of 1998-07-01 · window 1997-07-01 – 1998-06-30`.
public struct AnalysisWindow: Sendable, Hashable, CustomStringConvertible {
    /// The analysis date (first day not seen).
    public let asOf: Day
    /// The window length in months.
    public let months: Int

    /// The window of `months` months before `asOf`.
    public init(asOf: Day, months: Int) {
        self.asOf = asOf
        self.months = months
    }

    /// First day of the window.
    public var start: Day { asOf.adding(months: -months) }
    /// Last day of the window (the day before `asOf`).
    public var lastDay: Day { asOf.adding(days: -1) }

    /// Whether `day` falls inside the window.
    public func contains(_ day: Day) -> Bool { start <= day && day < asOf }

    /// `as of 1998-07-01 · window 1997-07-01 – 1998-06-30`.
    public var description: String { "as of \(asOf.iso) · window \(start.iso) – \(lastDay.iso)" }

    /// The same text with ASCII separators only (`as of 1998-07-01, window 1997-07-01 to 1998-06-30`),
    /// for terminals without UTF-8.
    public var asciiDescription: String { "as of \(asOf.iso), window \(start.iso) to \(lastDay.iso)" }
}

extension PortfolioAnalysis {
    /// The analysis date and window of this analysis.
    public var window: AnalysisWindow { AnalysisWindow(asOf: asOf, months: settings.windowMonths) }
}
