import AcumenAnalytics
import AcumenCore
import AcumenStore

/// A one-line text input and what its text is for.
public struct TextInput: Hashable, Sendable {
    /// What the submitted text does.
    public enum Purpose: Hashable, Sendable {
        /// Triage: the reason for choosing a strategy other than the recommendation.
        case reason(Strategy, customer: Int)
        case note(customers: [Int])
        case owner(customers: [Int])
        case tags(customers: [Int])
        /// `criterion value`, e.g. `risk 4` or `risk ?` (unknown).
        case rating(customer: Int)
        /// `strategy: reason`, or `none`.
        case strategyOverride(customers: [Int])
        /// `tier: reason`, or `none`.
        case tierOverride(customer: Int)
        case weight(Criterion)
        case scenarioName
        /// A new name for the saved scenario with this name.
        case renameScenario(String)
        /// The analysis date, yyyy-MM-dd.
        case analysisDate
    }

    public var purpose: Purpose
    /// The question shown before the text.
    public var label: String
    /// The text and cursor; a pre-filled text starts selected (typing replaces it).
    public var editor: LineEditor
    /// The text typed (setting it replaces the text, cursor at the end).
    public var text: String {
        get { editor.text }
        set { editor.setText(newValue) }
    }

    public init(_ purpose: Purpose, label: String, text: String = "") {
        self.purpose = purpose; self.label = label; self.editor = LineEditor(text)
    }
}

extension TextInput {
    /// The text on one line: control characters dropped, ends trimmed.
    static func oneLine(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace || $0 == " " }.filter { $0.value >= 0x20 && $0.value != 0x7F }
            .map(Character.init)).trimmedSpaces
    }

    /// `risk 4`, `risk 4.5`, `risk ?`, `market potential 7` (name or title) → (criterion, value or
    /// nil for unknown).
    static func parseRating(_ text: String) -> (Criterion, Double?)? {
        let parts = text.split(separator: " ").map(String.init)
        guard parts.count >= 2, let last = parts.last else { return nil }
        let name = parts.dropLast().joined(separator: " ").lowercased()
        guard let c = Criterion.rated.first(where: { $0.rawValue.lowercased() == name || $0.title.lowercased() == name }) else { return nil }
        if last == "?" || last.lowercased() == "unknown" { return (c, nil) }
        guard let v = Double(last), v.isFinite, (0...10).contains(v) else { return nil }
        return (c, v)
    }

    /// `value: reason` → (value, reason); `none` → (nil, "").
    static func parseOverride(_ text: String) -> (String?, String)? {
        if text.lowercased() == "none" { return (nil, "") }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let value = String(text[..<colon]).trimmedSpaces
        let reason = String(text[text.index(after: colon)...]).trimmedSpaces
        return value.isEmpty ? nil : (value, reason)
    }

    /// A strategy by raw value or title (`cut-cost`, `cut cost`, `Grow`).
    static func strategy(named s: String) -> Strategy? {
        let n = s.lowercased()
        return Strategy.allCases.first { $0.rawValue == n || $0.title.lowercased() == n }
    }
}

extension String {
    /// Without leading and trailing spaces.
    var trimmedSpaces: String {
        let scalars = unicodeScalars.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
        return String(String.UnicodeScalarView(scalars))
    }
}
