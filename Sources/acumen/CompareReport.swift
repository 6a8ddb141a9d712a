import AcumenAnalytics
import AcumenCore

/// `acumen report --compare-as-of DATE`: the portfolio between two dates (a
/// ``PortfolioComparison``) as JSON, a text table, CSV or Markdown.
///
/// The earlier of `--as-of` and `--compare-as-of` is the earlier date. Both are analysed with
/// the same weights (the scenario's when `--scenario` is given, else the workspace's) and, unless
/// `--no-lifetime-value`, each with its own lifetime-value fit on the history before it.
struct CompareReport {
    let comparison: PortfolioComparison
    let currency: String
    /// At most this many movers each way and ids per list (0 = all).
    let limit: Int
    let scenario: String?

    /// Analyses the second date and compares it with the one `loaded` holds.
    static func build(_ loaded: AnalysisOptions.Loaded, other: Day, lifetimeValue: Bool, limit: Int) -> CompareReport {
        let ws = loaded.workspace
        let second = lifetimeValue ? PortfolioAnalyzer.analyzeWithLifetimeValue(ws, asOf: other).analysis
            : PortfolioAnalyzer.analyze(ws, asOf: other)
        let (earlier, later) = other <= loaded.asOf ? (second, loaded.analysis) : (loaded.analysis, second)
        let weights = loaded.scenario?.weights ?? ws.settings.weights
        return CompareReport(comparison: PortfolioComparison(earlier: earlier, later: later, weights: weights),
                             currency: ws.settings.currency, limit: limit, scenario: loaded.scenario?.name)
    }

    /// The customers of a list, cut to ``limit``.
    func limited(_ list: [Int32]) -> ArraySlice<Int32> { limit > 0 ? list.prefix(limit) : list[...] }

    /// Movers each way (``limit``, or all when 0).
    func movers(_ direction: RankMovers.Direction) -> [PortfolioComparison.Mover] {
        comparison.movers(limit: limit > 0 ? limit : comparison.count, direction: direction)
    }

    /// `+12.5%`, or `n/a` when there is no base.
    static func change(_ x: Double?) -> String {
        guard let x else { return "n/a" }
        let p = (x * 1000).rounded() / 10
        return (p > 0 ? "+" : "") + String(p) + "%"
    }

    /// A signed number with one decimal (`+3.2`).
    static func signed(_ x: Double) -> String {
        let v = (x * 10).rounded() / 10
        return (v > 0 ? "+" : "") + String(v == 0 ? 0 : v)
    }

    // MARK: JSON

    /// The whole comparison as JSON (`kind: acumen.comparison`; keys written sorted).
    var json: JSONValue {
        let c = comparison, customers = c.later.customers
        func window(_ a: PortfolioAnalysis) -> JSONValue {
            .object(["asOf": .string(a.asOf.iso), "windowStart": .string(a.window.start.iso), "windowEnd": .string(a.window.lastDay.iso),
                     "description": .string(a.window.description)])
        }
        func matrix(_ m: MigrationMatrix) -> JSONValue {
            .object(["classes": .array(m.classes.map(JSONValue.string)),
                     "counts": .array(m.counts.map { .array($0.map(JSONValue.int)) }),
                     "earlierRevenue": .array(m.cells.map { .array($0.map { .money(Money(minor: $0.earlierRevenue)) }) }),
                     "laterRevenue": .array(m.cells.map { .array($0.map { .money(Money(minor: $0.laterRevenue)) }) }),
                     "rowSums": .array(m.rowSums.map(JSONValue.int)), "columnSums": .array(m.columnSums.map(JSONValue.int)),
                     "movedUp": .int(m.movedUp), "movedDown": .int(m.movedDown), "unchanged": .int(m.unchanged)])
        }
        func mover(_ m: PortfolioComparison.Mover) -> JSONValue {
            .object(["id": .string(customers[m.index].id), "name": .string(customers[m.index].name),
                     "scoreDelta": .double((m.scoreDelta * 1e4).rounded() / 1e4), "rankDelta": .int(m.rankDelta),
                     "earlierRank": .int(Int(c.scores.baseline.ranks[m.index])), "laterRank": .int(Int(c.scores.scenario.ranks[m.index])),
                     "earlierTier": .string(m.earlierTier), "laterTier": .string(m.laterTier)])
        }
        func list(_ l: [Int32]) -> JSONValue {
            .object(["count": .int(l.count), "ids": .array(limited(l).map { .string(customers[Int($0)].id) })])
        }
        func totals(_ t: PortfolioComparison.Totals) -> JSONValue {
            .object(["customers": .int(t.customers), "revenue": .money(Money(minor: t.revenue)),
                     "contribution": .money(Money(minor: t.contribution))])
        }
        let tiers: [JSONValue] = c.tierChanges.map { t in
            .object(["tier": .string(t.tier), "earlier": totals(t.earlier), "later": totals(t.later),
                     "change": totals(t.later.minus(t.earlier))])
        }
        let decisions: [JSONValue] = c.decisions.map { d in
            .object(["strategy": .string(d.strategy.rawValue), "accounts": .int(d.count),
                     "earlierRevenue": .money(Money(minor: d.earlierRevenue)), "laterRevenue": .money(Money(minor: d.laterRevenue)),
                     "earlierContribution": .money(Money(minor: d.earlierContribution)),
                     "laterContribution": .money(Money(minor: d.laterContribution)),
                     "revenueChange": d.revenueChange.map { .double(($0 * 1e6).rounded() / 1e6) } ?? .null,
                     "contributionChange": d.contributionChange.map { .double(($0 * 1e6).rounded() / 1e6) } ?? .null])
        }
        return .object([
            "kind": .string("acumen.comparison"), "schemaVersion": .int(1), "currency": .string(currency),
            "earlier": window(c.earlier), "later": window(c.later), "customerCount": .int(c.count),
            "scenario": scenario.map(JSONValue.string) ?? .null, "sameWeights": .bool(true),
            "weights": .object(Dictionary(uniqueKeysWithValues: c.weights.map { ($0.key.rawValue, JSONValue.double($0.value)) })),
            "migration": .object(["tiers": matrix(c.tiers), "abc": matrix(c.abc), "segments": matrix(c.segments)]),
            "movers": .object(["up": .array(movers(.up).map(mover)), "down": .array(movers(.down).map(mover))]),
            "newCustomers": list(c.newCustomers), "goneQuiet": list(c.goneQuiet),
            "tierChanges": .array(tiers), "decisions": .array(decisions),
        ])
    }
}
