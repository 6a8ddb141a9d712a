import AcumenCore

/// The analysis date a workspace opens at when the user names none, and why.
///
/// One rule for the CLI and the workbench (docs/analytics.md §14):
/// 1. a date the user asked for (`--as-of`, a date typed in the workbench);
/// 2. else the workspace's ``Settings/asOf``;
/// 3. else today — unless the latest transaction is older than the start of the window today
///    would give (`latest < today − windowMonths`), because that window would be empty: then the
///    day after the latest transaction, so the window ends on the last day with data.
///
/// An empty workspace (no transactions) keeps today. The clock is a parameter: the library
/// never reads it.
public struct AnalysisDate: Sendable, Hashable {
    /// Where the date came from.
    public enum Source: String, Sendable, Hashable {
        /// Asked for explicitly (command-line option or the workbench).
        case requested
        /// The workspace's `asOf` setting.
        case setting
        /// Today's date.
        case today
        /// The day after the latest transaction (today's window would hold no data).
        case latestTransaction
    }

    /// The analysis date: transactions on or after it are ignored.
    public let day: Day
    /// Which rule chose it.
    public let source: Source
    /// The latest transaction day, when there is one (for the notice).
    public let latestTransaction: Day?

    /// True when the stale-data fallback applied (the user should be told).
    public var isFallback: Bool { source == .latestTransaction }

    /// One line saying why the date is not today, or nil when no notice is due.
    ///
    /// Example: `no transactions since 1998-06-30: analysing as of 1998-07-01 (the day after the
    /// latest); use --as-of to choose another date`.
    public var reason: String? {
        guard isFallback, let latest = latestTransaction else { return nil }
        return "no transactions since \(latest.iso): analysing as of \(day.iso) (the day after the latest) instead of today"
    }

    /// Applies the rule.
    /// - Parameters:
    ///   - requested: a date asked for explicitly; wins over everything.
    ///   - settingsAsOf: the workspace's `asOf` setting.
    ///   - latestTransaction: the latest transaction day (nil for an empty workspace).
    ///   - today: the current date (UTC), supplied by the caller.
    ///   - windowMonths: the analysis window in months (``Settings/windowMonths``).
    public static func resolve(requested: Day? = nil, settingsAsOf: Day?, latestTransaction: Day?,
                               today: Day, windowMonths: Int) -> AnalysisDate {
        if let requested { return AnalysisDate(day: requested, source: .requested, latestTransaction: latestTransaction) }
        if let settingsAsOf { return AnalysisDate(day: settingsAsOf, source: .setting, latestTransaction: latestTransaction) }
        if let latest = latestTransaction, latest < today.adding(months: -windowMonths) {
            return AnalysisDate(day: latest.adding(days: 1), source: .latestTransaction, latestTransaction: latest)
        }
        return AnalysisDate(day: today, source: .today, latestTransaction: latestTransaction)
    }

    /// Applies the rule to a workspace (its `asOf` setting, window and latest transaction).
    /// - Complexity: O(transactions) for the latest day.
    public static func resolve(_ workspace: Workspace, requested: Day? = nil, today: Day) -> AnalysisDate {
        if let requested { return resolve(requested: requested, settingsAsOf: nil, latestTransaction: nil, today: today, windowMonths: 12) }
        if let s = workspace.settings.asOf { return resolve(settingsAsOf: s, latestTransaction: nil, today: today, windowMonths: 12) }
        return resolve(settingsAsOf: nil, latestTransaction: workspace.lastTransactionDay, today: today,
                       windowMonths: workspace.settings.windowMonths)
    }
}
