/// Applying edits to a workspace, with their inverses for undo.
extension Workspace {
    /// Why an edit could not be applied.
    public enum EditError: Error, Hashable, Sendable, CustomStringConvertible {
        case unknownCustomer(String)
        case invalidRating(Double)
        case noSuchNote(customer: String, index: Int)
        case noSuchScenario(String)
        /// A rename to a name another scenario has.
        case scenarioExists(String)
        /// A scenario name that cannot be used, and why (``Scenario/nameProblem(_:)``).
        case invalidScenarioName(String, reason: String)

        public var description: String {
            switch self {
            case .unknownCustomer(let id): "no customer with id \"\(id)\""
            case .invalidRating(let v): "rating \(v) is outside 0…10"
            case .noSuchNote(let c, let i): "customer \"\(c)\" has no note #\(i + 1)"
            case .noSuchScenario(let n): "no scenario named \"\(n)\""
            case .scenarioExists(let n): "a scenario named \"\(n)\" already exists"
            case .invalidScenarioName(let n, let why): "\"\(n)\" cannot name a scenario: \(why)"
            }
        }
    }

    /// Checks that an edit would apply, without changing anything or copying the workspace.
    /// A batch is checked edit by edit against the current state.
    public func validate(_ edit: Edit) throws(EditError) {
        switch edit {
        case .batch(let edits):
            for e in edits { try validate(e) }
        case .deleteScenario(let name):
            if !settings.scenarios.contains(where: { $0.name == name }) { throw .noSuchScenario(name) }
        case .renameScenario(let from, let to):
            try checkRename(from: from, to: to)
        case .setRating(let id, _, let value):
            guard index[id] != nil else { throw .unknownCustomer(id) }
            if let value, !(0...10).contains(value) || !value.isFinite { throw .invalidRating(value) }
        case .removeNote(let id, let i):
            guard let k = index[id] else { throw .unknownCustomer(id) }
            if !customers[k].notes.indices.contains(i) { throw .noSuchNote(customer: id, index: i) }
        default:
            if let id = edit.customerID, index[id] == nil { throw .unknownCustomer(id) }
        }
    }

    /// Applies an edit and returns the edit that undoes it. Customer edits also append a line
    /// to the customer's history, stamped with `author` and `at`.
    @discardableResult
    public mutating func apply(_ edit: Edit, author: String, at: Timestamp) throws(EditError) -> Edit {
        switch edit {
        case .batch(let edits):
            var inverses: [Edit] = []
            var applied = self
            for e in edits { inverses.append(try applied.apply(e, author: author, at: at)) }
            self = applied
            return .batch(inverses.reversed())
        case .setWeights(let w):
            let old = settings.weights
            settings.weights = w
            return .setWeights(old)
        case .setAsOf(let day):
            let old = settings.asOf
            settings.asOf = day
            return .setAsOf(old)
        case .saveScenario(let s):
            if let k = settings.scenarios.firstIndex(where: { $0.name == s.name }) {
                let old = settings.scenarios[k]
                settings.scenarios[k] = s
                return .saveScenario(old)
            }
            settings.scenarios.append(s)
            return .deleteScenario(name: s.name)
        case .deleteScenario(let name):
            guard let k = settings.scenarios.firstIndex(where: { $0.name == name }) else { throw .noSuchScenario(name) }
            return .saveScenario(settings.scenarios.remove(at: k))
        case .renameScenario(let from, let to):
            try checkRename(from: from, to: to)
            guard let k = settings.scenarios.firstIndex(where: { $0.name == from }) else { throw .noSuchScenario(from) }
            settings.scenarios[k].name = to
            return .renameScenario(from: to, to: from)
        default:
            return try applyToCustomer(edit, author: author, at: at)
        }
    }

    /// Checks a rename: `from` exists, `to` is a valid name that no other scenario has.
    func checkRename(from: String, to: String) throws(EditError) {
        guard settings.scenarios.contains(where: { $0.name == from }) else { throw .noSuchScenario(from) }
        if let why = Scenario.nameProblem(to) { throw .invalidScenarioName(to, reason: why) }
        if to != from, settings.scenarios.contains(where: { $0.name == to }) { throw .scenarioExists(to) }
    }

    private mutating func applyToCustomer(_ edit: Edit, author: String, at: Timestamp) throws(EditError) -> Edit {
        guard let id = edit.customerID else { return edit }
        guard let k = index[id] else { throw .unknownCustomer(id) }
        var c = customers[k]
        let inverse: Edit
        let summary: String
        switch edit {
        case .setRating(_, let criterion, let value):
            if let value, !(0...10).contains(value) || !value.isFinite { throw .invalidRating(value) }
            let old = c.ratings[criterion]
            c.ratings[criterion] = value
            inverse = .setRating(customer: id, criterion: criterion, value: old)
            summary = "\(criterion.title): \(Self.ratingText(old)) → \(Self.ratingText(value))"
        case .setOwner(_, let owner):
            inverse = .setOwner(customer: id, owner: c.owner)
            summary = "owner: \(c.owner.isEmpty ? "—" : c.owner) → \(owner.isEmpty ? "—" : owner)"
            c.owner = owner
        case .setTags(_, let tags):
            inverse = .setTags(customer: id, tags: c.tags)
            summary = "tags: \(c.tags.joined(separator: ", ")) → \(tags.joined(separator: ", "))"
            c.tags = tags
        case .setCostToServe(_, let amount):
            inverse = .setCostToServe(customer: id, amount: c.costToServe)
            summary = "cost to serve: \(c.costToServe) → \(amount)"
            c.costToServe = amount
        case .addNote(_, let note):
            c.notes.append(note)
            inverse = .removeNote(customer: id, index: c.notes.count - 1)
            summary = "note added"
        case .removeNote(_, let i):
            guard c.notes.indices.contains(i) else { throw .noSuchNote(customer: id, index: i) }
            let note = c.notes.remove(at: i)
            inverse = .addNote(customer: id, note: note)
            summary = "note removed"
        case .setTierOverride(_, let o):
            inverse = .setTierOverride(customer: id, override: c.tierOverride)
            summary = "tier override: \(c.tierOverride?.value ?? "none") → \(o.map { "\($0.value) (\($0.reason))" } ?? "none")"
            c.tierOverride = o
        case .setStrategyOverride(_, let o):
            inverse = .setStrategyOverride(customer: id, override: c.strategyOverride)
            summary = "strategy override: \(c.strategyOverride?.value ?? "none") → \(o.map { "\($0.value) (\($0.reason))" } ?? "none")"
            c.strategyOverride = o
        case .setReview(_, let r):
            inverse = .setReview(customer: id, review: c.review)
            summary = r.map { "review: \($0.status.rawValue)\($0.strategy.map { " \($0.title)" } ?? "")\($0.reason.isEmpty ? "" : " (\($0.reason))")" } ?? "review cleared"
            c.review = r
        default:
            return edit
        }
        c.history.append(HistoryEntry(at: at, author: author, summary: summary))
        customers[k] = c
        return inverse
    }

    static func ratingText(_ v: Double?) -> String {
        guard let v else { return "unknown" }
        return v == v.rounded() ? String(Int(v)) : String(v)
    }
}
