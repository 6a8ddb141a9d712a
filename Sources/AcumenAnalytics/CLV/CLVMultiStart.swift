import AcumenCore
/// Runs ``CLVOptimizer/bfgs(_:from:bound:maxIterations:gradientTolerance:)`` from several starts
/// and, when the best search did not converge, polishes it with Nelder–Mead then BFGS again.
enum CLVMultiStart {
    /// The best outcome and its diagnostics, or an error when no start gave a finite value.
    static func minimize(_ f: @escaping CLVOptimizer.Objective, starts: [[Double]], options: CLVOptions,
                         customers: Int, uniqueRecords: Int) throws(CLVError) -> (CLVOptimizer.Outcome, CLVFitDiagnostics) {
        var best: CLVOptimizer.Outcome?
        var winner = 0
        for (k, start) in starts.enumerated() {
            let o = CLVOptimizer.bfgs(f, from: start, bound: options.logParameterBound,
                                      maxIterations: options.maximumIterations, gradientTolerance: options.gradientTolerance)
            guard o.value.isFinite else { continue }
            if best == nil || o.value < (best?.value ?? .infinity) - 1e-12 * (1 + abs(o.value)) { best = o; winner = k }
        }
        guard var result = best else { throw .optimisationFailed("no start gave a finite likelihood") }
        var method = "bfgs"
        if !result.converged {
            let nm = NelderMead.minimize({ f($0).value }, from: result.point, bound: options.logParameterBound)
            let polished = CLVOptimizer.bfgs(f, from: nm.point, bound: options.logParameterBound,
                                             maxIterations: options.maximumIterations, gradientTolerance: options.gradientTolerance)
            method = "bfgs → nelder-mead → bfgs"
            if polished.value.isFinite, polished.value <= result.value + 1e-12 * (1 + abs(result.value)) {
                result = CLVOptimizer.Outcome(point: polished.point, value: polished.value, gradientNorm: polished.gradientNorm,
                                              iterations: result.iterations + nm.iterations + polished.iterations,
                                              evaluations: result.evaluations + nm.evaluations + polished.evaluations,
                                              converged: polished.converged, method: method)
            }
        }
        let atBound = result.point.contains { abs($0) >= options.logParameterBound - 1e-6 }
        let diagnostics = CLVFitDiagnostics(converged: result.converged, iterations: result.iterations,
                                            evaluations: result.evaluations, gradientNorm: result.gradientNorm,
                                            winningStart: winner, starts: starts.count, method: method, atBound: atBound,
                                            customers: customers, uniqueRecords: uniqueRecords)
        return (result, diagnostics)
    }
}
