import AcumenAnalytics
import AcumenCore

/// The analysis date as the workbench shows and moves it: the date a re-analysis was asked for
/// and not yet delivered.
///
/// The date in effect is the analysis's own (``WorkflowModel/analysis``); this state only holds
/// what is in flight, so the header never shows a date whose figures are not on screen. (Why
/// the opening date is not today, ``AnalysisDate/reason``, is part of the opening notice.)
public struct TimeState: Hashable, Sendable {
    /// The date a re-analysis runs for (nil when none runs).
    public var pending: Day?

    public init() {}
}

extension AppState {
    /// The analysis date and window of the figures on screen:
    /// `as of 1998-07-01 · window 1997-07-01 – 1998-06-30` (ASCII separators without UTF-8).
    /// The window is `[windowStart, asOf)`, its last day the day before `asOf` (docs/analytics.md).
    public var windowText: String? {
        guard let w = workflow?.analysis.window else { return nil }
        return glyphs == .ascii ? w.asciiDescription : w.description
    }

    /// The header's date text for `room` cells: the whole window, else the date alone; while a
    /// re-analysis runs, the date it is for.
    func headerDate(room: Int) -> String {
        if let p = time.pending {
            let t = "analysing as of \(p.iso)" + glyphs.ellipsis
            return DisplayWidth.of(t) <= room ? t : ""
        }
        guard let full = windowText, let a = workflow?.analysis else { return "" }
        if DisplayWidth.of(full) <= room { return full }
        let short = "as of \(a.asOf.iso)"
        return DisplayWidth.of(short) <= room ? short : ""
    }

    /// The date the next step starts from: the one in flight, else the analysis's.
    var currentAsOf: Day? { time.pending ?? workflow?.analysis.asOf }

    /// Runs the date commands (step by a month or a quarter, type a date); nil for others.
    mutating func runTime(_ c: Command) -> [Effect]? {
        switch c {
        case .dateMonthBack: return stepDate(months: -1)
        case .dateMonthForward: return stepDate(months: 1)
        case .dateQuarterBack: return stepDate(months: -3)
        case .dateQuarterForward: return stepDate(months: 3)
        case .setDate:
            guard let d = currentAsOf else { return [] }
            input(.analysisDate, "Analyse as of (yyyy-MM-dd): ", text: d.iso)
            return []
        case .saveDate: return saveDate()
        default: return nil
        }
    }

    /// Records the date on screen as the workspace's `asOf` setting: an explicit, undoable edit.
    mutating func saveDate() -> [Effect] {
        guard let w = workflow else { return [] }
        if time.pending != nil { say("Wait for the analysis to finish, then save its date", error: true); return [] }
        let day = w.analysis.asOf
        if w.savedAsOf == day { say("The workspace is already analysed as of \(day.iso)"); return [] }
        return requestEdit(.plain(.setAsOf(day), label: "workspace analysis date \(day.iso)"))
    }

    /// Moves the analysis date by `months` (same day of the month, clamped).
    mutating func stepDate(months: Int) -> [Effect] {
        guard let d = currentAsOf else { return [] }
        return analyse(at: d.adding(months: months))
    }

    /// Asks the runtime for the analysis at `day` (off the input path); the workspace is not
    /// edited — saving the date as the workspace's `asOf` is a separate, undoable edit.
    mutating func analyse(at day: Day) -> [Effect] {
        guard workflow != nil else { return [] }
        if time.pending == nil, day == workflow?.analysis.asOf { say("Already as of \(day.iso)"); return [] }
        time.pending = day
        say("Analysing as of \(day.iso)" + glyphs.ellipsis, progress: true)
        return [.analyseAt(day)]
    }

    /// The typed date of the date prompt, or why it is not one.
    mutating func submitDate(_ text: String) -> [Effect] {
        guard let day = Day(iso: text) else { say("Type a date yyyy-MM-dd, e.g. 1998-07-01", error: true); return [] }
        overlay = nil
        return analyse(at: day)
    }

    /// A re-analysis arrived: the figures on screen are now as of `day`.
    mutating func dateAnalysed(_ day: Day) {
        guard time.pending == day else { return }
        time.pending = nil
        say("Now as of \(day.iso)")
    }
}
