import Foundation
import Testing
@testable import AcumenAnalytics
@testable import AcumenCore
@testable import AcumenStore

/// Renaming and deleting saved scenarios: journaled edits with inverses, validated with a clear
/// error (unknown scenario, duplicate or invalid name), replayed on open.
@Suite struct WorkflowScenarioEditTests {
    let t0 = WorkflowFixture.t0

    /// A session on a store with two saved scenarios, "value" then "growth".
    static func session(name: String = #function) throws -> EditSession {
        let store = try WorkflowFixture.store(name: name)
        let session = EditSession(store: store, author: "ann")
        try session.perform(.saveScenario(Scenario(name: "value", weights: [.monetary: 30])), at: WorkflowFixture.t0)
        try session.perform(.saveScenario(Scenario(name: "growth", weights: [.marketPotential: 20])), at: WorkflowFixture.t0)
        return session
    }

    @Test func renameKeepsWeightsAndPlaceAndUndoesAndSurvivesReopen() throws {
        let session = try Self.session()
        defer { session.store.close() }
        let step = try session.perform(.renameScenario(from: "value", to: "Value first"), at: t0)
        #expect(step.label == #"scenario "value" renamed "Value first""#)
        #expect(step.inverse == .renameScenario(from: "Value first", to: "value"))
        #expect(session.workspace.settings.scenarios == [Scenario(name: "Value first", weights: [.monetary: 30]),
                                                         Scenario(name: "growth", weights: [.marketPotential: 20])])
        #expect(WorkflowFixture.journal(session.store).contains(#""from":"value""#))
        #expect(session.store.pendingEdits[WorkspaceFiles.settings] == 3)
        try session.undo(at: t0)
        #expect(session.workspace.settings.scenarios.map(\.name) == ["value", "growth"])
        try session.redo(at: t0)
        #expect(session.workspace.settings.scenarios.map(\.name) == ["Value first", "growth"])
        // Replayed from the journal on open, then saved into settings.json.
        let reopened = try WorkspaceStore.open(session.store.folder)
        #expect(reopened.workspace.settings.scenarios == session.workspace.settings.scenarios)
        reopened.close()
        try session.store.save()
        let settings = readText(session.store.folder + "/" + WorkspaceFiles.settings)
        #expect(settings.contains(#""name" : "Value first""#) || settings.contains(#""name": "Value first""#))
    }

    @Test func deleteIsUndoneToTheSameWeights() throws {
        let session = try Self.session()
        defer { session.store.close() }
        let step = try session.perform(.deleteScenario(name: "growth"), at: t0)
        #expect(step.label == #"scenario "growth" deleted"#)
        #expect(session.workspace.settings.scenarios.map(\.name) == ["value"])
        try session.undo(at: t0)
        #expect(session.workspace.settings.scenarios.last == Scenario(name: "growth", weights: [.marketPotential: 20]))
    }

    @Test func badRenamesAreRefusedWithAClearErrorAndChangeNothing() throws {
        let session = try Self.session()
        defer { session.store.close() }
        let journal = WorkflowFixture.journal(session.store)
        let cases: [(Edit, String)] = [
            (.renameScenario(from: "value", to: "growth"), #"a scenario named "growth" already exists"#),
            (.renameScenario(from: "nope", to: "x"), #"no scenario named "nope""#),
            (.renameScenario(from: "value", to: ""), "the name is empty"),
            (.renameScenario(from: "value", to: " padded"), "starts or ends with a space"),
            (.renameScenario(from: "value", to: "a\u{1B}[2Jb"), "control character"),
            (.renameScenario(from: "value", to: "Default"), "reserved"),
            (.renameScenario(from: "value", to: String(repeating: "x", count: 61)), "longer than 60"),
            (.deleteScenario(name: "nope"), #"no scenario named "nope""#),
        ]
        for (edit, message) in cases {
            #expect(throws: WorkspaceError.self) { try session.perform(edit, at: t0) }
            do { try session.workspace.validate(edit); Issue.record("\(edit) validated") } catch {
                #expect(error.description.contains(message), "\(error.description)")
            }
        }
        #expect(session.workspace.settings.scenarios.map(\.name) == ["value", "growth"])
        #expect(WorkflowFixture.journal(session.store) == journal)
        #expect(session.undoStack.count == 2)
    }

    @Test func renameToItsOwnNameIsAllowedAndJSONRoundTrips() throws {
        let session = try Self.session()
        defer { session.store.close() }
        try session.workspace.validate(.renameScenario(from: "value", to: "value"))
        let e = Edit.renameScenario(from: "value", to: "Wert 価値")
        let text = JSONWriter.compact(e.json)
        #expect(text.contains(#""type":"renameScenario""#))
        guard case .object(let o) = try JSONParser.parse(text) else { Issue.record("not an object: \(text)"); return }
        var r = FieldReader(o, file: "journal.jsonl", line: 1)
        #expect(Edit.decode(&r) == e)
    }
}
