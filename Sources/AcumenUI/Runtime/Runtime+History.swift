import AcumenAnalytics
import AcumenCore
import AcumenStore

extension Runtime {
    /// The eight-quarter ``AccountHistory`` for the analysis date in effect, computed once per
    /// workspace load and per date: nil while it is computed on the background queue (started
    /// on the first call; the profile says "history: computing…"), at once without one (tests).
    func accountHistory() -> AccountHistory? {
        if let h = history, h.day == asOf { return h.value }
        guard historyPending != asOf else { return nil }
        let workspace = session.workspace, day = asOf
        let compute: @Sendable () -> AccountHistory = { AccountHistory(workspace, asOf: day) }
        guard let background else {
            history = (day, compute())
            return history?.value
        }
        historyPending = day
        background.start(compute) { [weak self] value in self?.adoptHistory(value, at: day) ?? [] }
        return nil
    }

    /// Keeps a computed history (unless the date moved meanwhile) and redraws an open profile.
    func adoptHistory(_ value: AccountHistory, at day: Day) -> [Action] {
        if historyPending == day { historyPending = nil }
        guard day == asOf else { return [] }
        history = (day, value)
        guard case .profile(let row) = state.screen else { return [] }
        return profile(row)
    }
}
