import AcumenAnalytics
import AcumenCore
import AcumenStore

/// The triage screen: progress, the current account's compact profile with the
/// recommendation, its reasons and actions, the last review (and why it went stale), recent
/// notes, and the queue around the current account.
struct TriageView {
    let state: AppState

    var glyphs: GlyphSet { state.glyphs }

    func draw(_ grid: inout CellGrid, y: Int, height: Int) {
        guard height > 0 else { return }
        guard state.workflow != nil else {
            grid.put(" Loading the analysis…", x: 0, y: y, role: .muted)
            return
        }
        guard let q = state.triage.queue else {
            grid.put(" Press 3 to build the triage queue", x: 0, y: y, role: .muted)
            return
        }
        let width = grid.width
        var top: [StyledLine] = [progressLine(q, width: width)]
        if q.entries.isEmpty {
            top.append(StyledLine(""))
            top.append(StyledLine(" Nothing to review: every account in this queue has a current decision.", .muted))
            top.append(StyledLine(" T on the accounts list triages the marked (or filtered) rows.", .muted))
        } else if let k = q.current {
            if let c = state.triage.card, c.customer == k { top += card(c, width: width) } else { top.append(StyledLine(" Loading…", .muted)) }
        } else {
            top.append(StyledLine(""))
            top.append(StyledLine(" Done: every account in the queue has been passed. u undoes, p goes back, 3 builds a fresh queue.", .accent))
        }
        let listRows = q.entries.isEmpty ? 0 : min(q.entries.count + 1, max(3, height / 3))
        let cardRows = max(0, height - listRows)
        for (i, l) in top.prefix(cardRows).enumerated() { grid.put(l, x: 0, y: y + i, maxWidth: width) }
        if listRows > 1 { drawQueue(&grid, q, y: y + height - listRows, rows: listRows) }
    }

    /// `Triage 3/12 ▕███   ▏ decided 2 · skipped 1 · stale 0 · Grow 1 · Cut cost 1`.
    func progressLine(_ q: TriageQueue, width: Int) -> StyledLine {
        guard let p = state.triageProgress else { return StyledLine(" Triage", .title) }
        var l = StyledLine(" Triage ", .title)
        l.add(Format.grouped(Int64(p.position)) + "/" + Format.grouped(Int64(p.total)) + " ", .accent)
        let barW = max(0, min(16, width / 8))
        if barW > 0 { l.add(Charts.bar(p.total > 0 ? Double(p.decided) / Double(p.total) : 0, width: barW, glyphs: glyphs), .bar) }
        l.add(" decided \(Format.grouped(Int64(p.decided))) · skipped \(Format.grouped(Int64(p.skipped))) · stale \(Format.grouped(Int64(p.stale)))", .muted)
        for s in Strategy.allCases { if let n = p.byStrategy[s], n > 0 { l.add(" · \(s.title) \(Format.grouped(Int64(n)))", .normal) } }
        return l
    }

    /// The current account: name, figures, recommendation with reasons and actions, last
    /// review, notes.
    func card(_ c: TriageCard, width: Int) -> [StyledLine] {
        var out: [StyledLine] = [StyledLine("")]
        var head = StyledLine(" " + c.name, .title)
        head.add("  " + c.id, .muted)
        head.add("  [" + c.reviewLabel + "]", c.needsReview ? .warning : .positive)
        out.append(head)
        // The recommendation first, then the figures that decide it, then why and what was decided before.
        var r = StyledLine(" Recommended: ", .muted)
        r.add(c.recommended.title, .accent)
        if let o = c.override { r.add("  (now overridden: \(o.title))", .warning) }
        out.append(r)
        let pairs: [(String, String)] = [
            ("Tier", glyphs.tierMarker(c.tierIndex) + " " + c.tier),
            ("Score", Format.score(c.score) + " " + c.rank),
            ("Segment", c.segment.isEmpty ? "—" : c.segment),
            ("Revenue", Format.money(c.revenue)),
            ("Trend", Charts.sparkline(c.monthly, glyphs: glyphs) + " " + c.trend),
            ("Contribution", Format.money(c.contribution) + (c.isBelowBreakEven ? " " + glyphs.belowBreakEven + " below break-even" : " above break-even")),
            ("Predicted CLV", c.predictedCLV),
            ("P(alive)", c.pAlive),
            ("Last purchase", c.lastPurchase),
            ("Owner", c.owner.isEmpty ? "—" : c.owner),
        ]
        out += flowed(pairs, width: width)
        for reason in c.reasons {
            // A hanging indent: continuation lines start under the text, not under the dash.
            let parts = TextLayout.wrap(TextSanitizer.sanitize(reason), width: max(1, width - 6))
            out += parts.enumerated().map { n, l in StyledLine((n == 0 ? "   - " : "     ") + l) }
        }
        if let last = c.lastReview { out += wrapped(last, width: width, indent: 1, role: c.needsReview ? .warning : .muted) }
        if !c.actions.isEmpty {
            out += wrapped("Actions: " + c.actions.joined(separator: "; "), width: width, indent: 3, role: .muted)
        }
        if c.noteCount > 0 {
            out.append(StyledLine(" Notes (\(c.noteCount)):", .muted))
            for n in c.lastNotes { out += wrapped(n, width: width, indent: 3) }
        }
        return out
    }

