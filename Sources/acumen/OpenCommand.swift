import Foundation
import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI
import AcumenTerminal
import ArgumentParser

/// `acumen [DIR]`: opens a workspace (the current folder's, else the bundled demo) in the
/// terminal workbench.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open a workspace in the terminal workbench.")

    @Argument(help: "Workspace folder (default: the current folder if it holds a workspace, else the demo).")
    var directory: String?

    @Option(help: "Theme: default, light, high-contrast, mono, or NAME for themes/NAME.json (default: the workspace setting \"theme\", else default).")
    var theme: String?

    @Option(name: .customLong("as-of"), help: "Analysis date yyyy-MM-dd (default: the workspace's asOf, else today, else the day after the latest transaction).")
    var asOf: String?

    @Flag(help: "Draw with ASCII only: no block, braille or box-drawing characters.")
    var ascii = false

    /// From this many customers on, the lifetime-value fit runs after the first frame.
    static let backgroundFitCustomers = 50_000

    func validate() throws {
        if let directory, let problem = WorkspaceArgument.problem(directory) { throw WorkspaceArgument.Problem(description: problem) }
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of must be a date yyyy-MM-dd, not \"\(asOf)\"") }
    }

    func run() throws {
        let folder = try resolveWorkspace(directory)
        guard isatty(0) != 0, isatty(1) != 0 else {
            printError("acumen: open needs a terminal; use `acumen check \(folder)` in scripts")
            throw ExitCode(1)
        }
        // Progress on the terminal until the screen starts: a million customers take a few seconds.
        let started = DispatchTime.now()
        printError("Opening \(folder)…")
        let store: WorkspaceStore
        do { store = try WorkspaceStore.open(folder) } catch { throw fail(error) }
        defer { store.close() }
        for w in store.warnings { printError(w.description) }
        // The workspace and the first analysis live in the runtime only (no copy here keeps
        // old customers' chunks or a replaced analysis alive: issue 16's gigabyte).
        let (date, fitInBackground, themeSetting) = {
            let ws = store.workspace
            let date = AnalysisDate.resolve(ws, requested: self.asOf.flatMap { Day(iso: $0) }, today: today())
            if let reason = date.reason { printError("acumen: " + reason) }
            printError("Analysing \(Format.count(ws.customers.count, "customer")) and \(Format.count(ws.transactions.count, "transaction")) as of \(date.day)…")
            // Small workspaces fit lifetime value before the first frame; large ones show the
            // first frame at once and fit it in the background (the screen says so meanwhile).
            let fitInBackground = ws.settings.clv.enabled && ws.customers.count >= Self.backgroundFitCustomers
            return (date, fitInBackground, ws.settings.extra["theme"]?.stringValue)
        }()
        let env = ProcessInfo.processInfo.environment
        let search = Theme.searchPath(executable: executablePath(), environment: env)
        let name = theme ?? themeSetting ?? "default"
        let (chosen, notice) = ThemeLoader.load(named: name, searchPath: search, read: readThemeFile)
        let monoFile = ThemeLoader.load(named: "mono", searchPath: search, read: readThemeFile)
        let mono = monoFile.notice == nil && !monoFile.theme.usesColor ? monoFile.theme : Theme.mono

        let title = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
        var state = AppState(width: 80, height: 24, workspaceName: title, glyphs: chosen.glyphs(ascii: ascii))
        // Open ranked: the accounts that matter most first (any column re-sorts with [ and ]).
        state.accounts.sortColumn = .score
        state.accounts.sortDescending = true
        // The opening notices: what was printed before the screen started is gone.
        var opening = OpeningNotice(demoFolder: directory == nil && folder != "." ? folder : nil, recovered: store.pendingEdits,
                                    home: ProcessInfo.processInfo.environment["HOME"])
        if let reason = store.readOnlyReason { opening.others.append("Read-only: " + reason) }
        if let torn = store.droppedTornRecord {
            opening.others.append("Dropped a torn last journal record (\(torn.file):\(torn.line), written during a crash and never acknowledged)")
        }
        if let notice { opening.others.append(notice) }
        if let reason = date.reason { opening.others.append(reason + "; ( and ) move it a month, comma and period a quarter, @ types one") }
        let (keys, keysProblem) = KeyRemap.load(environment: env, read: readThemeFile)
        state.keys = keys
        if let keysProblem { opening.others.append(keysProblem) }
        // The one runtime: it owns the workspace and runs every effect.
        let asOf = date.day
        let runtime = Runtime(store: store, analysis: fitInBackground ? PortfolioAnalyzer.analyze(store.workspace, asOf: asOf)
                                : WorkspaceView.analysing(store.workspace, asOf: asOf).analysis,
                              author: currentAuthor(), clock: now, state: state)
        runtime.exporter = exportView
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        if seconds > 1 { printError(String(format: "Opened in %.1f s.", seconds)) }
        let background = BackgroundWork()
        if fitInBackground { opening.others.append("Fitting lifetime value (BG/NBD + Gamma-Gamma) in the background; CLV and P(alive) follow…") }
        // One message each: the status line queues them, so a long one does not hide the next.
        for message in opening.messages { runtime.send(.notice(message, isError: message == notice || message == keysProblem)) }
        if fitInBackground {
            runtime.fitLifetimeValueInBackground(background, notice: "Lifetime value fitted: scores now include predicted CLV and P(alive).")
        }
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty
        TUISession.run(runtime, theme: chosen, mono: mono, noColor: noColor, background: background)
    }
}

