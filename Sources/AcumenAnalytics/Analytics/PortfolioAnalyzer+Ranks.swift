import AcumenCore
/// The ranking batch of ``PortfolioAnalyzer/analyze(_:asOf:clv:)``: every ranked column and ABC,
/// one piece each on all cores, the sorts first.
extension PortfolioAnalyzer {
    /// Ranks of every percentile criterion with a column and of R and M, ABC, and the ranks of
    /// lifetime purchase days (F: a new customer's one purchase must be able to score F1, see
    /// docs/analytics.md §2).
    /// - Parameters:
    ///   - columns: the measured criteria's raw columns; `column(c)` builds any other's.
    static func rankBatch(_ agg: CustomerAggregates, contribution: [Int64], columns: [Criterion: [Double]],
                          column: (Criterion) -> [Double]?, settings s: Settings, ids: IdentifierOrder) -> (ranks: [Criterion: ColumnRanks], abc: ABCAnalysis, lifetime: ColumnRanks) {
        let ranked = Criterion.allCases.filter { c in
            (c == .recency || c == .monetary || CriterionMatrix.setting(c, s).normalisation == .percentile)
                && (columns[c] != nil || c.isRated || c == .monetary || c == .contribution)
        }
        // The longest pieces first (a sort of doubles, then the money sorts), so neither core
        // waits at the end for one that started last.
        func cost(_ c: Criterion) -> Int { c == .trend ? 0 : c == .monetary || c == .contribution ? 1 : 2 }
        let jobs: [Job] = [.abc] + ranked.sorted { cost($0) < cost($1) }.map(Job.criterion) + [.lifetime]
        let abcValues = s.abc.measure == .revenue ? agg.revenue : contribution
        let pieces = Parallel.map(jobs.count) { j -> Ranked in
            switch jobs[j] {
            case .abc: return .abc(ABCAnalysis(values: abcValues, idOrder: ids, settings: s.abc))
            case .lifetime: return .ranks(ColumnRanks(raw: agg.lifetimePurchases.map(Double.init)))
            case .criterion(.monetary): return .ranks(ColumnRanks(minor: agg.revenue))
            case .criterion(.contribution): return .ranks(ColumnRanks(minor: contribution))
            case .criterion(let c):
                return .ranks(ColumnRanks(raw: columns[c] ?? column(c) ?? [Double](repeating: .nan, count: agg.revenue.count)))
            }
        }
        var ranks: [Criterion: ColumnRanks] = [:]
        var abc: ABCAnalysis?
        var lifetime: ColumnRanks?
        for (j, job) in jobs.enumerated() {
            switch (job, pieces[j]) {
            case (.abc, .abc(let a)): abc = a
            case (.lifetime, .ranks(let r)): lifetime = r
            case (.criterion(let c), .ranks(let r)): ranks[c] = r
            default: break
            }
        }
        guard let abc, let lifetime else { preconditionFailure("pieces in order") }
        return (ranks, abc, lifetime)
    }

    /// One piece of the ranking batch.
    private enum Job {
        case abc
        case lifetime
        case criterion(Criterion)
    }

    /// A result of the ranking batch.
    private enum Ranked {
        case ranks(ColumnRanks)
        case abc(ABCAnalysis)
    }
}
