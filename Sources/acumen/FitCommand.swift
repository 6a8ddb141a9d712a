import Foundation
import AcumenAnalytics
import AcumenCore
import AcumenStore
import ArgumentParser

/// `acumen fit DIR --calibration-end DATE`: fits BG/NBD and Gamma-Gamma and prints the
/// parameters, log-likelihoods, diagnostics and (with `--holdout-end`) the holdout comparison.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit", abstract: "Fit the lifetime-value models (BG/NBD, Gamma-Gamma) and validate on a holdout.",
        discussion: "Money is in currency units per customer; times are in the chosen unit. With --cdnow, reads a CDNOW-format purchase file (id yyyymmdd quantity amount, or the five-column sample layout master-id sample-id yyyymmdd quantity amount; whitespace separated) instead of a workspace.")

    @Argument(help: "Workspace folder (omit with --cdnow).")
    var directory: String?

    @Option(help: "Calibration end (yyyy-MM-dd): the fit uses purchases up to and including this day.")
    var calibrationEnd: String

    @Option(help: "Time unit of the fit: days or weeks.")
    var unit: String = "weeks"

    @Option(help: "Holdout end (yyyy-MM-dd): compare predicted and actual repeat purchases after the calibration end.")
    var holdoutEnd: String?

    @Option(help: "Output format: table or json.")
    var format: String = "table"

    @Option(help: "Read a CDNOW-format purchase file instead of a workspace.")
    var cdnow: String?

    @Option(help: "With --cdnow: keep only the customer ids listed in this file (whitespace separated; # comments).")
    var sampleIds: String?

    func run() throws {
        guard let end = Day(iso: calibrationEnd) else { throw ValidationError("--calibration-end must be yyyy-MM-dd") }
        guard let timeUnit = CLVTimeUnit(rawValue: unit) else { throw ValidationError("--unit must be days or weeks") }
        guard format == "table" || format == "json" else { throw ValidationError("--format must be table or json") }
        var holdout: Day?
        if let h = holdoutEnd {
            guard let d = Day(iso: h) else { throw ValidationError("--holdout-end must be yyyy-MM-dd") }
            guard d > end else { throw ValidationError("--holdout-end must be after --calibration-end") }
            holdout = d
        }
        let workspace = try loadWorkspace()
        var options = CLVOptions()
        options.unit = timeUnit
        let started = DispatchTime.now().uptimeNanoseconds
        let result = CLVAnalysis.fit(workspace: workspace, asOf: end, options: options)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        var report: CLVHoldoutReport?
        if let h = holdout, let fit = result.bgnbd {
            let summary = CLVSummary(transactions: workspace.transactions, customerCount: workspace.customers.count,
                                     calibrationEnd: end, unit: timeUnit)
            let cohort = summary.cohort
            let actual = summary.holdoutPurchases(transactions: workspace.transactions, holdoutEnd: h)
            report = CLVHoldoutReport(parameters: fit.parameters, x: cohort.map { summary.x[$0] }, tx: cohort.map { summary.tx[$0] },
                                      T: cohort.map { summary.T[$0] }, actual: cohort.map { actual[$0] },
                                      calibrationEnd: end, holdoutEnd: h)
        }
        if format == "json" {
            var o = result.json.objectValue ?? [:]
            o["fitSeconds"] = .double(seconds)
            o["transactions"] = .int(workspace.transactions.count)
            if let report { o["holdout"] = report.json }
            writeStandardOutput(JSONWriter.pretty(.object(o)) + "\n", sanitize: false)
        } else {
            printLine(FitTable.render(result: result, holdout: report, seconds: seconds))
        }
    }

    /// The workspace to fit: the folder's, or one built from a CDNOW file.
    func loadWorkspace() throws -> Workspace {
        if let file = cdnow {
            do { return try CDNOWReader.read(path: file, sampleIdsPath: sampleIds) } catch let e as CDNOWReader.Failure {
                printError("acumen: " + e.message)
                throw ExitCode(1)
            }
        }
        guard let directory else { throw ValidationError("give a workspace folder or --cdnow FILE") }
        do {
            let store = try WorkspaceStore.open(directory, options: .readOnlyRefreshingCache)
            defer { store.close() }
            return store.workspace
        } catch { throw fail(error) }
    }
}
