import AcumenAnalytics
import AcumenCore
import AcumenStore

extension Runtime {
    /// Saves without blocking input: the checks and an immutable snapshot on the input path
    /// (``WorkspaceStore/prepareSave(overwriting:)``), the encoding and the crash-safe writes
    /// in the background (``SavePlan/write()``), and ``finishSave(_:)`` back on the main
    /// thread. Edits made meanwhile are journaled as always and stay unsaved; a second save
    /// asked for while one runs is queued and starts when the first finishes. Without a
    /// background queue (tests, scripts) the save runs at once.
    func save(overwriting files: [String]) -> [Action] {
        if saveInFlight {
            saveQueued = true
            return [.notice("Saving… another save is queued: it follows this one", isError: false)]
        }
        let plan: SavePlan
        do { plan = try session.store.prepareSave(overwriting: Set(files)) } catch {
            if case .changedOnDisk(let changed) = error { return conflict(changed) }
            return [.workflow(.saveFailed("Not saved: " + error.description))]
        }
        guard let background else { return finishSave(plan.write()) }
        saveInFlight = true
        background.start({ plan.write() }) { [weak self] result in self?.finishSave(result) ?? [] }
        return [.workflow(.saving)]
    }

    /// Adopts a finished write: the files' fingerprints, then the journal (emptied, or kept
    /// for the edits made meanwhile); answers with the outcome and runs a queued save.
    func finishSave(_ result: SavePlan.Result) -> [Action] {
        saveInFlight = false
        var out: [Action]
        do {
            try session.store.finishSave(result)
            out = [.workflow(.saved(stillPending: session.store.hasUnsavedEdits))]
        } catch {
            out = [.workflow(.saveFailed("Not saved: " + error.description + " (every edit is kept in the journal)"))]
        }
        if saveQueued {
            saveQueued = false
            if session.store.hasUnsavedEdits { out += save(overwriting: []) }
        }
        return out
    }

    /// The conflict prompt's content: the files changed on disk and, read from the unsaved
    /// edits in memory, the ones "take theirs" would drop.
    func conflict(_ files: [String]) -> [Action] {
        let drops = SaveConflict(files: files).editsTakingTheirsDrops(session.store).map(\.edit.label)
        return [.workflow(.conflict(files: files, drops: drops))]
    }

    /// Starts, in the background, the one-off work that makes the save review of the loaded
    /// files fast (``WorkspaceStore/saveReviewPreparation(again:)``); the store keeps the result
    /// unless a save or a reload made it stale meanwhile.
    func prepareSaveReview() {
        guard let background else { return }
        // In turn, last of the warm-up: the index is needed only at the first save.
        background.inTurn { [weak self] in
            guard let self, let job = self.session.store.saveReviewPreparation() else { return }
            background.start(job) { [weak self] lines in
                self?.session.store.adoptSaveReviewPreparation(lines)
                return []
            }
        }
    }

    /// At quit: waits for a save still writing and adopts it, so the journal is emptied when it
    /// can be (had the process just ended, the journal would replay the edits on the next open).
    func finishSaveBeforeQuitting() {
        guard saveInFlight, let background else { return }
        background.waitUntilComputed(seconds: 600)
        saveQueued = false
        for action in background.collect() { send(action) }
    }
}
