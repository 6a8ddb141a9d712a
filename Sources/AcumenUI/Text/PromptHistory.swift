/// The texts submitted to each kind of prompt this session, for `Up`/`Down` in the
/// ``LineEditor``: filters recall filters, notes recall notes.
///
/// Each kind keeps at most ``capacity`` entries, oldest first; submitting a text moves it to
/// the newest position instead of repeating it, and empty texts are not kept.
public struct PromptHistory: Hashable, Sendable {
    /// Entries kept per kind.
    public static let capacity = 50
    var entries: [String: [String]] = [:]

    public init() {}

    /// The entries of a kind, oldest first.
    public subscript(kind: String) -> [String] { entries[kind] ?? [] }

    /// Remembers a submitted text.
    public mutating func record(_ text: String, kind: String) {
        guard !text.isEmpty else { return }
        var list = entries[kind] ?? []
        list.removeAll { $0 == text }
        list.append(text)
        if list.count > Self.capacity { list.removeFirst(list.count - Self.capacity) }
        entries[kind] = list
    }
}

extension TextInput.Purpose {
    /// The history a text input shares: one per kind of question, whatever the customer.
    public var historyKind: String {
        switch self {
        case .reason: "reason"
        case .note: "note"
        case .owner: "owner"
        case .tags: "tags"
        case .rating: "rating"
        case .strategyOverride: "strategy"
        case .tierOverride: "tier"
        case .weight: "weight"
        case .scenarioName, .renameScenario: "scenario"
        case .analysisDate: "date"
        }
    }
}

extension Prompt.Kind {
    /// The history a live prompt shares.
    public var historyKind: String {
        switch self {
        case .search: "search"
        case .filter: "filter"
        case .export: "export"
        }
    }
}
