import AcumenAnalytics
import AcumenCore
import AcumenStore
import ArgumentParser
import Foundation

/// `acumen-bench`: measures Acumen at workspace sizes from 10k to 1M customers (release build).
@main
struct AcumenBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acumen-bench",
        abstract: "Benchmark opening, analysing, rescoring, sorting, filtering, rendering and saving.",
        discussion: "Sizes: s = 10k customers / 100k transactions, m = 100k / 1M, l = 1M / 10M. Workspaces are generated once with the demo generator into --work and reused.")

    @Option(help: "Sizes to run, comma separated (s, m, l).")
    var sizes = "s,m"

    @Option(help: "Measured runs per step.")
    var runs = 5

    @Option(help: "Folder for generated workspaces.")
    var work = NSTemporaryDirectory() + "acumen-bench"

    @Option(help: "Benchmark an existing workspace instead of generated ones (size label 'custom').")
    var workspace: String?

    @Option(help: "Size label for --workspace results.")
    var label = "custom"

    @Option(name: .customLong("as-of"), help: "Analysis date (default: the workspace's asOf, else the day after its last transaction).")
    var asOf: String?

    @Option(help: "Write the results as JSON to this file.")
    var json: String?

    @Flag(help: "Only the steps users feel: first screen and key-to-frame through the runtime (for profiling).")
    var keysOnly = false

    @Flag(help: "Only time the first screen and the analysis (wall and CPU) at each size.")
    var analysisOnly = false

    @Flag(help: "Only time the phases of opening --workspace, then exit.")
    var profileOpen = false

    @Flag(help: "Only time the workbench runtime's set-up before the first frame on --workspace (repeated, for perf), then exit.")
    var profileSetup = false

    @Flag(help: "Only press a rating on a profile again and again on --workspace (for perf; edits its journal), then exit.")
    var profileRating = false

    @Option(help: "With --profile-open: first change the owner of every n-th customer in one saved batch (edits --workspace).")
    var editEvery: Int?

    @Flag(help: "Only run the open steps (cold, warm, resident memory) at each size.")
    var openOnly = false

    @Flag(help: "Only measure the workbench's resident memory (in a child process) at each size.")
    var memoryOnly = false

    @Flag(help: "Only the save steps (full save, background save, first edit during it) at each size.")
    var saveOnly = false

    @Flag(help: .hidden)
    var memoryProbe = false

    func run() throws {
        if profileOpen, let workspace {
            if let editEvery { print(try OpenProfile.edit(workspace, every: editEvery)) }
            for line in try OpenProfile.run(workspace) { print(line) }
            return
        }
        if profileSetup, let workspace {
            for line in try SetupProfile.run(workspace, asOf: asOf.flatMap { Day(iso: $0) }) { print(line) }
            return
        }
        if profileRating, let workspace {
            for line in try RatingProfile.run(workspace, asOf: asOf.flatMap { Day(iso: $0) }) { print(line) }
            return
        }
        if memoryProbe, let workspace {
            try BenchSteps(folder: workspace, label: label, runs: 1, asOf: asOf.flatMap { Day(iso: $0) }).memoryProbe()
            return
        }
        var results: [Measurement] = []
        var peaks: [String: Double] = [:]
        let targets: [(label: String, folder: String)]
        if let workspace {
            targets = [(label, workspace)]
        } else {
            targets = try sizes.split(separator: ",").map { label in
                guard let spec = BenchSizes.all[String(label)] else { throw ValidationError("unknown size \(label); use s, m or l") }
                return (String(label), try BenchSizes.prepare(spec, label: String(label), in: work))
            }
        }
        for (label, folder) in targets {
            let steps = try BenchSteps(folder: folder, label: label, runs: label == "l" ? max(3, runs / 2) : runs,
                                       asOf: asOf.flatMap { Day(iso: $0) })
            if saveOnly {
                results += try steps.saveSteps()
            } else if !openOnly, !analysisOnly { results += try steps.memorySteps() }
            if !memoryOnly && !saveOnly {
                results += try analysisOnly ? steps.analysisSteps() : openOnly ? steps.openSteps() : keysOnly ? steps.userSteps() : steps.runAll()
            }
            peaks[label] = peakMemoryMegabytes()
        }
        print(BenchReport.table(results, peaks: peaks))
        if let json {
            let data = try JSONSerialization.data(withJSONObject: BenchReport.json(results, peaks: peaks), options: [.prettyPrinted, .sortedKeys])
            try data.write(to: URL(fileURLWithPath: json))
        }
    }
}
