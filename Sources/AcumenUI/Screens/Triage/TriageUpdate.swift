import AcumenAnalytics
import AcumenCore
import AcumenStore

extension AppState {
    /// Asks the runtime for a new triage queue from a source, in the chosen order.
    mutating func startTriage(_ source: TriageQueue.Source) -> [Effect] {
        guard workflow != nil else { return [] }
        triage.card = nil
        triage.queue = nil
        triage.counts = nil
        return [.workflow(.buildTriage(source, triage.order))]
    }

    /// The triage progress shown: the cached counts with the queue's current position.
    var triageProgress: TriageProgress? {
        guard let q = triage.queue, var p = triage.counts else { return nil }
        p.position = min(q.position + 1, q.entries.count)
        return p
    }

    /// Keys of the triage screen. Every decision is sent to the runtime as an edit; the queue
    /// moves on only when the edit comes back recorded (see ``edited(_:)``).
    mutating func runTriage(_ c: Command) -> [Effect]? {
        guard let m = workflow else { return [] }
        guard var q = triage.queue else { return startTriage(.needsReview) }
        defer { triage.queue = q }
        switch c {
        case .moveDown: q.advance(); return []
        case .moveUp, .jumpBack: q.back(); return []
        case .top: q.move(toCustomer: q.entries.first ?? -1); return []
        case .triageOrder:
            triage.order = q.order.next
            say("Queue ordered by \(triage.order.rawValue)")
            return [.workflow(.reorderTriage(triage.order))]
        default: break
        }
        guard let k = q.current else {
            if [.accept, .decideGrow, .decideMaintain, .decideNurture, .decideCutCost, .skip, .addNote, .open].contains(c) {
                say("The queue is done: press 3 for a fresh queue of the accounts needing review")
                return []
            }
            return nil
        }
        switch c {
        case .accept: return requestEdit(.triage(.accept, customer: k))
        case .skip: return requestEdit(.triage(.skip, customer: k))
        case .decideGrow, .decideMaintain, .decideNurture, .decideCutCost:
            let s: Strategy = switch c {
            case .decideGrow: .grow
            case .decideMaintain: .maintain
            case .decideNurture: .nurture
            default: .cutCost
            }
            if s == m.facts.recommendation(k) { return requestEdit(.triage(.choose(s, reason: ""), customer: k)) }
            input(.reason(s, customer: k), "\(s.title) instead of \(m.facts.recommendation(k).title) — reason: ")
            return []
        case .addNote:
            input(.note(customers: [k]), "Note: ")
            return []
        case .open: return [.intent(.navigate(.profile(k)))]
        default: return nil
        }
    }
}
