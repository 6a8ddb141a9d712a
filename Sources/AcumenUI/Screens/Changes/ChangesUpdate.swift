import AcumenAnalytics
import AcumenCore

extension AppState {
    /// Opens the changes screen on top of the current one and asks the runtime to compare the
    /// current analysis date with one quarter earlier (same weights).
    mutating func openChanges() -> [Effect] {
        guard let day = currentAsOf else { return [] }
        if screen != .changes { push(.changes) }
        let earlier = day.adding(months: -3)
        changes.cursor = 0
        if changes.earlierDay == earlier, let c = changes.comparison, c.later.asOf == day { return [] }
        changes.earlierDay = earlier
        changes.comparison = nil
        return [.compareEarlier(earlier)]
    }

    /// Keys of the changes screen: `j`/`k` move over the tier cells and the movers; `Enter` on a
    /// cell lists its accounts, on a mover opens its profile (Esc comes back).
    mutating func runChanges(_ c: Command) -> [Effect] {
        let n = changes.itemCount
        guard n > 0 else { return [] }
        switch c {
        case .moveDown: changes.cursor = min(changes.cursor + 1, n - 1)
        case .moveUp: changes.cursor = max(0, changes.cursor - 1)
        case .top: changes.cursor = 0
        case .bottom: changes.cursor = n - 1
        case .open: return openChange()
        default: break
        }
        return []
    }

    /// Drills into the item under the cursor: a cell's accounts on the Accounts screen, or a
    /// mover's profile.
    mutating func openChange() -> [Effect] {
        if let m = changes.mover { return [.intent(.navigate(.profile(m.index)))] }
        guard let (from, to) = changes.cell, let c = changes.comparison else { return [] }
        let rows = c.tiers.cells[from][to].customers.filter { Int($0) < table.count }
        guard !rows.isEmpty else { say("No accounts moved from \(c.tiers.classes[from]) to \(c.tiers.classes[to])"); return [] }
        // No filter and no filter history, so one Esc returns to the changes screen; the rows
        // are the cell's (a re-sort or re-filter on that list starts again from every account).
        say("\(Format.count(rows.count, "account")) \(c.tiers.classes[from]) → \(c.tiers.classes[to]); Esc comes back")
        return [.intent(.navigate(.accounts(filter: "", rows: rows)))]
    }
}
