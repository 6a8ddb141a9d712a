import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI
import Foundation

/// Screen steps: building the first screen's table, rendering each screen into the cell grid,
/// and keypress-to-frame for the common keys, on a real analysed workspace.
struct BenchScreens {
    let view: WorkspaceView
    let label: String
    let runs: Int

    /// Applies keys, answering the shell's effects (profile loads) like the terminal shell does.
    static func press(_ state: inout AppState, _ keys: [Key], view: WorkspaceView) {
        for k in keys {
            for effect in state.update(.key(k)) {
                if case .loadProfile(let row) = effect, let facts = view.profile(row: row) { _ = state.update(.profileLoaded(facts)) }
            }
        }
    }

    /// One frame.
    static func frame(_ state: AppState) -> CellGrid {
        var grid = CellGrid(width: state.width, height: state.height)
        render(state, into: &grid)
        return grid
    }

    /// Opens a prompt with `opening`, then times each keystroke of `text` to its frame: the
    /// first keystroke (over every row) from a fresh prompt each run, and the later ones
    /// (which narrow the previous matches) separately.
    func typing(_ name: String, opening: Character, text: String, on start: AppState) -> [Measurement] {
        let letters = Array(text)
        var first = Measurement(name: name + " (first)", size: label, samples: [])
        for _ in 0..<max(runs, 5) {
            var s = start
            Self.press(&s, [.char(opening)], view: view)
            let t = DispatchTime.now()
            Self.press(&s, [.char(letters[0])], view: view)
            _ = Self.frame(s)
            first.samples.append(elapsedMilliseconds(since: t))
        }
        var later = Measurement(name: name + " (later)", size: label, samples: [])
        for _ in 0..<max(1, runs / 2) {
            var s = start
            Self.press(&s, [.char(opening), .char(letters[0])], view: view)
            for ch in letters.dropFirst() {
                let t = DispatchTime.now()
                Self.press(&s, [.char(ch)], view: view)
                _ = Self.frame(s)
                later.samples.append(elapsedMilliseconds(since: t))
            }
        }
        return [first, later]
    }

    func runAll() -> [Measurement] {
        var out: [Measurement] = []
        var table = AccountTable()
        out.append(measure("build the accounts table (first screen)", size: label, runs: runs) { table = view.accountTable() })
        var state = AppState(width: 120, height: 40, workspaceName: "bench")
        _ = state.update(.loaded(table))
        // The workbench builds the search keys on the background queue after the first frame.
        out.append(measure("search keys (background, after the first frame)", size: label, runs: 1) { state.table.warmSearchIndex() })
        // Then, in the same background job, the owner and tag codes and the number columns' sort buckets.
        out.append(measure("owner/tag codes + sort buckets (background, after the first frame)", size: label, runs: 1) {
            state.table.warmCodes()
            state.accounts.sortOrders.warm(state.table)
        })
        out.append(measure("render frame: accounts", size: label, runs: max(runs, 10)) { _ = Self.frame(state) })
        var profile = state
        Self.press(&profile, [.enter], view: view)
        out.append(measure("render frame: profile", size: label, runs: max(runs, 10)) { _ = Self.frame(profile) })
        var portfolio = state
        Self.press(&portfolio, [.char("2")], view: view)
        out.append(measure("render frame: portfolio", size: label, runs: max(runs, 10)) { _ = Self.frame(portfolio) })
        var help = state
        Self.press(&help, [.char("?")], view: view)
        out.append(measure("render frame: help", size: label, runs: max(runs, 10)) { _ = Self.frame(help) })
        var s = state
        out.append(measure("key to frame: move down (j)", size: label, runs: 50) {
            Self.press(&s, [.char("j")], view: view)
            _ = Self.frame(s)
        })
        out.append(measure("key to frame: open profile (Enter)", size: label, runs: max(runs, 10)) {
            var p = s
            Self.press(&p, [.enter], view: view)
            _ = Self.frame(p)
        })
        out += sortSteps(state)
        out += typing("key to frame: filter keystroke", opening: "f", text: "logistics", on: state)
        out += typing("key to frame: search keystroke", opening: "/", text: "nordwind", on: state)
        out.append(changesDrill(state))
        return out
    }

    /// Enter on the largest tier cell of the Changes screen (this date against three months
    /// earlier, no lifetime-value fit) to the accounts list's frame: the cell's accounts by id,
    /// resolved in the table and listed.
    func changesDrill(_ start: AppState) -> Measurement {
        let earlier = PortfolioAnalyzer.analyze(view.workspace, asOf: view.asOf.adding(months: -3))
        let comparison = PortfolioComparison(earlier: earlier, later: view.analysis)
        var state = start
        state.workflow = WorkflowModel(analysis: view.analysis, settings: view.workspace.settings)
        state.stack = [.changes]
        state.changes.earlierDay = comparison.earlier.asOf
        _ = state.update(.changesLoaded(comparison))
        let cells = comparison.tiers.cells
        let n = cells.count
        let largest = (0..<(n * n)).max { cells[$0 / n][$0 % n].count < cells[$1 / n][$1 % n].count } ?? 0
        state.changes.line = largest / max(1, n)
        state.changes.column = largest % max(1, n)
        let count = cells.isEmpty ? 0 : cells[largest / n][largest % n].count
        return measure("key to frame: Changes Enter on the largest tier cell (\(count) accounts by id)", size: label, runs: max(runs, 10)) {
            var s = state
            Self.press(&s, [.enter], view: view)
            _ = Self.frame(s)
        }
    }

    /// `]` on the next column, each default column in turn (wrapping), timed to the frame. With
    /// `ACUMEN_BENCH_SORT_COLUMNS` set, each sample is printed with its column (to stderr).
    func sortSteps(_ start: AppState) -> [Measurement] {
        var sorted = start
        var all = Measurement(name: "key to frame: sort by next column (])", size: label, samples: [])
        var columns: [String] = []
        for _ in 0..<max(runs, 10) {
            let t = DispatchTime.now()
            Self.press(&sorted, [.char("l"), .char("]")], view: view)
            _ = Self.frame(sorted)
            all.samples.append(elapsedMilliseconds(since: t))
            columns.append(sorted.accounts.sortColumn?.title ?? "-")
        }
        if ProcessInfo.processInfo.environment["ACUMEN_BENCH_SORT_COLUMNS"] != nil {
            for (c, ms) in zip(columns, all.samples) { FileHandle.standardError.write(Data(String(format: "sort %@: %.2f ms\n", c, ms).utf8)) }
        }
        return [all]
    }
}
