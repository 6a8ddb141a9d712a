import AcumenAnalytics
import AcumenCore

/// A question asked once before an action that is hard to take back — applying weights as
/// the workspace default, overwriting a file — with what it affects counted in the question.
///
/// `y` (or `Enter`) runs ``onYes``; any other key cancels and says so. The overlay is a
/// ``WorkflowOverlay/confirm(_:)``; the shell can ask one too through
/// ``WorkflowEvent/confirm(_:)`` (the export finds the file exists only when it runs).
public struct Confirmation: Hashable, Sendable {
    /// The question, with the count: `Overwrite key.csv with 41 accounts?`.
    public var question: String
    /// What happens and how to take it back, shown under the question.
    public var detail: String
    /// The effects to run on `y`.
    public var onYes: [Effect]

    public init(_ question: String, detail: String = "", onYes: [Effect]) {
        self.question = question; self.detail = detail; self.onYes = onYes
    }

    /// The lines of the overlay.
    var lines: [StyledLine] {
        var out = [StyledLine(" " + TextSanitizer.sanitize(question), .warning)]
        if !detail.isEmpty { out.append(StyledLine(" " + TextSanitizer.sanitize(detail), .overlay)) }
        out.append(StyledLine(""))
        out.append(StyledLine(" y or Enter: yes · any other key: no", .accent))
        return out
    }
}

extension AppState {
    /// The answer to an open confirmation (``KeyContext/confirm``: `y`/`Enter` yes, any other
    /// key no): yes runs it, no cancels and says so.
    mutating func answer(_ c: Confirmation, yes: Bool) -> [Effect] {
        overlay = nil
        if yes { return c.onYes }
        say("Cancelled: nothing changed")
        return []
    }

    /// Asks before applying the weights tried as the workspace default: every account is
    /// re-scored, and the question counts the tier moves. Undoable with `u`.
    mutating func confirmApplyWeights(_ w: WhatIf, count: Int) -> [Effect] {
        let effects = requestEdit(.plain(.setWeights(w.weights), label: "apply weights as default"))
        guard !effects.isEmpty else { return [] }
        let moves = w.comparison.movedUp + w.comparison.movedDown
        let name = w.scenarioName.map { " (" + $0 + ")" } ?? ""
        overlay = .workflow(.confirm(Confirmation(
            "Apply these weights\(name) as the workspace default?",
            detail: "Re-scores all \(Format.count(count, "account")); \(Format.count(moves, "account")) change tier. u undoes it.",
            onYes: effects)))
        return []
    }
}
