import AcumenCore
/// The stable JSON form of a report (`acumen report --format json`; shape in docs/analytics.md).
extension PortfolioReport {
    /// Schema version of the report JSON; bumped only on incompatible changes.
    public static let schemaVersion = 1

    /// The whole report as a JSON value (keys are written sorted). For output prefer
    /// ``writeJSON(extra:to:)``, which writes the same bytes row by row.
    public var json: JSONValue {
        var o = jsonMembers
        o["customers"] = .array(rows.map(\.json))
        return .object(o)
    }

    /// The top-level members of ``json`` except the rows (`customers`).
    var jsonMembers: [String: JSONValue] {
        let a = analysis
        var o: [String: JSONValue] = [
            "kind": .string("acumen.report"), "schemaVersion": .int(Self.schemaVersion),
            "asOf": .string(a.asOf.iso), "windowStart": .string(a.windowStart.iso), "windowMonths": .int(a.settings.windowMonths),
            "currency": .string(a.settings.currency), "scenario": scenarioName.map(JSONValue.string) ?? .null,
            "clvAvailable": .bool(a.clv != nil), "customerCount": .int(a.count), "summary": summary.json,
            "tierCutoffs": .array(scoring.cutoffs.map(\.json)),
            "weights": .object(Dictionary(uniqueKeysWithValues: scoring.weights.map { ($0.key.rawValue, JSONValue.double($0.value)) })),
            "warnings": .array(a.warnings.map(JSONValue.string)),
        ]
        if let c = comparison {
            o["migration"] = .object([
                "tiers": .array(a.tierNames.map(JSONValue.string)),
                "matrix": .array(c.migration.map { .array($0.map(JSONValue.int)) }),
                "movedUp": .int(c.movedUp), "movedDown": .int(c.movedDown),
            ])
        }
        return o
    }
}

extension PortfolioReport.Row {
    /// One customer as JSON; money as exact decimals, absent values as `null`.
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(id), "name": .string(name), "rank": .int(rank), "score": .double(rounded(score, 4)),
            "tier": .string(tier), "computedTier": .string(computedTier), "tierOverride": .bool(tierOverride),
            "abc": .string(abc), "r": .int(r), "f": .int(f), "m": .int(m), "segment": .string(segment),
            "revenue": .money(revenue), "margin": .money(margin), "costToServe": .money(costToServe),
            "contribution": .money(contribution), "belowBreakEven": .bool(belowBreakEven), "purchases": .int(purchases),
            "recencyDays": recencyDays.map(JSONValue.int) ?? .null, "historicalCLV": .money(historicalCLV),
            "predictedCLV": predictedCLV.map { .double(rounded($0, 2)) } ?? .null,
            "pAlive": pAlive.map { .double(rounded($0, 4)) } ?? .null,
            "expectedPurchases": expectedPurchases.map { .double(rounded($0, 4)) } ?? .null,
            "strategy": .string(strategy.rawValue), "recommendedStrategy": .string(recommendedStrategy.rawValue),
            "strategyOverride": .bool(strategyOverride),
        ]
        if let baselineScore, let baselineRank, let baselineTier {
            o["baselineScore"] = .double(rounded(baselineScore, 4))
            o["baselineRank"] = .int(baselineRank)
            o["baselineTier"] = .string(baselineTier)
            o["scoreDelta"] = .double(rounded(score - baselineScore, 4))
            o["rankDelta"] = .int(baselineRank - rank)
        }
        return .object(o)
    }
}

extension PortfolioSummary {
    /// The summary as JSON.
    public var json: JSONValue {
        .object([
            "customers": .int(customers), "revenue": .money(Money(minor: revenue)), "margin": .money(Money(minor: margin)),
            "contribution": .money(Money(minor: contribution)), "belowBreakEven": .int(belowBreakEven),
            "tiers": .array(tiers.map(\.json)), "abc": .array(abc.map(\.json)), "abcMeasure": .string(abcMeasure.rawValue),
            "top20Share": .double(rounded(top20Share, 6)),
            "strategies": .object(Dictionary(uniqueKeysWithValues: strategies.map { ($0.strategy.rawValue, JSONValue.int($0.customers)) })),
            "segments": .array(segments.map { .object(["segment": .string($0.segment), "customers": .int($0.customers)]) }),
            "tierOverrides": .int(tierOverrides), "strategyOverrides": .int(strategyOverrides),
        ])
    }
}

extension PortfolioSummary.Group {
    /// A group as JSON; shares are fractions 0–1 rounded to 6 decimals.
    public var json: JSONValue {
        .object([
            "name": .string(name), "customers": .int(customers), "revenue": .money(Money(minor: revenue)),
            "contribution": .money(Money(minor: contribution)), "customerShare": .double(rounded(customerShare, 6)),
            "revenueShare": .double(rounded(revenueShare, 6)), "contributionShare": .double(rounded(contributionShare, 6)),
        ])
    }
}

extension TierCutoff {
    /// A cut-off as JSON.
    public var json: JSONValue {
        .object([
            "name": .string(name), "customers": .int(customers),
            "lowestScore": lowestScore.map { .double(rounded($0, 4)) } ?? .null,
            "highestScore": highestScore.map { .double(rounded($0, 4)) } ?? .null,
            "minScore": minScore.map(JSONValue.double) ?? .null,
        ])
    }
}

/// `x` rounded half away from zero to `places` decimals (for stable, readable JSON numbers).
func rounded(_ x: Double, _ places: Int) -> Double {
    var p = 1.0
    for _ in 0..<places { p *= 10 }
    return (x * p).rounded() / p
}
