import AcumenAnalytics
import AcumenCore
import AcumenStore
import Foundation

/// Work that follows a key off the input path: the what-if's full re-rank, and the accounts
/// table's search keys after the first frame.
///
/// A weight key computes only the new scores, tiers and tier cut-offs (``WhatIf/setWeight(_:_:ranking:)``
/// with `ranking: false`: a weighted sum and a histogram selection, no sort) and the frame is
/// drawn at once; the full ranking — Δrank, the movers, the Δrank column — is a radix sort of a
/// million keys that follows here. While it runs the weights screen says "re-ranking…".
extension Runtime {
    /// Asks for the full ranking of the tried weights of what-if generation `generation`, once
    /// per generation and one computation at a time: a ranking of older weights still running
    /// is cancelled (it stops before its next sorting pass, leaving the cores to the keys) and
    /// this one is asked for when it lands. The ranking sorts the rank keys the key's scoring
    /// already made (``WhatIf/ranking(isCancelled:)``). Without ``background`` (tests, the
    /// benchmark's synchronous runs) it is computed at once, so the frame after the key is the
    /// frame the user ends up with.
    func rankWhatIf(_ w: WhatIf, generation: Int) -> [Action] {
        if rankingRuns, rankingAsked != generation { rankingCancel?.cancel() }
        guard rankingAsked != generation, !rankingRuns else { return [] }
        rankingAsked = generation
        let token = RankingCancel()
        rankingCancel = token
        let compute: @Sendable () -> Scoring? = { w.ranking(isCancelled: { token.isCancelled }) }
        guard let background else { return compute().map { [.workflow(.whatIfRanked($0, generation: generation))] } ?? [] }
        rankingRuns = true
        background.start(compute) { [weak self] scoring in
            guard let self else { return [] }
            self.rankingRuns = false
            guard let scoring else {
                // Cancelled for newer weights: rank those now.
                guard let now = self.state.weights.whatIf, !now.isRanked else { return [] }
                return self.rankWhatIf(now, generation: self.state.weights.generation)
            }
            return [.workflow(.whatIfRanked(scoring, generation: generation))]
        }
        return []
    }

    /// Tables from this many rows have their search keys built in the background (~1 ms per
    /// 10,000 rows; smaller ones build them on the first keystroke within a frame).
    static let warmSearchRows = 20_000

    /// Builds the search keys of the accounts table on the background queue once the table is
    /// on screen, so the first search or filter keystroke finds them built (the table is a value
    /// whose key cache every copy shares). Without ``background`` they are built on first use.
    /// In turn (after the fit and the history): the table on screen when its turn comes, so a
    /// table replaced meanwhile (the fit landed) is not built for nothing.
    func warmSearchIndex() {
        guard let background, !searchWarmQueued, needsSearchWarming else { return }
        searchWarmQueued = true
        background.inTurn { [weak self] in
            guard let self else { return }
            self.searchWarmQueued = false
            guard self.needsSearchWarming else { return }
            self.warmedSearch = self.state.table.searchCacheID
            // With the owner and tag codes and the sort buckets of the number columns that are
            // missing or stale first: a few hundred milliseconds before the search keys' second.
            self.warmTable(on: background) { table, orders in table.warmCodes(); orders.warm(table); table.warmSearchIndex() }
        }
    }

    /// Starts `work` on the table on screen and its sort orders on `background`, with a copy of
    /// the table that does not hold the analysis (``AccountTable/detachedFromAnalysis``).
    func warmTable(on background: BackgroundWork, _ work: @escaping @Sendable (AccountTable, SortOrders) -> Void) {
        let table = state.table.detachedFromAnalysis, orders = state.accounts.sortOrders
        background.start({ work(table, orders); return true }) { _ in [] }
    }

    /// Sorts the columns of the table on screen whose kept sort buckets went stale (a rating
    /// moved scores: the list put the rated rows back in place, ``AccountsState/move(rows:_:)``)
    /// again on the background queue, in turn, so the next sort key finds them kept. Asked for
    /// by the edit (``sortOrdersStale``), begun once the new figures are on screen (``derive()``).
    /// Without ``background`` they are sorted on first use.
    func warmSortOrders() {
        guard sortOrdersStale else { return }
        sortOrdersStale = false
        guard let background, state.table.count >= Self.warmSearchRows else { return }
        background.inTurn { [weak self] in self?.warmTable(on: background) { table, orders in orders.warm(table) } }
    }

    /// Whether the table on screen is large and its search keys are neither built nor building.
    var needsSearchWarming: Bool {
        state.table.count >= Self.warmSearchRows && !state.table.isSearchIndexBuilt && warmedSearch != state.table.searchCacheID
    }

    /// Runs work that would block a key on `work` from now on (the benchmark measures keys as the
    /// workbench runs them; ``run(terminal:background:)`` sets it for the session).
    public func useBackground(_ work: BackgroundWork?) { background = work }

    /// Collects the results of background work that finished, as the main loop does between keys.
    public func collectBackground() {
        guard let background else { return }
        for action in background.collect() { send(action) }
    }
}

/// Tells a running what-if ranking that newer weights made it useless.
final class RankingCancel: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    /// Whether ``cancel()`` was called.
    var isCancelled: Bool {
        lock.lock(); defer { lock.unlock() }
        return cancelled
    }

    /// Asks the ranking to stop before its next pass.
    func cancel() {
        lock.lock(); cancelled = true; lock.unlock()
    }
}
