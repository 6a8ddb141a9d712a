import AcumenAnalytics
import AcumenCore
import AcumenStore

/// Work for the runtime around edits, saving and triage queues; results come back as ``WorkflowEvent``s.
public enum WorkflowEffect: Hashable, Sendable {
    case edit(EditRequest)
    /// Collect the review-before-save summary.
    case reviewSave
    /// Save; the listed files are overwritten even if they changed on disk ("keep mine").
    case save(overwriting: [String])
    /// Reload these files from disk, keeping unsaved edits to other files ("take theirs").
    case takeTheirs([String])
    /// Diff these files on disk against what saving would write.
    case showDiff([String])
    /// Build a triage queue from the workspace as it stands.
    case buildTriage(TriageQueue.Source, TriageQueue.Order)
    /// Re-sort the queue in progress.
    case reorderTriage(TriageQueue.Order)
}

/// What happened to a ``WorkflowEffect``.
public enum WorkflowEvent: Sendable {
    /// The model (workspace, analysis, facts) to work on, at start.
    case loaded(WorkflowModel)
    /// The first frame of a large workspace ranked by score: the accounts table and the rows a
    /// frame can show, in order (``AccountsState/showFirst(_:of:)``); the full listing
    /// (``Action/loaded(_:)``) follows before any key is handled (``Runtime/finishFirstScreen()``).
    case firstScreen(AccountTable, rows: [Int32])
    /// A new analysis of the same workspace (e.g. lifetime value fitted in the background):
    /// the queue and the what-if in progress are kept.
    case reanalysed(WorkflowModel)
    case edited(EditOutcome)
    /// The review-before-save summary: one line per file.
    case pendingChanges([String])
    /// A save started writing the files in the background; input goes on.
    case saving
    /// The save finished; `stillPending`: edits made while it ran are not in the files yet.
    case saved(stillPending: Bool)
    /// The save failed (nothing lost: the edits are in the journal).
    case saveFailed(String)
    /// Nothing was written: these files changed on disk; "take theirs" would drop `drops`.
    case conflict(files: [String], drops: [String])
    /// A unified diff per file, as lines.
    case diff([String])
    /// Saving or reloading failed.
    case failed(String)
    /// A triage queue and its progress counts.
    case triageQueue(TriageQueue, TriageProgress)
    /// The card of the account under review.
    case triageCard(TriageCard)
    /// Δscore and Δrank per row against the what-if baseline, for the what-if generation.
    case deltas(score: [Double], rank: [Int32], generation: Int)
    /// The full ranking of the what-if's tried weights, computed off the input path for the
    /// what-if generation (adopted only if the weights are still the same).
    case whatIfRanked(Scoring, generation: Int)
    /// Ask before going on (e.g. an export would overwrite a file).
    case confirm(Confirmation)
}
