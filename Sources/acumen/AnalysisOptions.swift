import AcumenAnalytics
import AcumenCore
import AcumenStore
import ArgumentParser

/// The options `report` and `export` share: which workspace, as of when, with which weights.
struct AnalysisOptions: ParsableArguments {
    @Argument(help: "Workspace folder.")
    var directory: String

    @Option(name: .customLong("as-of"), help: "Analysis date yyyy-MM-dd (default: the workspace's asOf, else today, else the day after the latest transaction when today's window would be empty; transactions on or after it are ignored).")
    var asOf: String?

    @Option(help: "Score with a named scenario's weights and compare with the baseline.")
    var scenario: String?

    @Flag(help: "Skip the BG/NBD × Gamma-Gamma lifetime-value fit (predicted CLV and P(alive) stay unknown).")
    var noLifetimeValue = false

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of must be a date yyyy-MM-dd, not \"\(asOf)\"") }
    }

    /// What the options select, analysed.
    struct Loaded {
        var workspace: Workspace
        var asOf: Day
        /// How the date was chosen (``AnalysisDate``).
        var date: AnalysisDate
        var scenario: Scenario?
        var analysis: PortfolioAnalysis
        var lifetimeValue: CLVResult?
    }

    /// Opens the workspace read-only (warnings to stderr), resolves the scenario and analyses it.
    func load() throws -> Loaded {
        let workspace: Workspace
        do {
            let store = try WorkspaceStore.open(directory, options: .readOnlyRefreshingCache)
            for w in store.warnings { printError(w.description) }
            workspace = store.workspace
        } catch { throw fail(error) }
        let date = AnalysisDate.resolve(workspace, requested: asOf.flatMap { Day(iso: $0) }, today: today())
        if let reason = date.reason { printError("acumen: " + reason) }
        let day = date.day
        var chosen: Scenario?
        if let scenario {
            guard let s = workspace.settings.scenarios.first(where: { $0.name == scenario }) else {
                let names = workspace.settings.scenarios.map(\.name)
                throw ValidationError("no scenario \"\(scenario)\" in \(directory)/settings.json"
                                      + (names.isEmpty ? " (it defines none)" : "; known: \(names.joined(separator: ", "))"))
            }
            chosen = s
        }
        let (analysis, clv) = noLifetimeValue ? (PortfolioAnalyzer.analyze(workspace, asOf: day), nil)
            : PortfolioAnalyzer.analyzeWithLifetimeValue(workspace, asOf: day)
        return Loaded(workspace: workspace, asOf: day, date: date, scenario: chosen, analysis: analysis, lifetimeValue: clv)
    }
}
