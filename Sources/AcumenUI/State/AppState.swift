/// Everything on screen, as one value: the reducer changes it, `render` draws it.
public struct AppState: Sendable {
    /// Terminal size in cells.
    public var width: Int
    public var height: Int
    /// The navigation stack; the last screen is shown. Never empty.
    public var stack: [Screen] = [.accounts]
    /// What each screen below the top looked like when it was left (one entry per screen under
    /// the top of ``stack``); going back restores it.
    public var backStack: [ScreenMemory] = []
    public var table = AccountTable()
    public var summary = PortfolioFigures()
    public var accounts = AccountsState()
    public var portfolio = PortfolioState()
    /// The facts of the open profile (nil until loaded).
    public var profile: ProfileFacts?
    /// Scroll offset of the profile screen.
    public var profileTop = 0
    public var overlay: Overlay?
    /// What each kind of prompt was given this session (Up/Down in a prompt).
    public var promptHistory = PromptHistory()
    /// The key map in effect (the defaults, or the user's remapping from keys.json).
    public var keys = KeyBindings.defaults
    /// The analysis and undo state for edits, triage and what-if (nil until loaded).
    public var workflow: WorkflowModel?
    public var triage = TriageState()
    public var weights = WeightsState()
    /// The analysis date in flight (Screens/Time).
    public var time = TimeState()
    public var scenarios = ScenariosState()
    /// The changes screen (one quarter ago against now).
    public var changes = ChangesState()
    /// The status-line messages: the one shown and those waiting (``say(_:error:progress:)``).
    public var status = StatusQueue()
    public var glyphs: GlyphSet
    public var mouseEnabled = false
    /// The undo label a first `u` asked about (a step this screen does not show).
    public var pendingUndo: String?
    /// Whether edits are waiting to be saved (quitting then asks first).
    public var hasUnsavedEdits = false
    /// Shown in the title bar.
    public var workspaceName: String
    /// Set when the app should end; the runtime stops the loop.
    public var isQuitting = false

    public init(width: Int, height: Int, workspaceName: String = "", glyphs: GlyphSet = .unicode) {
        self.width = max(0, width); self.height = max(0, height)
        self.workspaceName = TextSanitizer.sanitize(workspaceName); self.glyphs = glyphs
    }

    /// The screen on top of the stack.
    public var screen: Screen { stack.last ?? .accounts }

    /// Rows available to a screen's body: everything but the title, status and footer lines.
    public var bodyHeight: Int { max(0, height - 3) }

    /// Data rows of the accounts list: the body minus its header and totals lines.
    public var accountRows: Int { max(1, bodyHeight - 2) }

    /// The status-line message shown now.
    public var notice: String? { status.current?.text }

    /// Whether the message shown is an error.
    public var noticeIsError: Bool { status.current?.severity == .error }

    /// The key-map context that receives keys now: the open overlay's, else the screen's.
    public var context: KeyContext { overlay?.context ?? screen.context }
}

/// Runs one action through the reducer: `update(&state, action)` is pure and returns the effects
/// for the runtime to run.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] { state.update(action) }

/// Draws the whole frame for a state (immediate mode).
public func render(_ state: AppState, into grid: inout CellGrid) { state.render(into: &grid) }

/// A screen on the navigation stack.
public enum Screen: Hashable, Sendable {
    case accounts
    case portfolio
    /// One customer's profile, by row index in the ``AccountTable``.
    case profile(Int)
    /// Triage: one account at a time from a queue.
    case triage
    /// Weights (what-if) against a pinned baseline.
    case weights
    /// Two weight sets (default, saved scenarios, the trial) side by side.
    case scenarios
    /// The portfolio one quarter ago against now, same weights.
    case changes

    /// The key-map context of the screen.
    public var context: KeyContext {
        switch self {
        case .accounts: .accounts
        case .portfolio: .portfolio
        case .profile: .profile
        case .triage: .triage
        case .weights: .weights
        case .scenarios: .scenarios
        case .changes: .changes
        }
    }
}
