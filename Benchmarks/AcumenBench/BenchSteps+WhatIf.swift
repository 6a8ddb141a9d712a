import AcumenAnalytics
import AcumenCore
import AcumenStore
import AcumenUI
import Foundation

/// What-if steps: one weight keypress recombines the precomputed criteria, re-ranks and
/// compares against the pinned baseline (issue 6: under 16 ms at 100k customers).
extension BenchSteps {
    func whatIfSteps(_ store: WorkspaceStore) -> [Measurement] {
        let workspace = store.workspace
        let asOf = self.asOf ?? workspace.asOf(fallback: Day(ordinal: 20454))
        var out = whatIfModelSteps(PortfolioAnalyzer.analyze(workspace, asOf: asOf))
        // The runtime holds the only analysis from here on, as in the workbench.
        // As `acumen open` starts it: the accounts ranked by score.
        var state = AppState(width: 120, height: 40, workspaceName: "bench")
        state.accounts.sortColumn = .score
        state.accounts.sortDescending = true
        out += whatIfKeySteps(Runtime(store: store, analysis: PortfolioAnalyzer.analyze(workspace, asOf: asOf), author: "bench",
                                      clock: { Timestamp(seconds: 1_767_225_600) }, state: state))
        return out
    }

    /// The model's side of a weight key: the what-if rescoring and the scoring passes.
    func whatIfModelSteps(_ analysis: PortfolioAnalysis) -> [Measurement] {
        var whatIf = WhatIf(analysis: analysis)
        var k = 0
        let keypress = measure("what-if: one weight change (rescore + compare)", size: label, runs: max(runs, 20), warmup: 2) {
            k += 1
            whatIf.setWeight(.satisfaction, Double(k % 20))
        }
        // The scoring of a weight key alone, CPU of all threads: the full weighted sum, and the
        // exact update of the one changed column from the scoring on screen.
        analysis.engine.warmExactness()
        var tried = analysis.settings.weights
        let onScreen = analysis.engine.score(weights: tried, ranking: false, from: nil)
        func cpu(_ name: String, _ body: () -> Void) -> Measurement {
            var m = Measurement(name: name, size: label, samples: [])
            for _ in 0..<max(runs, 10) { let c = cpuMilliseconds(); body(); m.samples.append(cpuMilliseconds() - c) }
            return m
        }
        let fullPass = cpu("what-if: scores + tiers, full weighted sum, CPU ms (all threads)") {
            tried[.monetary] = (tried[.monetary] ?? 0) + 1
            _ = analysis.engine.score(weights: tried, ranking: false)
        }
        let updatePass = cpu("what-if: scores + tiers, exact update of one column, CPU ms (all threads)") {
            tried[.monetary] = (tried[.monetary] ?? 0) + 1
            _ = analysis.engine.score(weights: tried, ranking: false, from: onScreen)
        }
        return [keypress, fullPass, updatePass]
    }

    /// The whole keypress as the user sees it, through the workbench's runtime: reducer
    /// (rescore, compare), derived view models and a 120×40 frame of the weights screen
    /// (migration matrix, tier shares, movers); then the triage decisions and a rating.
    func whatIfKeySteps(_ runtime: Runtime) -> [Measurement] {
        runtime.send(.key(.char("4")))
        var grid = CellGrid(width: 120, height: 40)
        // As in the workbench: the full re-rank runs in the background and lands between keys.
        let work = BackgroundWork()
        runtime.useBackground(work)
        var up = true
        var frame = Measurement(name: "what-if: key to frame (+/- on the weights screen, 120x40)", size: label, samples: [])
        var lands = Measurement(name: "what-if: key to re-ranked frame (movers, Δrank; off the input path)", size: label, samples: [])
        // CPU time of the process (all threads; nothing else runs meanwhile): load-independent.
        var frameCPU = Measurement(name: "what-if: key to frame, CPU ms (all threads)", size: label, samples: [])
        var rankCPU = Measurement(name: "what-if: the re-rank after it, CPU ms (background + landing frame)", size: label, samples: [])
        for run in 0..<(max(runs, 20) + 2) {
            up.toggle()
            let t = DispatchTime.now()
            let c = cpuMilliseconds()
            runtime.send(.key(.char(up ? "+" : "-")))
            runtime.state.render(into: &grid)
            let keyMs = elapsedMilliseconds(since: t), keyCPU = cpuMilliseconds()
            work.waitUntilComputed(seconds: 60)
            runtime.collectBackground()
            runtime.state.render(into: &grid)
            if run >= 2 {
                frame.samples.append(keyMs); lands.samples.append(elapsedMilliseconds(since: t))
                frameCPU.samples.append(keyCPU - c); rankCPU.samples.append(cpuMilliseconds() - keyCPU)
            }
        }
        runtime.useBackground(nil)
        return [frame, lands, frameCPU, rankCPU, triageStep(runtime), overrideStep(runtime), ratingStep(runtime)]
    }

