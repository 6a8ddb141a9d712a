/// One customer's value profile as a scrolling list of lines: headline, criteria with bars,
/// facts, monthly revenue chart, recommendation with reasons and actions, notes, overrides and
/// history.
struct ProfileView {
    let state: AppState

    var glyphs: GlyphSet { state.glyphs }

    func draw(_ grid: inout CellGrid, y: Int, height: Int) {
        guard height > 0 else { return }
        guard let p = state.profile else {
            grid.put("Loading the profile…", x: 1, y: y, role: .muted)
            return
        }
        let all = lines(p, width: grid.width)
        let top = min(state.profileTop, max(0, all.count - height))
        for k in 0..<min(height, max(0, all.count - top)) {
            grid.put(all[top + k], x: 0, y: y + k, maxWidth: grid.width)
        }
    }

    /// Every line of the profile for a width.
    func lines(_ p: ProfileFacts, width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        var head = StyledLine(" " + p.name, .title)
        head.add("  " + p.id, .muted)
        out.append(head)
        if !p.headline.isEmpty {
            var l = StyledLine(" ")
            for (k, f) in p.headline.enumerated() {
                if k > 0 { l.add(" · ", .muted) }
                l.add(f.label + " ", .muted)
                l.add(f.value, f.isWarning ? .warning : .accent)
            }
            out.append(l)
        }
        // The recommendation on the first page at any size; reasons and actions follow below.
        if !p.recommendation.isEmpty {
            var r = StyledLine(" Recommended ", .muted)
            r.add(p.recommendation, .accent)
            out.append(r)
        }
        out += timeline(p, width: width)
        out += section("Value profile")
        if p.criteria.isEmpty { out.append(StyledLine("   (no criteria)", .muted)) }
        let titleW = min(24, max(8, width / 4))
        let barW = max(0, width - titleW - 34)
        if !p.criteria.isEmpty {
            out.append(StyledLine("   " + TextLayout.fit("Criterion", width: titleW) + TextLayout.fit("Value", width: 9, alignment: .right)
                + TextLayout.fit("Score", width: 7, alignment: .right) + TextLayout.fit("Weight", width: 7, alignment: .right)
                + TextLayout.fit("Points", width: 7, alignment: .right), .muted))
        }
        for c in p.criteria {
            var l = StyledLine("   " + TextLayout.fit(c.title, width: titleW, ellipsis: glyphs.ellipsis))
            l.add(TextLayout.fit(c.raw, width: 9, alignment: .right, ellipsis: glyphs.ellipsis))
            l.add(TextLayout.fit(Format.score(c.normalised), width: 7, alignment: .right), c.normalised.isNaN ? .muted : .normal)
            l.add(TextLayout.fit(Format.percent(c.weight), width: 7, alignment: .right), .muted)
            l.add(TextLayout.fit(Format.fixed(c.contribution, digits: 1), width: 7, alignment: .right))
            if barW > 2 {
                l.add(" ")
                l.add(Charts.bar(c.normalised.isNaN ? 0 : c.normalised / 100, width: barW - 1, glyphs: glyphs), .bar)
            }
            out.append(l)
        }
        if !p.facts.isEmpty {
            out += section("Figures")
            let labelW = min(22, max(8, width / 3))
            for f in p.facts {
                var l = StyledLine("   " + TextLayout.fit(f.label, width: labelW - 1, ellipsis: glyphs.ellipsis) + " ", .muted)
                l.add(f.value, f.isWarning ? .warning : .normal)
                out.append(l)
            }
        }
        if !p.monthly.isEmpty {
            out += section("Monthly revenue")
            let chartW = max(1, min(width - 4, p.monthly.count * 4))
            for line in Charts.lineChart(p.monthly, width: chartW, height: 4, glyphs: glyphs) {
                out.append(StyledLine([.init("   "), .init(line, .chart)]))
            }
            let gap = max(1, chartW - DisplayWidth.of(p.firstMonth) - DisplayWidth.of(p.lastMonth))
            out.append(StyledLine("   " + p.firstMonth + TextLayout.spaces(gap) + p.lastMonth, .muted))
        }
        out += section("Recommendation")
        out.append(StyledLine([.init("   "), .init(p.recommendation.isEmpty ? "—" : p.recommendation, .accent)]))
        out += bullets("Why", p.reasons, width: width)
        out += bullets("Actions", p.actions, width: width)
        out += section("Notes")
        out += p.notes.isEmpty ? [StyledLine("   (none)", .muted)] : p.notes.flatMap { wrapped($0, width: width) }
        if !p.overrides.isEmpty {
            out += section("Overrides")
            out += p.overrides.flatMap { wrapped($0, width: width) }
        }
        out += section("History")
        out += p.history.isEmpty ? [StyledLine("   (no edits)", .muted)] : p.history.flatMap { wrapped($0, width: width) }
        return out
    }

    /// The quarter timeline packed into as few lines as the width allows, then the decision line.
    func timeline(_ p: ProfileFacts, width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        if let quarters = p.quarters {
            if !quarters.isEmpty {
                var l = StyledLine(" History  ", .muted), used = 10
                for (k, text) in quarters.enumerated() {
                    let q = glyphs == .ascii && text.hasSuffix(WorkspaceView.noStanding) ? text.dropLast(WorkspaceView.noStanding.count) + "-" : text
                    let w = DisplayWidth.of(q)
                    if k > 0, used + 3 + w > width - 1 {
                        out.append(l)
                        l = StyledLine(TextLayout.spaces(10)); used = 10
                    } else if k > 0 {
                        l.add(" · ", .muted); used += 3
                    }
                    l.add(q); used += w
                }
                out.append(l)
            }
        } else {
            out.append(StyledLine(" history: computing" + glyphs.ellipsis, .muted))
        }
        if !p.decision.isEmpty {
            var d = StyledLine(" Decision ", .muted)
            d.add(p.decision)
            out.append(d)
        }
        return out
    }

    func section(_ title: String) -> [StyledLine] { [StyledLine(""), StyledLine(" " + title, .title)] }

    func bullets(_ title: String, _ items: [String], width: Int) -> [StyledLine] {
        guard !items.isEmpty else { return [] }
        return [StyledLine("   " + title + ":", .muted)] + items.flatMap { wrapped("- " + $0, width: width, indent: 5) }
    }

    func wrapped(_ text: String, width: Int, indent: Int = 3) -> [StyledLine] {
        TextLayout.wrap(text, width: max(1, width - indent - 1)).map { StyledLine(TextLayout.spaces(indent) + $0) }
    }
}
