import AcumenCore
/// The Nelder–Mead downhill simplex (Nelder & Mead 1965, with the standard coefficients
/// 1, 2, ½, ½), used as the derivative-free fallback of ``CLVOptimizer``.
///
/// Non-finite values count as +∞ so the simplex moves away from them. Coordinates are
/// clamped to [−bound, bound].
public enum NelderMead {
    /// Minimises `f` from `x0` with an initial simplex of side `step`. Stops when the spread of
    /// values in the simplex is below `tolerance` × (1 + |best|) or after `maxEvaluations`.
    public static func minimize(_ f: ([Double]) -> Double, from x0: [Double], step: Double = 0.5,
                                bound: Double, tolerance: Double = 1e-13,
                                maxEvaluations: Int = 4000) -> CLVOptimizer.Outcome {
        let n = x0.count
        func eval(_ x: [Double]) -> Double { let v = f(x.map { CLVOptimizer.clamp($0, bound) }); return v.isFinite ? v : .infinity }
        var simplex = [x0.map { CLVOptimizer.clamp($0, bound) }]
        for i in 0..<n {
            var p = simplex[0]
            p[i] = CLVOptimizer.clamp(p[i] + (p[i] + step > bound ? -step : step), bound)
            simplex.append(p)
        }
        var values = simplex.map(eval)
        var evaluations = n + 1, iterations = 0
        var converged = false
        while evaluations < maxEvaluations {
            iterations += 1
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }; values = order.map { values[$0] }
            if values[n] - values[0] <= tolerance * (1 + abs(values[0])), values[0].isFinite { converged = true; break }
            var centroid = [Double](repeating: 0, count: n)
            for p in simplex.dropLast() { for i in 0..<n { centroid[i] += p[i] / Double(n) } }
            func along(_ t: Double) -> [Double] {
                (0..<n).map { CLVOptimizer.clamp(centroid[$0] + t * (simplex[n][$0] - centroid[$0]), bound) }
            }
            let xr = along(-1), fr = eval(xr); evaluations += 1
            if fr < values[0] {
                let xe = along(-2), fe = eval(xe); evaluations += 1
                if fe < fr { simplex[n] = xe; values[n] = fe } else { simplex[n] = xr; values[n] = fr }
            } else if fr < values[n - 1] {
                simplex[n] = xr; values[n] = fr
            } else {
                let outside = fr < values[n]
                let xc = along(outside ? -0.5 : 0.5), fc = eval(xc); evaluations += 1
                if fc < (outside ? fr : values[n]) {
                    simplex[n] = xc; values[n] = fc
                } else {
                    for k in 1...n {
                        simplex[k] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[k][$0] - simplex[0][$0]) }
                        values[k] = eval(simplex[k]); evaluations += 1
                    }
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] } ?? 0
        return CLVOptimizer.Outcome(point: simplex[best], value: values[best], gradientNorm: .nan,
                                    iterations: iterations, evaluations: evaluations, converged: converged,
                                    method: "nelder-mead")
    }
}