    /// A rating on a profile (not one of the keys users press most): the measured Enter records
    /// it (journal + fsync), updates the rated customer's matrix column, score, strategy and
    /// place in the order and the tiers it pushed over an edge
    /// (``PortfolioAnalysis/updatingRatings(_:of:in:)``), patches the list (its place in the
    /// score order), the portfolio figures and the triage counts; then the 120×40 profile is
    /// drawn. Ratings follow each other at once, so each lands while the last one's sort
    /// buckets are re-sorted in the background.
    func ratingStep(_ runtime: Runtime) -> Measurement {
        var m = Measurement(name: "profile: key to frame (a rating, Enter: score, place, pushed tiers; list and figures patched)", size: label, samples: [])
        m.samples = Array(Self.ratings(runtime, count: max(runs, 5) + 1).dropFirst())
        return m
    }

    /// The profile of the list's top row opened (its history computed in the background, as in
    /// the workbench, and waited for), then `count` ratings `r satisfaction N` one after the
    /// other: the milliseconds from each Enter to its 120×40 frame.
    static func ratings(_ runtime: Runtime, count: Int) -> [Double] {
        var grid = CellGrid(width: 120, height: 40)
        let work = BackgroundWork()
        runtime.useBackground(work)
        defer { runtime.useBackground(nil) }
        runtime.send(.key(.char("1")))
        runtime.send(.key(.enter))
        while work.isRunning { work.waitUntilComputed(seconds: 60); runtime.collectBackground() }
        return (0..<count).map { run in promptedEnter(runtime, key: "r", text: "satisfaction \(run % 11)", grid: &grid) }
    }

    /// `key`, then `text` typed into the prompt it opens, then Enter and a frame: the
    /// milliseconds from Enter to the frame drawn.
    static func promptedEnter(_ runtime: Runtime, key: Character, text: String, grid: inout CellGrid) -> Double {
        runtime.send(.key(.char(key)))
        for c in text { runtime.send(.key(.char(c))) }
        let t = DispatchTime.now()
        runtime.send(.key(.enter))
        runtime.state.render(into: &grid)
        return elapsedMilliseconds(since: t)
    }

    /// A triage decision against the recommendation: the strategy key, a reason typed into
    /// the prompt, and the measured Enter that records the override and the review (journal
    /// + fsync), updates the analysis' overrides and redraws the 120×40 triage screen.
    func overrideStep(_ runtime: Runtime) -> Measurement {
        var grid = CellGrid(width: 120, height: 40)
        var m = Measurement(name: "triage: key to frame (decide against the recommendation: override + reason, Enter)", size: label, samples: [])
        let keys: [(Strategy, Character)] = [(.grow, "w"), (.maintain, "m"), (.nurture, "n"), (.cutCost, "c")]
        for run in 0..<(max(runs, 20) + 2) {
            guard let k = runtime.state.triage.queue?.current else { break }
            let recommended = runtime.facts.recommendation(k)
            guard let key = keys.first(where: { $0.0 != recommended })?.1 else { break }
            let ms = Self.promptedEnter(runtime, key: key, text: "bench", grid: &grid)
            if run >= 2 { m.samples.append(ms) }
        }
        return m
    }

    /// A triage decision as the user sees it: the key, the journaled and fsynced edit, the
    /// view models the runtime derives from it, and a 120×40 frame of the triage screen.
    func triageStep(_ runtime: Runtime) -> Measurement {
        runtime.send(.key(.char("3")))
        var grid = CellGrid(width: 120, height: 40)
        return measure("triage: key to frame (accept: journal + fsync + redraw, 120x40)", size: label, runs: max(runs, 20), warmup: 2) {
            runtime.send(.key(.char("a")))
            runtime.state.render(into: &grid)
        }
    }
}
