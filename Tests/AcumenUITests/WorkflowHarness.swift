import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// A real workspace in a temporary folder, its workflow shell and an app state, driven by keys
/// with every effect run as the executable would run it.
final class WorkflowHarness {
    static let t0 = Timestamp(seconds: 1_767_225_600)  // 2026-01-01T00:00:00Z
    let folder: String
    let store: WorkspaceStore
    let shell: WorkflowShell
    var state: AppState

    init(customers: Int = 14, width: Int = 80, height: Int = 24, name: String = #function) throws {
        folder = FileManager.default.temporaryDirectory.path + "/acumen-ui-\(getpid())-" + name.filter { $0.isLetter } + "-\(UInt32.random(in: 0...UInt32.max))"
        var w = DemoGenerator(customers: customers, transactionsPerCustomer: 6, seed: 7).generate()
        w.customers[1].name = "株式会社サクラ精機"
        w.customers[2].name = "北京长城贸易有限公司"
        try WorkspaceStore.create(folder, workspace: w).close()
        store = try WorkspaceStore.open(folder)
        let ws = store.workspace
        let analysis = PortfolioAnalyzer.analyze(ws, asOf: ws.asOf(fallback: Self.t0.day))
        shell = WorkflowShell(session: EditSession(store: store, author: "ann"), analysis: analysis, clock: { Self.t0 }) { w, a in
            WorkspaceView(workspace: w, analysis: a).accountTable()
        }
        state = AppState(width: width, height: height, workspaceName: "demo")
        _ = state.update(.loaded(WorkspaceView(workspace: ws, analysis: analysis).accountTable()))
        _ = state.update(.workflow(.loaded(shell.model)))
    }

    deinit { store.close() }

    /// Runs an action and, in order, every effect it causes (as `AppRunner.dispatch` does).
    func send(_ action: Action) {
        var queue = [action]
        var k = 0
        while k < queue.count {
            for e in state.update(queue[k]) {
                switch e {
                case .workflow(let w): queue += shell.perform(w)
                case .loadProfile(let row):
                    let view = WorkspaceView(workspace: shell.session.workspace, analysis: shell.analysis)
                    if let f = view.profile(row: row) { queue.append(.profileLoaded(f)) }
                default: break
                }
            }
            k += 1
        }
    }

    func press(_ keys: Key...) { for key in keys { send(.key(key)) } }
    func type(_ text: String) { for ch in text { send(.key(.char(ch))) } }

    /// The workspace as recorded.
    var workspace: Workspace { shell.session.workspace }
    var journal: String { (try? String(contentsOfFile: folder + "/" + WorkspaceFiles.journal, encoding: .utf8)) ?? "" }
    var journalRecords: Int { journal.split(separator: "\n").count - 1 }

    /// The customer shown on the triage screen.
    var current: Int? { state.triage.queue?.current }

    /// The frame as text, with the grid invariants checked.
    var frame: String {
        var g = CellGrid(width: state.width, height: state.height)
        state.render(into: &g)
        CellGridTests.checkInvariants(g)
        return g.text
    }
}
