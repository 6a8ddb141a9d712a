import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI
import Foundation

/// The measured steps for one workspace.
struct BenchSteps {
    let folder: String
    let label: String
    let runs: Int
    let asOf: Day?

    init(folder: String, label: String, runs: Int, asOf: Day?) throws {
        self.folder = folder; self.label = label; self.runs = runs; self.asOf = asOf
    }

    func runAll() throws -> [Measurement] {
        var out: [Measurement] = try firstScreenPhases()
        out += try openSteps()
        // The runtime's steps on a workspace opened afresh, with nothing else of the
        // benchmark's alive (each workbench state on its own, as a user has one), and before the
        // model's steps save their bulk edit (tags on 30 % of the customers) into it.
        out += try runtimeSteps()
        out += try modelSteps()
        return out
    }

    /// The keys through the workbench's runtime on the workspace as it is (see ``whatIfSteps(_:)``).
    func runtimeSteps() throws -> [Measurement] {
        let store = try WorkspaceStore.open(folder)
        defer { store.close() }
        return whatIfSteps(store)
    }

    /// The model's steps on one open workspace (open, analysis, fit, weight changes, dates,
    /// screens, journal, saves, output); everything they hold is gone when they return.
    func modelSteps() throws -> [Measurement] {
        var out: [Measurement] = []
        var store: WorkspaceStore?
        out.append(try measure("open (load files)", size: label, runs: runs) {
            store?.close()
            store = nil  // the last open's workspace goes before the next is read, not after
            store = try WorkspaceStore.open(folder)
        })
        guard let store else { return out }
        defer { store.close() }
        let ws = store.workspace
        let asOf = self.asOf ?? ws.asOf(fallback: (ws.lastTransactionDay ?? Day(ordinal: 0)).adding(days: 1))
        var analysis = PortfolioAnalyzer.analyze(ws, asOf: asOf)
        out.append(measure("full analysis (no CLV)", size: label, runs: runs) {
            analysis = PortfolioAnalyzer.analyze(ws, asOf: asOf)
        })
        out.append(measure("lifetime-value fit (BG/NBD + GG)", size: label, runs: max(1, runs / 2)) {
            _ = PortfolioAnalyzer.fitLifetimeValue(ws, asOf: asOf)
        })
        var weights = ws.settings.weights
        var step = 0
        out.append(measure("weight change: scores + tier cut-offs", size: label, runs: max(runs, 10)) {
            step += 1
            weights[.monetary] = Double(10 + step % 7)
            _ = analysis.rescored(weights: weights, ranking: false)
        })
        out.append(measure("weight change: full re-rank", size: label, runs: max(runs, 10)) {
            step += 1
            weights[.satisfaction] = Double(step % 9)
            _ = analysis.rescored(weights: weights, ranking: true)
        })
        out += timeSteps(ws, analysis: analysis)
        out += BenchScreens(view: WorkspaceView(workspace: ws, analysis: analysis), label: label, runs: runs).runAll()
        let ids = store.workspace.customers.prefix(64).map(\.id)
        var k = 0
        let t0 = Timestamp(seconds: 1_764_234_650)
        out.append(try measure("journal one edit", size: label, runs: max(runs, 20)) {
            let id = ids[k % ids.count]
            k += 1
            try store.record(.setRating(customer: id, criterion: .satisfaction, value: Double(k % 11)), author: "bench", at: t0)
        })
        out.append(try measure("full save", size: label, runs: max(1, runs / 2)) {
            try store.record(.setOwner(customer: ids[0], owner: "bench \(k)"), author: "bench", at: t0)
            k += 1
            try store.save()
        })
        out += try backgroundSaveSteps(store)
        out += try outputSteps(store, analysis)
        return out
    }
}

/// The first screen as the user waits for it (issue 16 item 7): open the workspace (warm: the
/// transaction cache is present), analyse it without the lifetime-value fit (which large
/// workspaces fit in the background after the first frame), start the workbench's runtime with
/// the accounts ranked by score as `acumen open` does, and draw the first 120×40 frame.
extension BenchSteps {
    /// Only what users feel: the first screen, then the keys through the runtime.
    func userSteps() throws -> [Measurement] {
        var out = try firstScreenPhases()
        out += try screenSteps()
        out += try runtimeSteps()
        return out
    }

    /// The screens' steps on a workspace of their own (gone when they return).
    func screenSteps() throws -> [Measurement] {
        let store = try WorkspaceStore.open(folder)
        defer { store.close() }
        let ws = store.workspace
        let asOf = self.asOf ?? ws.asOf(fallback: (ws.lastTransactionDay ?? Day(ordinal: 0)).adding(days: 1))
        let analysis = PortfolioAnalyzer.analyze(ws, asOf: asOf)
        return BenchScreens(view: WorkspaceView(workspace: ws, analysis: analysis), label: label, runs: runs).runAll()
    }

    /// The first screen and its phases. The clock stops at the first frame: tearing the
    /// workspace down again (the benchmark's, not the user's wait) happens after it.
    func firstScreen() throws -> Measurement {
        try firstScreenPhases()[0]
    }

    /// The first screen (first row) and its phases, median of at least three opens (a single
    /// open varies by a tenth of a second with the page cache): open, analysis, runtime set-up (the
    /// review facts, the workflow model and the accounts table), first frame.
    func firstScreenPhases() throws -> [Measurement] {
        var total: [Double] = [], open: [Double] = [], analysed: [Double] = [], setUp: [Double] = [], frame: [Double] = []
        for _ in 0..<max(3, runs) {
            var held: (store: WorkspaceStore, runtime: Runtime)?
            let t = DispatchTime.now()
            let store = try WorkspaceStore.open(folder)
            open.append(elapsedMilliseconds(since: t))
            let ws = store.workspace
            let asOf = self.asOf ?? ws.asOf(fallback: (ws.lastTransactionDay ?? Day(ordinal: 0)).adding(days: 1))
            let analysis = PortfolioAnalyzer.analyze(ws, asOf: asOf)
            analysed.append(elapsedMilliseconds(since: t))
            var state = AppState(width: 120, height: 40, workspaceName: "bench")
            state.accounts.sortColumn = .score
            state.accounts.sortDescending = true
            let runtime = Runtime(store: store, analysis: analysis, author: "bench", clock: { Timestamp(seconds: 1_767_225_600) }, state: state)
            setUp.append(elapsedMilliseconds(since: t))
            var grid = CellGrid(width: 120, height: 40)
            runtime.state.render(into: &grid)
            total.append(elapsedMilliseconds(since: t))
            frame.append(total[total.count - 1] - setUp[setUp.count - 1])
            held = (store, runtime)
            held?.store.close()
            held = nil
        }
        return [Measurement(name: "first screen, warm: open + analysis + accounts + first frame (120x40)", size: label, samples: total),
                Measurement(name: "first screen: open (warm)", size: label, samples: open),
                Measurement(name: "first screen: analysis", size: label, samples: zip(analysed, open).map { $0 - $1 }),
                Measurement(name: "first screen: runtime set-up (review facts, workflow, accounts table)", size: label,
                            samples: zip(setUp, analysed).map { $0 - $1 }),
                Measurement(name: "first screen: first frame", size: label, samples: frame)]
    }
}
