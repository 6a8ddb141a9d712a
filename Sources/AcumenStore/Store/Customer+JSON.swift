import AcumenCore
import AcumenAnalytics
/// JSON form of a customer record: one line of `customers.jsonl` (see docs/format.md).
extension Customer {
    /// Decodes a customer, reporting every problem through `reader`.
    static func decode(_ r: inout FieldReader) -> Customer? {
        let id = r.string("id", required: true)
        let name = r.string("name", required: true)
        var c = Customer(id: id ?? "", name: name ?? "")
        c.industry = r.string("industry") ?? ""
        c.region = r.string("region") ?? ""
        c.owner = r.string("owner") ?? ""
        c.tags = r.strings("tags")
        if let ratings = r.nested("ratings", { sub -> Ratings in
            var out = Ratings()
            for key in sub.object.keys.sorted() {
                guard let criterion = Criterion(rawValue: key), criterion.isRated else {
                    sub.problem(key, "unknown rated criterion (known: \(Criterion.rated.map(\.rawValue).joined(separator: ", ")))")
                    continue
                }
                if let v = sub.double(key, range: 0...10) { out[criterion] = v }
            }
            return out
        }) { c.ratings = ratings }
        c.costToServe = r.money("costToServe") ?? .zero
        if let notes = r.array("notes") {
            for (k, n) in notes.enumerated() {
                if let note = decodeObject(n, &r, "notes[\(k)]", Note.decode) { c.notes.append(note) }
            }
        }
        if let o = r.nested("tierOverride", Override.decode) { c.tierOverride = o }
        if let o = r.nested("strategyOverride", Override.decode) { c.strategyOverride = o }
        if let v = r.nested("review", Review.decode) { c.review = v }
        if let history = r.array("history") {
            for (k, h) in history.enumerated() {
                if let e = decodeObject(h, &r, "history[\(k)]", HistoryEntry.decode) { c.history.append(e) }
            }
        }
        c.extra = r.unknownFields
        guard id != nil, name != nil else { return nil }
        if let id, id.isEmpty { r.problem("id", "must not be empty") }
        if let id, let why = CustomerIDRule.problem(id) { r.problem("id", why) }
        return c
    }

    /// The JSON object written for this customer; empty optional fields are omitted.
    var json: JSONValue {
        var o = extra
        o["id"] = .string(id)
        o["name"] = .string(name)
        if !industry.isEmpty { o["industry"] = .string(industry) }
        if !region.isEmpty { o["region"] = .string(region) }
        if !owner.isEmpty { o["owner"] = .string(owner) }
        if !tags.isEmpty { o["tags"] = .array(tags.map(JSONValue.string)) }
        if !ratings.isEmpty {
            o["ratings"] = .object(Dictionary(uniqueKeysWithValues: ratings.map { ($0.key.rawValue, JSONValue.double($0.value)) }))
        }
        if costToServe != .zero { o["costToServe"] = .money(costToServe) }
        if !notes.isEmpty { o["notes"] = .array(notes.map(\.json)) }
        if let tierOverride { o["tierOverride"] = tierOverride.json }
        if let strategyOverride { o["strategyOverride"] = strategyOverride.json }
        if let review { o["review"] = review.json }
        if !history.isEmpty { o["history"] = .array(history.map(\.json)) }
        return .object(o)
    }
}

/// Decodes an array element that must be an object, with a nested reader for its fields.
func decodeObject<T>(_ v: JSONValue, _ r: inout FieldReader, _ path: String, _ decode: (inout FieldReader) -> T?) -> T? {
    guard let o = v.objectValue else {
        r.problem(path, "expected an object, found \(v.typeName)")
        return nil
    }
    var sub = FieldReader(o, file: r.file, line: r.line, path: r.path + path + ".")
    let out = decode(&sub)
    r.problems += sub.problems
    return out
}

extension Note {
    static func decode(_ r: inout FieldReader) -> Note? {
        let text = r.string("text", required: true)
        let author = r.string("author") ?? ""
        let at = r.timestamp("at", required: true)
        guard let text, let at else { return nil }
        return Note(text: text, author: author, at: at)
    }
    var json: JSONValue { .object(["text": .string(text), "author": .string(author), "at": .string(at.iso)]) }
}

extension Override {
    static func decode(_ r: inout FieldReader) -> Override? {
        let value = r.string("value", required: true)
        let reason = r.string("reason") ?? ""
        let author = r.string("author") ?? ""
        let at = r.timestamp("at", required: true)
        guard let value, let at else { return nil }
        return Override(value: value, reason: reason, author: author, at: at)
    }
    var json: JSONValue {
        .object(["value": .string(value), "reason": .string(reason), "author": .string(author), "at": .string(at.iso)])
    }
}

extension Review {
    static func decode(_ r: inout FieldReader) -> Review? {
        let statusText = r.string("status", required: true)
        let status = statusText.flatMap(Review.Status.init(rawValue:))
        if let statusText, status == nil { r.problem("status", "unknown review status \"\(statusText)\"") }
        let strategy = r.string("strategy").flatMap { text -> Strategy? in
            if let s = Strategy(rawValue: text) { return s }
            r.problem("strategy", "unknown strategy \"\(text)\"")
            return nil
        }
        let reason = r.string("reason") ?? ""
        let author = r.string("author") ?? ""
        let at = r.timestamp("at", required: true)
        let score = r.double("score") ?? 0
        let recText = r.string("recommendation", required: true)
        let rec = recText.flatMap(Strategy.init(rawValue:))
        if let recText, rec == nil { r.problem("recommendation", "unknown strategy \"\(recText)\"") }
        let tier = r.string("tier") ?? ""
        guard let status, let at, let rec else { return nil }
        return Review(status: status, strategy: strategy, reason: reason, author: author, at: at,
                      score: score, recommendation: rec, tier: tier)
    }
    var json: JSONValue {
        var o: [String: JSONValue] = [
            "status": .string(status.rawValue), "author": .string(author), "at": .string(at.iso),
            "score": .double((score * 100).rounded() / 100), "recommendation": .string(recommendation.rawValue),
            "tier": .string(tier),
        ]
        if let strategy { o["strategy"] = .string(strategy.rawValue) }
        if !reason.isEmpty { o["reason"] = .string(reason) }
        return .object(o)
    }
}

extension HistoryEntry {
    static func decode(_ r: inout FieldReader) -> HistoryEntry? {
        let at = r.timestamp("at", required: true)
        let author = r.string("author") ?? ""
        let summary = r.string("summary", required: true)
        guard let at, let summary else { return nil }
        return HistoryEntry(at: at, author: author, summary: summary)
    }
    var json: JSONValue { .object(["at": .string(at.iso), "author": .string(author), "summary": .string(summary)]) }
}
