/// One user edit, the unit of the journal and of undo.
///
/// Edits are data: they are written to the journal before they count as saved, replayed on
/// open, and inverted for undo. ``Workspace/apply(_:author:at:)`` performs them.
public enum Edit: Hashable, Sendable {
    /// Sets a rated criterion (0–10) or makes it unknown (nil).
    case setRating(customer: String, criterion: Criterion, value: Double?)
    case setOwner(customer: String, owner: String)
    case setTags(customer: String, tags: [String])
    case setCostToServe(customer: String, amount: Money)
    /// Appends a note.
    case addNote(customer: String, note: Note)
    /// Removes the note at an index (the inverse of `addNote`).
    case removeNote(customer: String, index: Int)
    case setTierOverride(customer: String, override: Override?)
    case setStrategyOverride(customer: String, override: Override?)
    case setReview(customer: String, review: Review?)
    /// Sets the workspace's default weights.
    case setWeights([Criterion: Double])
    /// Adds or replaces a named scenario.
    case saveScenario(Scenario)
    case deleteScenario(name: String)
    /// Renames a saved scenario, keeping its weights and its place in the list; the inverse
    /// renames it back. The new name must be valid (``Scenario/nameProblem(_:)``) and unused.
    case renameScenario(from: String, to: String)
    /// Sets the workspace's analysis date (`asOf` in settings.json); nil: the default-date rule.
    case setAsOf(Day?)
    /// Several edits as one step (bulk actions, undone together).
    case batch([Edit])

    /// The customer an edit is about, if exactly one.
    public var customerID: String? {
        switch self {
        case .setRating(let c, _, _), .setOwner(let c, _), .setTags(let c, _), .setCostToServe(let c, _),
             .addNote(let c, _), .removeNote(let c, _), .setTierOverride(let c, _), .setStrategyOverride(let c, _),
             .setReview(let c, _):
            c
        default: nil
        }
    }

    /// Which workspace file an edit changes, for the review-before-save summary.
    public var file: String {
        switch self {
        case .setWeights, .saveScenario, .deleteScenario, .renameScenario, .setAsOf: WorkspaceFiles.settings
        case .batch(let edits): edits.first?.file ?? WorkspaceFiles.customers
        default: WorkspaceFiles.customers
        }
    }
}

/// The file names of a workspace.
public enum WorkspaceFiles {
    public static let settings = "settings.json"
    public static let customers = "customers.jsonl"
    public static let transactions = "transactions.jsonl"
    public static let journal = "journal.jsonl"
    public static let lock = ".acumen.lock"
    /// Current schema version of every file.
    public static let schemaVersion = 1
}
