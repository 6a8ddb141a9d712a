import AcumenCore
/// Short human descriptions of edits, for undo labels and the review-before-save summary.
extension Edit {
    /// One line saying what the edit does, e.g. `C0042 owner → Zoë`, `weights (17 criteria)`.
    public var label: String {
        switch self {
        case .setRating(let c, let criterion, let v):
            return "\(c) \(criterion.title) → \(v.map(Self.number) ?? "unknown")"
        case .setOwner(let c, let owner): return "\(c) owner → \(owner.isEmpty ? "—" : owner)"
        case .setTags(let c, let tags): return "\(c) tags → \(tags.isEmpty ? "—" : tags.joined(separator: ", "))"
        case .setCostToServe(let c, let m): return "\(c) cost to serve → \(m.decimalText)"
        case .addNote(let c, let n): return "\(c) note: \(Self.clipped(n.text))"
        case .removeNote(let c, let i): return "\(c) note #\(i + 1) removed"
        case .setTierOverride(let c, let o): return "\(c) tier override → \(o.map { "\($0.value) (\(Self.clipped($0.reason)))" } ?? "none")"
        case .setStrategyOverride(let c, let o):
            return "\(c) strategy override → \(o.map { "\(Strategy(rawValue: $0.value)?.title ?? $0.value) (\(Self.clipped($0.reason)))" } ?? "none")"
        case .setReview(let c, let r):
            guard let r else { return "\(c) review cleared" }
            let what = switch r.status {
            case .accepted: "accepted \(r.strategy?.title ?? "")"
            case .decided: "decided \(r.strategy?.title ?? "")"
            case .skipped: "skipped"
            }
            return "\(c) review: \(what)"
        case .setWeights(let w): return "default weights (\(w.values.filter { $0 > 0 }.count) criteria weighted)"
        case .saveScenario(let s): return "scenario \"\(s.name)\" saved"
        case .deleteScenario(let name): return "scenario \"\(name)\" deleted"
        case .renameScenario(let a, let b): return "scenario \"\(a)\" renamed \"\(b)\""
        case .setAsOf(let d): return d.map { "workspace analysis date \($0.iso)" } ?? "workspace analysis date cleared"
        case .batch(let edits):
            if edits.count == 1, let e = edits.first { return e.label }
            let reviews = edits.filter { if case .setReview = $0 { true } else { false } }
            if let r = reviews.first, reviews.count == 1 { return r.label }
            let ids = Set(edits.flatMap(\.customerIDs))
            return "\(edits.count) edits" + (ids.isEmpty ? "" : " on \(ids.count) customer\(ids.count == 1 ? "" : "s")")
        }
    }

    /// Every customer the edit touches (a batch's in order, without repeats).
    public var customerIDs: [String] {
        if let id = customerID { return [id] }
        guard case .batch(let edits) = self else { return [] }
        var seen = Set<String>(), out: [String] = []
        for id in edits.flatMap(\.customerIDs) where seen.insert(id).inserted { out.append(id) }
        return out
    }

    /// Every file the edit changes (a batch may touch several).
    public var files: Set<String> {
        guard case .batch(let edits) = self else { return [file] }
        return edits.reduce(into: Set<String>()) { $0.formUnion($1.files) }
    }

    static func number(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v) }

    static func clipped(_ text: String, _ limit: Int = 40) -> String {
        let one = String(text.map { $0.isNewline ? " " : $0 })
        return one.count <= limit ? one : String(one.prefix(limit - 1)) + "…"
    }
}
