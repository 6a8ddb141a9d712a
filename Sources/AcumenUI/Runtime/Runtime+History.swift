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
        let day = asOf
        guard let background else {
            history = (day, AccountHistory(session.workspace, asOf: day))
            return history?.value
        }
        historyPending = day
        // In turn after the work asked before it (the lifetime-value fit first), on the
        // workspace as it stands when its turn comes; a date moved meanwhile asks again.
        background.inTurn { [weak self] in
            guard let self, self.historyPending == day, self.asOf == day else { return }
            let workspace = self.session.workspace
            background.start({ AccountHistory(workspace, asOf: day, betweenDates: BackgroundWork.returnFreedMemory) }) { [weak self] value in self?.adoptHistory(value, at: day) ?? [] }
        }
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

extension Runtime {
    /// Fits lifetime value (BG/NBD + Gamma-Gamma) on the background queue, first in turn, on
    /// the workspace as it stands when the turn comes, and adopts the result
    /// (``adoptLifetimeValue(_:fittedAsOf:notice:)``) unless the date moved meanwhile. Nothing
    /// outside the runtime holds the workspace or the analysis meanwhile, so an edit copies at
    /// most one chunk of customers and the replaced analysis is freed when the new one lands.
    /// - Parameter adopted: called on the main thread once the fit has been adopted (the
    ///   benchmark's memory probe reports there).
    public func fitLifetimeValueInBackground(_ background: BackgroundWork, notice: String, adopted: (() -> Void)? = nil) {
        let day = asOf
        background.inTurn { [weak self] in
            guard let self else { return }
            let workspace = self.session.workspace
            background.start({ CLVInputs(PortfolioAnalyzer.fitLifetimeValue(workspace, asOf: day)) }) { [weak self] clv in
                guard let self else { return [] }
                let actions = self.adoptLifetimeValue(clv, fittedAsOf: day, notice: notice)
                adopted?()
                return actions
            }
        }
    }
}
