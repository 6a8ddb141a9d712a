import AcumenCore
import AcumenAnalytics
/// JSON form of an edit, as stored in journal records: `{"type": "...", ...}`.
extension Edit {
    /// The JSON object for this edit.
    public var json: JSONValue {
        func obj(_ type: String, _ c: String?, _ rest: [String: JSONValue]) -> JSONValue {
            var o = rest
            o["type"] = .string(type)
            if let c { o["customer"] = .string(c) }
            return .object(o)
        }
        switch self {
        case .setRating(let c, let cr, let v):
            return obj("setRating", c, ["criterion": .string(cr.rawValue), "value": v.map(JSONValue.double) ?? .null])
        case .setOwner(let c, let o): return obj("setOwner", c, ["owner": .string(o)])
        case .setTags(let c, let t): return obj("setTags", c, ["tags": .array(t.map(JSONValue.string))])
        case .setCostToServe(let c, let m): return obj("setCostToServe", c, ["amount": .money(m)])
        case .addNote(let c, let n): return obj("addNote", c, ["note": n.json])
        case .removeNote(let c, let i): return obj("removeNote", c, ["index": .int(i)])
        case .setTierOverride(let c, let o): return obj("setTierOverride", c, ["override": o?.json ?? .null])
        case .setStrategyOverride(let c, let o): return obj("setStrategyOverride", c, ["override": o?.json ?? .null])
        case .setReview(let c, let r): return obj("setReview", c, ["review": r?.json ?? .null])
        case .setWeights(let w): return obj("setWeights", nil, ["weights": weightsJSON(w)])
        case .saveScenario(let s): return obj("saveScenario", nil, ["scenario": s.json])
        case .deleteScenario(let n): return obj("deleteScenario", nil, ["name": .string(n)])
        case .renameScenario(let a, let b): return obj("renameScenario", nil, ["from": .string(a), "to": .string(b)])
        case .setAsOf(let d): return obj("setAsOf", nil, ["asOf": d.map { .string($0.iso) } ?? .null])
        case .batch(let edits): return obj("batch", nil, ["edits": .array(edits.map(\.json))])
        }
    }

    /// Decodes an edit, reporting problems through the reader.
    static func decode(_ r: inout FieldReader) -> Edit? {
        guard let type = r.string("type", required: true) else { return nil }
        func customer(_ r: inout FieldReader) -> String? { r.string("customer", required: true) }
        switch type {
        case "setRating":
            guard let c = customer(&r), let cr = decodeCriterion(&r, "criterion") else { return nil }
            return .setRating(customer: c, criterion: cr, value: r.double("value", range: 0...10))
        case "setOwner":
            guard let c = customer(&r), let o = r.string("owner", required: true) else { return nil }
            return .setOwner(customer: c, owner: o)
        case "setTags":
            guard let c = customer(&r) else { return nil }
            return .setTags(customer: c, tags: r.strings("tags"))
        case "setCostToServe":
            guard let c = customer(&r), let m = r.money("amount", required: true) else { return nil }
            return .setCostToServe(customer: c, amount: m)
        case "addNote":
            guard let c = customer(&r), let n = r.nested("note", Note.decode) ?? nil else { return nil }
            return .addNote(customer: c, note: n)
        case "removeNote":
            guard let c = customer(&r), let i = r.int("index", required: true, range: 0...Int(Int32.max)) else { return nil }
            return .removeNote(customer: c, index: i)
        case "setTierOverride":
            guard let c = customer(&r) else { return nil }
            return .setTierOverride(customer: c, override: r.nested("override", Override.decode) ?? nil)
        case "setStrategyOverride":
            guard let c = customer(&r) else { return nil }
            return .setStrategyOverride(customer: c, override: r.nested("override", Override.decode) ?? nil)
        case "setReview":
            guard let c = customer(&r) else { return nil }
            return .setReview(customer: c, review: r.nested("review", Review.decode) ?? nil)
        case "setWeights":
            return .setWeights(r.nested("weights", decodeWeights) ?? [:])
        case "saveScenario":
            guard let s = r.nested("scenario", Scenario.decode) ?? nil else { return nil }
            return .saveScenario(s)
        case "deleteScenario":
            guard let n = r.string("name", required: true) else { return nil }
            return .deleteScenario(name: n)
        case "renameScenario":
            guard let a = r.string("from", required: true), let b = r.string("to", required: true) else { return nil }
            return .renameScenario(from: a, to: b)
        case "setAsOf":
            return .setAsOf(r.day("asOf"))
        case "batch":
            let items = r.array("edits") ?? []
            var out: [Edit] = []
            for (k, v) in items.enumerated() {
                guard let e = decodeObject(v, &r, "edits[\(k)]", Edit.decode) else { return nil }
                out.append(e)
            }
            return .batch(out)
        default:
            r.problem("type", "unknown edit type \"\(type)\"")
            return nil
        }
    }
}
