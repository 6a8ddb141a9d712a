import AcumenAnalytics
import AcumenCore

/// Everything that can happen to the app: input, resize, and results of effects.
public enum Action: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case mouse(MouseEvent)
    /// Run a command directly (from the palette or a test).
    case command(Command)
    /// The analysed accounts arrived (at start or after a recompute).
    case loaded(AccountTable)
    /// The facts for a profile screen arrived (result of ``Effect/loadProfile(_:)``).
    case profileLoaded(ProfileFacts)
    /// A notice to show in the status line (queued behind the one shown, ``StatusQueue``).
    case notice(String, isError: Bool)
    /// The runtime's monotonic clock, in milliseconds: a queued status message whose
    /// predecessor was shown long enough comes up.
    case tick(milliseconds: Int)
    /// A result of a workflow effect (edits, saving), see `Workflow/`.
    case workflow(WorkflowEvent)
    /// The re-analysis asked for by ``Effect/analyseAt(_:)`` was adopted: figures are as of the day.
    case dateAnalysed(Day)
    /// The comparison asked for by ``Effect/compareEarlier(_:)``.
    case changesLoaded(PortfolioComparison)
}

/// A mouse event, in cell coordinates.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(_ kind: Kind, x: Int, y: Int) { self.kind = kind; self.x = x; self.y = y }
}

/// Work the reducer asks the runtime to do (``Runtime/perform(_:)``); results come back as ``Action``s.
public enum Effect: Hashable, Sendable {
    /// Leave the program (the terminal is restored).
    case quit
    /// Clear and redraw every cell (Ctrl-L).
    case repaint
    /// Suspend to the shell (Ctrl-Z): restore the terminal, stop, redraw on resume.
    case suspend
    /// Turn mouse reporting on or off.
    case setMouse(Bool)
    /// Compute the profile facts of a row; the runtime answers with ``Action/profileLoaded(_:)``.
    case loadProfile(Int)
    /// Write the listed accounts to a file; the runtime answers with a notice.
    case export(ExportRequest)
    /// Record an edit, save, resolve a conflict, build a triage queue (see `Runtime/Runtime+Workflow.swift`).
    case workflow(WorkflowEffect)
    /// Analyse the workspace as of another date, off the input path (lifetime value refitted on
    /// history before it); the runtime answers with the new model and table, then ``Action/dateAnalysed(_:)``.
    case analyseAt(Day)
    /// Analyse the workspace as of an earlier day (with its own lifetime-value fit on the
    /// history before it when the analysis in effect has one) and compare it with the current analysis, same
    /// weights, off the input path; the runtime answers with ``Action/changesLoaded(_:)``.
    case compareEarlier(Day)
    /// Not work for the runtime: a screen asking the root to change another screen (a drill-in,
    /// the next account). ``AppState/update(_:)`` applies it before it returns, so the runtime
    /// never receives one.
    case intent(Intent)
}
