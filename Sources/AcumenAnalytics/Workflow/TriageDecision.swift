import AcumenCore
import Foundation

/// One triage decision about the current account, and the edit that records it.
///
/// Every decision that changes anything is an ``Edit`` (journaled and undoable like any other):
/// - accept: `setReview` (accepted, strategy = recommendation), clearing a strategy override;
/// - choose a strategy equal to the recommendation: the same as accept;
/// - choose a different strategy: `setStrategyOverride` + `setReview` (decided) as one batch,
///   and a one-line reason is required;
/// - skip: `setReview` (skipped) when the account was never reviewed, else nothing;
/// - note: `addNote`.
public enum TriageDecision: Hashable, Sendable {
    case accept
    case choose(Strategy, reason: String)
    case skip
    case note(String)

    /// Why a decision cannot be recorded as given.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// A strategy other than the recommendation needs a reason.
        case reasonRequired(chosen: Strategy, recommended: Strategy)
        case emptyNote
        case unknownCustomer(Int)

        public var description: String {
            switch self {
            case .reasonRequired(let c, let r): "\(c.title) differs from the recommendation (\(r.title)): give a one-line reason"
            case .emptyNote: "the note is empty"
            case .unknownCustomer(let k): "no customer at position \(k)"
            }
        }
    }

    /// Whether the decision moves the queue on to the next account once recorded.
    public var advances: Bool {
        if case .note = self { return false }
        return true
    }

    /// The edit recording this decision about customer `k`, or nil when nothing changes.
    /// - Throws: ``Problem`` when a reason or the note text is missing.
    public func edit(in workspace: Workspace, customer k: Int, facts: some ReviewFacts,
                     author: String, at: Timestamp) throws(Problem) -> Edit? {
        guard workspace.customers.indices.contains(k), k < facts.count else { throw .unknownCustomer(k) }
        let c = workspace.customers[k]
        let recommended = facts.recommendation(k)
        func review(_ status: Review.Status, _ strategy: Strategy?, _ reason: String) -> Edit {
            .setReview(customer: c.id, review: Review(status: status, strategy: strategy, reason: reason, author: author, at: at,
                                                     score: facts.score(k), recommendation: recommended, tier: facts.tierName(k)))
        }
        switch self {
        case .accept:
            return Self.accepting(c, review(.accepted, recommended, ""))
        case .choose(let s, let reason):
            let why = Self.oneLine(reason)
            if s == recommended { return Self.accepting(c, review(.accepted, s, why)) }
            guard !why.isEmpty else { throw .reasonRequired(chosen: s, recommended: recommended) }
            let override = Override(value: s.rawValue, reason: why, author: author, at: at)
            return .batch([.setStrategyOverride(customer: c.id, override: override), review(.decided, s, why)])
        case .skip:
            return c.review == nil ? review(.skipped, nil, "") : nil
        case .note(let text):
            let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !t.isEmpty else { throw .emptyNote }
            return .addNote(customer: c.id, note: Note(text: t, author: author, at: at))
        }
    }

    /// Accepting the recommendation also removes a manual strategy override.
    private static func accepting(_ c: Customer, _ review: Edit) -> Edit {
        guard c.strategyOverride != nil else { return review }
        return .batch([.setStrategyOverride(customer: c.id, override: nil), review])
    }

    /// The text on one line: line breaks and tabs become spaces, ends trimmed.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }).trimmingCharacters(in: .whitespaces)
    }
}
