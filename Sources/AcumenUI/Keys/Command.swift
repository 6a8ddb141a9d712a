/// Every action a key (or the command palette) can trigger, by name.
///
/// The raw value is the name shown in the palette and docs (`move-down`). Add a case here and
/// a row in ``KeyMap/table`` to add a command; help, palette, footer and docs follow.
public enum Command: String, CaseIterable, Sendable, Hashable {
    // Global
    case help, palette, back, quit, repaint, suspend
    case toggleMouse = "toggle-mouse"
    case screenAccounts = "screen-accounts"
    case screenPortfolio = "screen-portfolio"
    // Moving in lists and pages
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case top, bottom
    case columnLeft = "column-left"
    case columnRight = "column-right"
    case open
    // Accounts
    case sortAscending = "sort-ascending"
    case sortDescending = "sort-descending"
    case search
    case searchNext = "search-next"
    case searchPrevious = "search-previous"
    case filter
    case filterByCell = "filter-by-cell"
    case clearFilter = "clear-filter"
    case exportView = "export-view"
    case restoreFilter = "restore-filter"
    case toggleMark = "toggle-mark"
    case markRange = "mark-range"
    case markAllFiltered = "mark-all-filtered"
    case unmarkAll = "unmark-all"
    case hideColumn = "hide-column"
    case moveColumnLeft = "move-column-left"
    case moveColumnRight = "move-column-right"
    case chooseColumns = "choose-columns"
    // Portfolio
    case nextSection = "next-section"
    case previousSection = "previous-section"
    // Edits and workflows (Workflow/WorkflowKeys.swift)
    case screenTriage = "screen-triage"
    case screenWeights = "screen-weights"
    case screenChanges = "screen-changes"
    case undo, redo, save
    case triageSelection = "triage-selection"
    case setOwner = "set-owner"
    case setTags = "set-tags"
    case addNote = "add-note"
    case rate
    case overrideStrategy = "override-strategy"
    case overrideTier = "override-tier"
    case accept
    case decideGrow = "decide-grow"
    case decideMaintain = "decide-maintain"
    case decideNurture = "decide-nurture"
    case decideCutCost = "decide-cut-cost"
    case skip
    case jumpBack = "jump-back"
    case triageOrder = "triage-order"
    case increaseWeight = "increase-weight"
    case decreaseWeight = "decrease-weight"
    case typeWeight = "type-weight"
    case resetWeight = "reset-weight"
    case revertWeights = "revert-weights"
    case pinBaseline = "pin-baseline"
    case saveScenario = "save-scenario"
    case nextScenario = "next-scenario"
    case previousScenario = "previous-scenario"
    case applyScenario = "apply-scenario"
    case compareScenarios = "compare-scenarios"
    case nextBaseScenario = "next-base-scenario"
    case previousBaseScenario = "previous-base-scenario"
    case renameScenario = "rename-scenario"
    case deleteScenario = "delete-scenario"
    case toggleBaselineDeltas = "toggle-baseline-deltas"
    // The analysis date (Screens/Time)
    case dateMonthBack = "date-month-back"
    case dateMonthForward = "date-month-forward"
    case dateQuarterBack = "date-quarter-back"
    case dateQuarterForward = "date-quarter-forward"
    case setDate = "set-date"
    case saveDate = "save-date"
    // Overlays (Keys/OverlayKeys.swift): help, palette, prompts, questions, save conflict, diff
    case close
    case confirm
    case selectNext = "select-next"
    case selectPrevious = "select-previous"
    case toggleColumn = "toggle-column"
    case keepMine = "keep-mine"
    case takeTheirs = "take-theirs"
    case showDiff = "show-diff"
    // The line editor of every prompt (Text/LineEditor.swift)
    case cursorLeft = "cursor-left"
    case cursorRight = "cursor-right"
    case lineStart = "line-start"
    case lineEnd = "line-end"
    case deleteBackward = "delete-backward"
    case deleteForward = "delete-forward"
    case deleteToStart = "delete-to-start"
    case deleteToEnd = "delete-to-end"
    case deleteWord = "delete-word"
    case historyPrevious = "history-previous"
    case historyNext = "history-next"
}