    /// `Label value · Label value` pairs flowed onto as many lines as the width needs; a pair
    /// is never split across lines.
    func flowed(_ pairs: [(String, String)], width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        var line = StyledLine(" "), used = 1
        for (label, value) in pairs {
            let w = DisplayWidth.of(label) + 1 + DisplayWidth.of(value)
            if used > 1, used + 3 + w > width { out.append(line); line = StyledLine(" "); used = 1 }
            if used > 1 { line.add(" · ", .muted); used += 3 }
            line.add(label + " ", .muted)
            line.add(value, .accent)
            used += w
        }
        if used > 1 { out.append(line) }
        return out
    }

    func wrapped(_ text: String, width: Int, indent: Int, role: StyleRole = .normal) -> [StyledLine] {
        TextLayout.wrap(TextSanitizer.sanitize(text), width: max(1, width - indent - 1)).map { StyledLine(TextLayout.spaces(indent) + $0, role) }
    }

    /// The queue's State cell: the decision taken (`accepted Grow`, or `chose Nurture*`
    /// with `*` marking an override), else the review state (`new`, `skipped`, `stale`).
    func decisionLabel(_ s: AccountTable.TriageState, _ k: Int, _ t: AccountTable) -> String {
        guard k < t.count else { return s.reviewLabel }
        switch s {
        case .accepted: return "accepted " + AccountColumn.strategy.text(t, k, glyphs: glyphs)
        case .decided: return "chose " + AccountColumn.strategy.text(t, k, glyphs: glyphs)
        default: return s.reviewLabel
        }
    }

    /// The queue around the current account: a header line, then rows.
    func drawQueue(_ grid: inout CellGrid, _ q: TriageQueue, y: Int, rows: Int) {
        guard let m = state.workflow else { return }
        let t = state.table
        let width = grid.width
        grid.fillRow(y, role: .header)
        // Fixed columns: " #    ", tier 8, score 6 + 2, recommended 10, a space. The State
        // column holds the decision (`accepted Cut cost`, `chose Maintain*`): up to 18 cells,
        // narrowed (with an ellipsis) only when the name would get fewer than 16.
        let fixed = 33
        let stateW = min(18, max(7, width - fixed - 16))
        let nameW = max(6, width - fixed - stateW)
        grid.put(" #    " + TextLayout.fit("Queue (\(q.order.rawValue))", width: nameW) + TextLayout.fit("Tier", width: 8)
                 + TextLayout.fit("Score", width: 6, alignment: .right) + "  " + TextLayout.fit("Recommended", width: 11) + " State",
                 x: 0, y: y, role: .header)
        let n = rows - 1
        let pos = min(q.position, max(0, q.entries.count - 1))
        let first = min(max(0, pos - n / 2), max(0, q.entries.count - n))
        for i in 0..<min(n, q.entries.count - first) {
            let p = first + i, k = q.entries[p]
            let current = p == q.position
            let role: StyleRole = current ? .selection : .normal
            let yy = y + 1 + i
            if current { grid.fillRow(yy, role: .selection) }
            let tier = m.facts.tierName(k)
            let state: AccountTable.TriageState = k < t.count ? t.triage[k] : .unreviewed
            var x = grid.put((current ? ">" : " ") + TextLayout.fit(String(p + 1), width: 4, alignment: .right) + " ", x: 0, y: yy, role: role)
            // One cell always separates the name from the tier, even when the name is cut.
            x = grid.put(k < t.count ? t.names[k] : "", x: x, y: yy, width: nameW - 1, role: role, ellipsis: glyphs.ellipsis)
            x = grid.put(" ", x: x, y: yy, role: role)
            x = grid.put(TextLayout.fit(tier, width: 8, ellipsis: glyphs.ellipsis), x: x, y: yy, role: role)
            x = grid.put(TextLayout.fit(Format.score(m.facts.score(k)), width: 6, alignment: .right) + "  ", x: x, y: yy, role: role)
            x = grid.put(TextLayout.fit(m.facts.recommendation(k).title, width: 10), x: x, y: yy, role: role)
            grid.put(" " + TextLayout.fit(decisionLabel(state, k, t), width: stateW, ellipsis: glyphs.ellipsis), x: x, y: yy,
                     role: current ? role : (state.needsReview ? .muted : .positive))
        }
    }
}
