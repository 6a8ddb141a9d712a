import AcumenCore
import AcumenAnalytics
/// JSON form of `settings.json` (see docs/format.md). Missing members take their defaults.
extension Settings {
    static func decode(_ r: inout FieldReader) -> Settings {
        var s = Settings()
        let d = Settings()
        s.currency = r.string("currency") ?? d.currency
        s.asOf = r.day("asOf")
        s.windowMonths = r.int("windowMonths", range: 1...120) ?? d.windowMonths
        s.defaultMarginRate = r.double("defaultMarginRate", range: 0...1) ?? d.defaultMarginRate
        if let list = r.array("criteria") {
            var out: [CriterionSetting] = []
            for (k, v) in list.enumerated() {
                if let c = decodeObject(v, &r, "criteria[\(k)]", CriterionSetting.decode) {
                    if out.contains(where: { $0.criterion == c.criterion }) {
                        r.problem("criteria[\(k)].criterion", "criterion \"\(c.criterion.rawValue)\" is listed twice")
                    } else { out.append(c) }
                }
            }
            // A criterion left out takes its default setting (weight included), like any missing member.
            for d in CriterionSetting.defaults where !out.contains(where: { $0.criterion == d.criterion }) {
                r.problem("criteria", "criterion \"\(d.criterion.rawValue)\" is not listed: it takes its default weight \(StrategyDecision.text(d.weight, 3))",
                          severity: .warning)
                out.append(d)
            }
            s.criteria = out
        }
        if let list = r.array("scenarios") {
            var names = Set<String>()
            for (k, v) in list.enumerated() {
                if let sc = decodeObject(v, &r, "scenarios[\(k)]", Scenario.decode) {
                    if !names.insert(sc.name).inserted { r.problem("scenarios[\(k)].name", "scenario \"\(sc.name)\" is defined twice") }
                    s.scenarios.append(sc)
                }
            }
        }
        if let t = r.nested("tiers", TierSettings.decode) { s.tiers = t }
        if let a = r.nested("abc", ABCSettings.decode) { s.abc = a }
        if let f = r.nested("rfm", RFMSettings.decode) { s.rfm = f }
        if let st = r.nested("strategy", StrategySettings.decode) { s.strategy = st }
        if let c = r.nested("clv", CLVSettings.decode) { s.clv = c }
        r.markKnown("schemaVersion")
        s.extra = r.unknownFields
        return s
    }

    var json: JSONValue {
        var o = extra
        o["currency"] = .string(currency)
        if let asOf { o["asOf"] = .string(asOf.iso) }
        o["windowMonths"] = .int(windowMonths)
        o["defaultMarginRate"] = .double(defaultMarginRate)
        o["criteria"] = .array(criteria.map(\.json))
        o["scenarios"] = .array(scenarios.map(\.json))
        o["tiers"] = tiers.json
        o["abc"] = abc.json
        o["rfm"] = rfm.json
        o["strategy"] = strategy.json
        o["clv"] = clv.json
        return .object(o)
    }
}

func weightsJSON(_ w: [Criterion: Double]) -> JSONValue {
    .object(Dictionary(uniqueKeysWithValues: w.map { ($0.key.rawValue, JSONValue.double($0.value)) }))
}

func decodeWeights(_ r: inout FieldReader) -> [Criterion: Double] {
    var out: [Criterion: Double] = [:]
    for key in r.object.keys.sorted() {
        guard let c = Criterion(rawValue: key) else { r.problem(key, "unknown criterion"); continue }
        if let w = r.double(key, range: 0...1_000_000) { out[c] = w }
    }
    return out
}

func decodeCriterion(_ r: inout FieldReader, _ key: String) -> Criterion? {
    guard let text = r.string(key, required: true) else { return nil }
    guard let c = Criterion(rawValue: text) else { r.problem(key, "unknown criterion \"\(text)\""); return nil }
    return c
}

