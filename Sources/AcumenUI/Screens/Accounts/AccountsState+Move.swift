import AcumenAnalytics

extension AccountsState {
    /// Puts `rows` back in their place in the sort order after an edit changed their values
    /// in the sort column (a rating moved their score, or their tier or strategy), and re-tests
    /// them against the filter: the same order and view as ``rebuild(_:resort:)`` from the order
    /// on screen, without sorting a million rows or re-testing them.
    ///
    /// The order is sorted by the column, equal values in their order before (a stable sort of
    /// it). So the other rows keep their order, and each moved row goes among the other rows of
    /// its new value (found by binary search) after those that were before it; moved rows that
    /// meet in one place go in the order of their value, then of their place before.
    /// - Complexity: one scan of the order for each moved row's place before (one pass for more
    ///   than 8), O(log n) comparisons and one move of the order's tail per moved row, plus O(n)
    ///   when a filter or scope lists a part of the rows; a full rebuild for more than 64 rows,
    ///   without a sort key or while the filter does not parse.
    public mutating func move(rows: [Int], _ table: AccountTable) {
        let n = table.count
        let moving = Array(Set(rows.filter { $0 >= 0 && $0 < n })).sorted()
        guard let column = sortColumn, let keyOf = column.sortKey(table), moving.count <= 64, order.count == n, filterError == nil
        else { return rebuild(table, resort: true) }
        guard !moving.isEmpty else { return }
        let keep = currentRow
        let descending = sortDescending
        // Where a row goes: known values first (ascending, or descending), then the unknown.
        func place(_ r: Int) -> (UInt8, UInt64) {
            column.isUnknown(table, r) ? (1, 0) : (0, descending ? ~keyOf(r) : keyOf(r))
        }
        // Each moved row's place before, then the order without them.
        var before: [Int32: Int] = [:]
        if moving.count <= 8 {
            for r in moving { if let at = order.firstIndex(of: Int32(r)) { before[Int32(r)] = at } }
        } else {
            var isMoving = [Bool](repeating: false, count: n)
            for r in moving { isMoving[r] = true }
            for (at, r) in order.enumerated() where isMoving[Int(r)] { before[r] = at }
        }
        for at in before.values.sorted(by: >) { order.remove(at: at) }
        // Each one's gap among the rows that stay: after the rows of a smaller value and the rows
        // of its value that were before it.
        var gaps: [(gap: Int, place: (UInt8, UInt64), before: Int, row: Int32)] = []
        for (row, at) in before {
            let p = place(Int(row))
            var lo = 0, hi = order.count
            while lo < hi { let mid = (lo + hi) / 2; if place(Int(order[mid])) < p { lo = mid + 1 } else { hi = mid } }
            var end = lo
            hi = order.count
            while end < hi { let mid = (end + hi) / 2; if place(Int(order[mid])) <= p { end = mid + 1 } else { hi = mid } }
            // The rows that stay and were before it: its place before less the moved rows ahead.
            let stayedAhead = at - before.values.filter { $0 < at }.count
            gaps.append((min(max(stayedAhead, lo), end), p, at, row))
        }
        gaps.sort { ($0.gap, $0.place.0, $0.place.1, $0.before) < ($1.gap, $1.place.0, $1.place.1, $1.before) }
        for g in gaps.reversed() { order.insert(g.row, at: g.gap) }
        if filter.isEmpty, scope == nil {
            view = order
        } else {
            var listed = [Bool](repeating: false, count: n)
            for r in view { listed[Int(r)] = true }
            view = order.filter { listed[Int($0)] }
            refilter(rows: moving, table)
        }
        searchHits = nil
        follow(keep)
    }
}
