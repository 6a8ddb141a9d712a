import Foundation
import Testing
import AcumenAnalytics
import AcumenCore
import AcumenStore
@testable import AcumenUI

/// A real workspace in a temporary folder and the workbench's one ``Runtime`` over it, driven
/// by keys exactly as the executable drives it (no test re-implements dispatch).
final class WorkflowHarness {
    static let t0 = Timestamp(seconds: 1_767_225_600)  // 2026-01-01T00:00:00Z
    let folder: String
    let store: WorkspaceStore
    /// A first store holding the lock, when the harness was asked for a read-only workspace.
    let holder: WorkspaceStore?
    let runtime: Runtime

    /// - Parameter lifetimeValue: open with the lifetime-value fit, as the executable does for a
    ///   small workspace (default: the analysis without it, faster).
    init(customers: Int = 14, width: Int = 80, height: Int = 24, readOnly: Bool = false, lifetimeValue: Bool = false,
         name: String = #function) throws {
        folder = FileManager.default.temporaryDirectory.path + "/acumen-ui-\(getpid())-" + name.filter { $0.isLetter } + "-\(UInt32.random(in: 0...UInt32.max))"
        var w = DemoGenerator(customers: customers, transactionsPerCustomer: 6, seed: 7).generate()
        w.customers[1].name = "株式会社サクラ精機"
        w.customers[2].name = "北京长城贸易有限公司"
        try WorkspaceStore.create(folder, workspace: w).close()
        holder = readOnly ? try WorkspaceStore.open(folder) : nil
        store = try WorkspaceStore.open(folder)
        let ws = store.workspace
        let asOf = ws.asOf(fallback: Self.t0.day)
        let analysis = lifetimeValue ? PortfolioAnalyzer.analyzeWithLifetimeValue(ws, asOf: asOf).analysis : PortfolioAnalyzer.analyze(ws, asOf: asOf)
        runtime = Runtime(store: store, analysis: analysis, author: "ann", clock: { Self.t0 },
                          state: AppState(width: width, height: height, workspaceName: "demo"))
    }

    deinit {
        store.close()
        holder?.close()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The state as the runtime holds it.
    var state: AppState { runtime.state }

    /// Runs an action through the runtime.
    func send(_ action: Action) { runtime.send(action) }

    func press(_ keys: Key...) { for key in keys { send(.key(key)) } }
    func type(_ text: String) { for ch in text { send(.key(.char(ch))) } }

    /// The workspace as recorded.
    var workspace: Workspace { runtime.workspace }
    var journal: String { (try? String(contentsOfFile: folder + "/" + WorkspaceFiles.journal, encoding: .utf8)) ?? "" }
    var journalRecords: Int { journal.split(separator: "\n").count - 1 }

    /// The customer shown on the triage screen.
    var current: Int? { state.triage.queue?.current }

    /// The frame as text, with the grid invariants checked.
    var frame: String {
        let g = runtime.frame
        CellGridTests.checkInvariants(g)
        return g.text
    }

    /// The accounts table rebuilt from scratch from the runtime's workspace and analysis.
    var rebuiltTable: AccountTable { runtime.view.accountTable() }
}