func decodeEnum<E: RawRepresentable & CaseIterable>(_ r: inout FieldReader, _ key: String, _ type: E.Type) -> E? where E.RawValue == String {
    guard let text = r.string(key) else { return nil }
    guard let e = E(rawValue: text) else {
        r.problem(key, "\"\(text)\" is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        return nil
    }
    return e
}

extension CriterionSetting {
    static func decode(_ r: inout FieldReader) -> CriterionSetting? {
        guard let c = decodeCriterion(&r, "criterion") else { return nil }
        let w = r.double("weight", range: 0...1_000_000) ?? 0
        let dir = decodeEnum(&r, "direction", Criterion.Direction.self)
        let norm = decodeEnum(&r, "normalisation", Normalisation.self)
        return CriterionSetting(criterion: c, weight: w, direction: dir, normalisation: norm)
    }
    var json: JSONValue {
        .object(["criterion": .string(criterion.rawValue), "weight": .double(weight),
                 "direction": .string(direction.rawValue), "normalisation": .string(normalisation.rawValue)])
    }
}

extension Scenario {
    static func decode(_ r: inout FieldReader) -> Scenario? {
        let name = r.string("name", required: true)
        let w = r.nested("weights", decodeWeights) ?? [:]
        guard let name else { return nil }
        return Scenario(name: name, weights: w)
    }
    var json: JSONValue { .object(["name": .string(name), "weights": weightsJSON(weights)]) }
}

extension TierSettings {
    static func decode(_ r: inout FieldReader) -> TierSettings {
        var t = TierSettings()
        t.mode = decodeEnum(&r, "mode", Mode.self) ?? t.mode
        if let bands = r.array("bands") {
            t.bands = bands.enumerated().compactMap { k, v in
                decodeObject(v, &r, "bands[\(k)]") { b -> Band? in
                    guard let name = b.string("name", required: true) else { return nil }
                    return Band(name: name, share: b.double("share", range: 0...1) ?? 0, minScore: b.double("minScore", range: 0...100) ?? 0)
                }
            }
            if t.bands.isEmpty { r.problem("bands", "at least one tier is needed") }
        }
        return t
    }
    var json: JSONValue {
        .object(["mode": .string(mode.rawValue), "bands": .array(bands.map {
            .object(["name": .string($0.name), "share": .double($0.share), "minScore": .double($0.minScore)])
        })])
    }
}

extension ABCSettings {
    static func decode(_ r: inout FieldReader) -> ABCSettings {
        var a = ABCSettings()
        a.measure = decodeEnum(&r, "measure", Measure.self) ?? a.measure
        a.a = r.double("a", range: 0...1) ?? a.a
        a.b = r.double("b", range: 0...1) ?? a.b
        if a.a > a.b { r.problem("a", "threshold a (\(a.a)) must not exceed b (\(a.b))") }
        return a
    }
    var json: JSONValue { .object(["measure": .string(measure.rawValue), "a": .double(a), "b": .double(b)]) }
}

extension RFMSettings {
    static func decode(_ r: inout FieldReader) -> RFMSettings {
        var s = RFMSettings()
        if let list = r.array("segments") {
            s.segments = list.enumerated().compactMap { k, v in
                decodeObject(v, &r, "segments[\(k)]") { x -> Rule? in
                    let name = x.string("segment", required: true)
                    let r0 = x.int("rMin", required: true, range: 1...5), r1 = x.int("rMax", required: true, range: 1...5)
                    let f0 = x.int("fMin", required: true, range: 1...5), f1 = x.int("fMax", required: true, range: 1...5)
                    guard let name, let r0, let r1, let f0, let f1 else { return nil }
                    guard r0 <= r1, f0 <= f1 else { x.problem("rMin", "ranges must have min ≤ max"); return nil }
                    return Rule(name, r: r0...r1, f: f0...f1)
                }
            }
        }
        return s
    }
    var json: JSONValue {
        .object(["segments": .array(segments.map {
            .object(["segment": .string($0.segment), "rMin": .int($0.recency.lowerBound), "rMax": .int($0.recency.upperBound),
                     "fMin": .int($0.frequency.lowerBound), "fMax": .int($0.frequency.upperBound)])
        })])
    }
}

extension StrategySettings {
    static func decode(_ r: inout FieldReader) -> StrategySettings {
        var s = StrategySettings()
        func criteria(_ r: inout FieldReader, _ key: String) -> [Criterion]? {
            guard r.object[key] != nil else { return nil }
            return r.strings(key).compactMap { t in
                if let c = Criterion(rawValue: t) { return c }
                r.problem(key, "unknown criterion \"\(t)\"")
                return nil
            }
        }
        s.valueCriteria = criteria(&r, "valueCriteria") ?? s.valueCriteria
        s.potentialCriteria = criteria(&r, "potentialCriteria") ?? s.potentialCriteria
        s.valueCut = r.double("valueCut", range: 0...100) ?? s.valueCut
        s.potentialCut = r.double("potentialCut", range: 0...100) ?? s.potentialCut
        s.breakEvenPotentialCut = r.double("breakEvenPotentialCut", range: 0...100) ?? s.breakEvenPotentialCut
        if let actions = r.nested("actions", { sub -> [Strategy: [String]] in
            var out: [Strategy: [String]] = [:]
            for key in sub.object.keys.sorted() {
                guard let st = Strategy(rawValue: key) else { sub.problem(key, "unknown strategy"); continue }
                out[st] = sub.strings(key)
            }
            return out
        }) { s.actions.merge(actions) { _, new in new } }
        return s
    }
    var json: JSONValue {
        .object([
            "valueCriteria": .array(valueCriteria.map { .string($0.rawValue) }),
            "potentialCriteria": .array(potentialCriteria.map { .string($0.rawValue) }),
            "valueCut": .double(valueCut), "potentialCut": .double(potentialCut),
            "breakEvenPotentialCut": .double(breakEvenPotentialCut),
            "actions": .object(Dictionary(uniqueKeysWithValues: actions.map { ($0.key.rawValue, JSONValue.array($0.value.map(JSONValue.string))) })),
        ])
    }
}

extension CLVSettings {
    static func decode(_ r: inout FieldReader) -> CLVSettings {
        var c = CLVSettings()
        c.horizonMonths = r.int("horizonMonths", range: 1...600) ?? c.horizonMonths
        c.annualDiscountRate = r.double("annualDiscountRate", range: 0...10) ?? c.annualDiscountRate
        c.enabled = r.bool("enabled") ?? c.enabled
        return c
    }
    var json: JSONValue {
        .object(["horizonMonths": .int(horizonMonths), "annualDiscountRate": .double(annualDiscountRate), "enabled": .bool(enabled)])
    }
}
