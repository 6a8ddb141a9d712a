import AcumenAnalytics
import AcumenCore
import AcumenStore

extension AppState {
    /// Commands of an open workflow overlay (its context in the key map: prompt, question,
    /// save review, conflict, diff); typed text and "any other key" are ``overlayKey(_:)``'s.
    mutating func runWorkflowOverlay(_ c: Command, _ o: WorkflowOverlay) -> [Effect] {
        switch o {
        case .input(var t):
            switch c {
            case .close: overlay = nil
            case .confirm:
                promptHistory.record(TextInput.oneLine(t.text), kind: t.purpose.historyKind)
                return submit(t)
            default:
                if t.editor.perform(c, history: promptHistory[t.purpose.historyKind]) { overlay = .workflow(.input(t)) }
            }
        case .confirm(let q): return answer(q, yes: c == .confirm)
        case .saveReview:
            overlay = nil
            if c == .confirm { return [.workflow(.save(overwriting: []))] }
        case .conflict(let conflict):
            switch c {
            case .keepMine: overlay = nil; return [.workflow(.save(overwriting: conflict.files))]
            case .takeTheirs:
                // Take theirs names what it drops, and asks, before it drops anything.
                overlay = nil
                guard !conflict.drops.isEmpty else { return [.workflow(.takeTheirs(conflict.files))] }
                overlay = .workflow(.confirm(Confirmation(
                    "Take theirs and drop \(Format.count(conflict.drops.count, "unsaved edit"))?",
                    detail: conflict.drops.joined(separator: "; "), onYes: [.workflow(.takeTheirs(conflict.files))])))
            case .showDiff: return [.workflow(.showDiff(conflict.files))]
            case .close: overlay = nil; say("Not saved: the edits stay in the journal")
            default: break
            }
        case .diff(let conflict, let lines, let top):
            let page = max(1, height - 4), last = max(0, lines.count - 1)
            switch c {
            case .close: overlay = .workflow(.conflict(conflict))
            case .moveDown: overlay = .workflow(.diff(conflict, lines: lines, top: min(top + 1, last)))
            case .moveUp: overlay = .workflow(.diff(conflict, lines: lines, top: max(0, top - 1)))
            case .pageDown: overlay = .workflow(.diff(conflict, lines: lines, top: min(top + page, last)))
            case .pageUp: overlay = .workflow(.diff(conflict, lines: lines, top: max(0, top - page)))
            default: break
            }
        }
        return []
    }

    /// Submits a text input: validates it, closes it and asks for the edit. An invalid text
    /// keeps the input open with the problem in the status line.
    mutating func submit(_ t: TextInput) -> [Effect] {
        let text = TextInput.oneLine(t.text)
        func reject(_ why: String) -> [Effect] { say(why, error: true); return [] }
        switch t.purpose {
        case .reason(let s, let k):
            guard !text.isEmpty else { return reject("A reason is required when the decision differs from the recommendation") }
            overlay = nil
            return requestEdit(.triage(.choose(s, reason: text), customer: k))
        case .note(let ks):
            guard !text.isEmpty else { return reject("The note is empty") }
            overlay = nil
            if ks.count == 1, screen == .triage { return requestEdit(.triage(.note(text), customer: ks[0])) }
            return requestEdit(.note(customers: ks, text: text))
        case .owner(let ks):
            overlay = nil
            return requestEdit(.owner(customers: ks, text))
        case .tags(let ks):
            overlay = nil
            let tags = text.split(separator: ",").map { TextInput.oneLine(String($0)) }.filter { !$0.isEmpty }
            return requestEdit(.tags(customers: ks, tags))
        case .rating(let k):
            guard let (criterion, value) = TextInput.parseRating(text) else {
                return reject("Type a rated criterion and 0-10 or ?, e.g. `risk 4` (criteria: \(Criterion.rated.map(\.rawValue).joined(separator: ", ")))")
            }
            overlay = nil
            return requestEdit(.rating(customer: k, criterion, value))
        case .strategyOverride(let ks):
            guard let (value, reason) = TextInput.parseOverride(text) else { return reject("Type `strategy: reason`, e.g. `grow: new plant`, or `none`") }
            if value == nil { overlay = nil; return requestEdit(.strategyOverride(customers: ks, nil, reason: "")) }
            guard let s = value.flatMap(TextInput.strategy(named:)) else { return reject("Strategy is one of grow, maintain, nurture, cut-cost") }
            guard !reason.isEmpty else { return reject("An override needs a reason: `\(s.rawValue): why`") }
            overlay = nil
            return requestEdit(.strategyOverride(customers: ks, s, reason: reason))
        case .tierOverride(let k):
            guard let (value, reason) = TextInput.parseOverride(text) else { return reject("Type `tier: reason`, e.g. `Key: strategic`, or `none`") }
            if value == nil { overlay = nil; return requestEdit(.tierOverride(customers: [k], nil, reason: "")) }
            guard let tier = table.tierNames.first(where: { $0.lowercased() == value?.lowercased() }) else {
                return reject("Tier is one of \(table.tierNames.joined(separator: ", "))")
            }
            guard !reason.isEmpty else { return reject("An override needs a reason: `\(tier): why`") }
            overlay = nil
            return requestEdit(.tierOverride(customers: [k], tier, reason: reason))
        case .weight(let c):
            guard let v = Double(text), v.isFinite, v >= 0, v <= WhatIf.maxWeight else { return reject("Type a weight from 0 to \(Int(WhatIf.maxWeight))") }
            overlay = nil
            let old = weights.whatIf?.weight(c) ?? 0
            changeWhatIf("\(c.title) weight \(Format.fixed(old, digits: 0)) → \(Format.fixed(v, digits: 0))") { $0.setWeight(c, v, ranking: false) }
        case .analysisDate:
            return submitDate(text)
        case .renameScenario(let old):
            return submitRename(from: old, to: text)
        case .scenarioName:
            guard !text.isEmpty, let w = weights.whatIf else { return reject("Type a name for the scenario") }
            if let why = Scenario.nameProblem(text) { return reject("\"\(text)\" cannot name a scenario: \(why)") }
            overlay = nil
            weights.whatIf?.use(w.weights, name: text, ranking: w.isRanked)
            weights.generation += 1
            return requestEdit(.plain(.saveScenario(w.scenario(named: text)), label: "scenario \(text)"))
        }
        return []
    }
}
