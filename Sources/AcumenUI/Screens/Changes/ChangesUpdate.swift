import AcumenAnalytics
import AcumenCore

extension AppState {
    /// Opens the changes screen on top of the current one and asks the runtime to compare the
    /// current analysis date with one quarter earlier (same weights).
    mutating func openChanges() -> [Effect] {
        guard currentAsOf != nil else { return [] }
        if screen != .changes { push(.changes) }
        changes.line = 0
        changes.column = 0
        return refreshChanges()
    }

    /// Asks for the comparison of the current date with one quarter earlier unless the one
    /// shown (or asked for) is of this date and of the analysis in effect — a date change, or a
    /// new analysis (an edit, a lifetime-value fit landing), asks again; the cursor stays on
    /// its item when the new comparison arrives.
    mutating func refreshChanges() -> [Effect] {
        guard let day = currentAsOf else { return [] }
        let earlier = day.adding(months: -3), revision = workflow?.analysisRevision
        if changes.earlierDay == earlier, changes.laterRevision == revision {
            if let c = changes.comparison, c.later.asOf == day { return [] }
            if changes.comparison == nil { return [] }  // already asked
        }
        changes.earlierDay = earlier
        changes.laterRevision = revision
        changes.comparison = nil  // the view says it is analysing the earlier date
        return [.compareEarlier(earlier)]
    }

    /// Keys of the changes screen: `j`/`k` move between lines (matrix rows, moves, groups,
    /// decisions, movers), `h`/`l` between the cells of a matrix row, Tab to the next section;
    /// `Enter` lists the accounts of a cell, a group or a decision, or opens a mover's profile.
    mutating func runChanges(_ c: Command) -> [Effect] {
        guard !changes.lines.isEmpty else { return [] }
        switch c {
        case .moveDown: changes.moveLine(by: 1)
        case .moveUp: changes.moveLine(by: -1)
        case .pageDown, .halfPageDown: changes.moveLine(by: max(1, bodyHeight / 2))
        case .pageUp, .halfPageUp: changes.moveLine(by: -max(1, bodyHeight / 2))
        case .columnRight: changes.moveColumn(by: 1)
        case .columnLeft: changes.moveColumn(by: -1)
        case .nextSection: changes.moveSection(forward: true)
        case .previousSection: changes.moveSection(forward: false)
        case .top: changes.line = 0; changes.column = 0
        case .bottom: changes.moveLine(by: changes.lines.count)
        case .open: return openChange()
        default: break
        }
        return []
    }

    /// Drills into the item under the cursor: a mover's profile, or the accounts of a cell, a
    /// group or a decision — by account id, through the root (``Intent/navigate(_:)``).
    mutating func openChange() -> [Effect] {
        guard let item = changes.selected, let c = changes.comparison else { return [] }
        if case .mover(let k) = item {
            // By id too: the profile is the same customer in the table on screen.
            guard k < c.later.customers.count, let row = table.row(id: c.later.customers[k].id, near: k) else { return [] }
            return [.intent(.navigate(.profile(row)))]
        }
        let (title, members) = Self.accounts(of: item, in: c)
        guard !members.isEmpty else { say("No accounts: \(title)"); return [] }
        // By id: the rows they came from in the later date's customer list, used as they are in a
        // table built from that list, else looked up by id.
        return [.intent(.navigate(.accounts(filter: "", scope: AccountScope(title: title, rows: members, of: c.later.customers))))]
    }

    /// The title and the customers (indices, ascending) of an item of the comparison.
    static func accounts(of item: ChangesState.Item, in c: PortfolioComparison) -> (String, [Int32]) {
        func cell(_ m: MigrationMatrix, _ kind: String, _ i: Int, _ j: Int) -> (String, [Int32]) {
            guard i < m.classes.count, j < m.classes.count else { return (kind, []) }
            return ("\(kind) \(m.classes[i]) → \(m.classes[j])", m.cells[i][j].customers)
        }
        let since = c.earlier.asOf.iso
        switch item {
        case .tier(let i, let j): return cell(c.tiers, "tier", i, j)
        case .abc(let i, let j): return cell(c.abc, "ABC", i, j)
        case .segment(let i, let j): return cell(c.segments, "segment", i, j)
        case .newCustomers: return ("new since \(since)", c.newCustomers)
        case .goneQuiet: return ("gone quiet since \(since)", c.goneQuiet)
        case .decision(let s):
            return ("decided \(s.title) before \(since)", c.decisions.first { $0.strategy == s }?.customers ?? [])
        case .mover(let k): return ("mover", [Int32(k)])
        }
    }
}

extension AccountTable {
    /// The row of an account id: `near` when that row has the id (the usual case: rows keep
    /// customer order), else a search.
    /// - Complexity: O(1) when `near` matches; O(rows) otherwise.
    func row(id: String, near: Int) -> Int? {
        if near >= 0, near < ids.count, ids[near] == id { return near }
        return ids.firstIndex(of: id)
    }
}