/// Writes the accounts a screen lists to a file (crash-safely, 0600) and says how it went.
func exportView(_ request: ExportRequest, analysis: PortfolioAnalysis, workspace: Workspace) -> [Action] {
    // Only an existing regular file is worth the question; anything else (a FIFO, a device,
    // a directory, a link) is refused by ExportWriter at once, with what it is.
    var st = stat()
    if !request.overwrite, lstat(request.path, &st) == 0, st.st_mode & S_IFMT == S_IFREG {
        var again = request
        again.overwrite = true
        return [.workflow(.confirm(Confirmation("\(request.path) exists: overwrite it with " + Format.count(request.rows.count, "account") + "?",
                                                detail: "The old file is replaced; it cannot be restored from Acumen.", onYes: [.export(again)])))]
    }
    // Figures from the analysis, master data (owner, tags, notes) from the workspace as it stands.
    let accounts = ExportedAccount.accounts(analysis, rows: request.rows.map(Int.init)).map { a -> ExportedAccount in
        var a = a
        if a.index < workspace.customers.count { a.customer = workspace.customers[a.index] }
        return a
    }
    let context = ExportContext(asOf: analysis.asOf, currency: workspace.settings.currency, tierOrder: analysis.tierNames)
    let bytes = AccountExporter.render(request.format, accounts, workspace: workspace, context: context)
    do {
        try ExportWriter.writeFile(bytes, format: request.format, to: request.path)
    } catch {
        return [.notice("Export failed: " + error.description, isError: true)]
    }
    return [.notice("Exported " + Format.count(accounts.count, "account") + " to \(request.path) (\(request.format.rawValue))", isError: false)]
}

/// The running binary's path (for finding `themes/` beside it).
func executablePath() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? "acumen"
}

/// A theme file's bytes, or nil if it is absent, not a regular file or over 1 MiB.
func readThemeFile(_ path: String) -> [UInt8]? {
    var st = stat()
    guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size <= 1 << 20 else { return nil }
    return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
}

/// The workspace to open: the argument, the current folder if it holds one, or the demo
/// workspace under `$XDG_DATA_HOME/acumen/demo` (created on first use so edits persist).
func resolveWorkspace(_ argument: String?) throws -> String {
    if let argument { return argument }
    let fm = FileManager.default
    if fm.fileExists(atPath: WorkspaceFiles.customers) { return "." }
    let env = ProcessInfo.processInfo.environment
    let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? ".") + "/.local/share")
    let folder = base + "/acumen/demo"
    if !fm.fileExists(atPath: folder + "/" + WorkspaceFiles.customers) {
        try fm.createDirectory(atPath: base + "/acumen", withIntermediateDirectories: true)
        do throws(WorkspaceError) {
            let store = try WorkspaceStore.create(folder, workspace: DemoGenerator().generate())
            store.close()
        } catch { throw fail(error) }
        printError("Created the demo workspace in \(folder).")
    }
    return folder
}
