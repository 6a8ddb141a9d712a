import AcumenAnalytics
import AcumenCore
import AcumenStore

extension AppState {
    /// `b`: shows or hides the Δ columns (accounts) and Δ shares (portfolio) against the
    /// what-if baseline. The Δ values themselves are derived by the runtime from the what-if
    /// (``WorkflowEvent/deltas(score:rank:generation:)``).
    mutating func toggleBaselineDeltas() -> [Effect] {
        guard workflow != nil else { return [] }
        weights.showDeltas.toggle()
        if weights.showDeltas {
            prepareWeights()
            if let at = accounts.columns.firstIndex(of: .score) {
                accounts.columns.insert(contentsOf: [.deltaScore, .deltaRank], at: at + 1)
            } else {
                accounts.columns += [.deltaScore, .deltaRank]
            }
            let w = weights.whatIf
            say("Δ against baseline \(w?.baselineName ?? "default"), trying \(w?.scenarioName ?? (w?.isChanged == true ? "edited weights" : "the baseline itself: all Δ are 0"))")
        } else {
            accounts.columns.removeAll { $0.isBaselineDelta }
            table.deltaScore = []; table.deltaRank = []; table.deltaGeneration = -1
        }
        accounts.column = min(accounts.column, max(0, accounts.columns.count - 1))
        return []
    }

    /// The portfolio's extra line when Δ are shown: tier moves up and down against the baseline,
    /// and each tier's share change when tiers are score bands.
    var baselineShareLine: StyledLine? {
        guard weights.showDeltas, let w = weights.whatIf else { return nil }
        var l = StyledLine("Δ vs \(TextSanitizer.sanitize(w.baselineName)): ", .muted)
        l.add("\(Format.grouped(Int64(w.comparison.movedUp))) \(glyphs.up) \(Format.grouped(Int64(w.comparison.movedDown))) \(glyphs.down)", w.comparison.movedUp + w.comparison.movedDown == 0 ? .muted : .accent)
        // In share mode every tier keeps its share; only score bands move shares.
        guard workflow?.tiersAreScoreBands == true else { return l }
        for s in w.tierShares {
            let d = (s.scenario - s.baseline) * 100
            l.add(" \(TextSanitizer.sanitize(s.tier)) " + (d > 0.05 ? "+" : "") + Format.fixed(d, digits: 1) + "%", abs(d) < 0.05 ? .muted : (d > 0 ? .positive : .negative))
        }
        return l
    }
}
