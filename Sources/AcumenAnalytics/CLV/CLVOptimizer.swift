import AcumenCore
import Foundation

/// A box-bounded quasi-Newton minimiser (BFGS with Armijo backtracking) for the small,
/// smooth likelihoods of the lifetime-value models, with Nelder–Mead as the fallback.
///
/// Parameters live in log space, bounded to [−bound, bound] so a degenerate data set
/// (for example identical customers, whose likelihood keeps improving towards infinity)
/// stops at the bound instead of overflowing. Every function value that is not finite is
/// treated as +∞, so the search backs away from it rather than propagating NaN.
public enum CLVOptimizer {
    /// A function value and its gradient.
    public typealias Objective = ([Double]) -> (value: Double, gradient: [Double])

    /// The result of one local search.
    public struct Outcome: Sendable {
        public var point: [Double]
        public var value: Double
        /// Largest absolute gradient component at `point`.
        public var gradientNorm: Double
        public var iterations: Int
        public var evaluations: Int
        public var converged: Bool
        /// Which method produced the point (`bfgs`, `nelder-mead`).
        public var method: String
    }

    /// Minimises `f` from `x0` by BFGS. Converged when the largest gradient component is
    /// below `gradientTolerance`, or the value stops changing (relative 1e-14 over three
    /// iterations) while the gradient is below 1000 × `gradientTolerance`.
    public static func bfgs(_ f: Objective, from x0: [Double], bound: Double,
                            maxIterations: Int, gradientTolerance: Double) -> Outcome {
        let n = x0.count
        var x = x0.map { clamp($0, bound) }
        var (fx, g) = safe(f, x)
        var evaluations = 1
        var h = identity(n)
        var stalls = 0, iterations = 0
        func norm(_ v: [Double]) -> Double { v.reduce(0) { max($0, abs($1)) } }
        guard fx.isFinite else {
            return Outcome(point: x, value: fx, gradientNorm: .infinity, iterations: 0, evaluations: 1, converged: false, method: "bfgs")
        }
        var firstStep = true
        while iterations < maxIterations {
            if norm(g) < gradientTolerance { break }
            iterations += 1
            var d = matVec(h, g).map { -$0 }
            var slope = zip(d, g).reduce(0) { $0 + $1.0 * $1.1 }
            if !(slope < 0) { h = identity(n); d = g.map { -$0 }; slope = -g.reduce(0) { $0 + $1 * $1 } }
            // Limit the step to 2 log-units in any coordinate on the first, unscaled step.
            let longest = norm(d)
            var step = firstStep && longest > 2 ? 2 / longest : 1.0
            var accepted = false
            var xn = x, fn = fx, gn = g
            for _ in 0..<60 {
                xn = zip(x, d).map { clamp($0 + step * $1, bound) }
                (fn, gn) = safe(f, xn); evaluations += 1
                if fn.isFinite, fn <= fx + 1e-4 * step * slope { accepted = true; break }
                // A step clamped at the bound may not reduce as predicted; accept any decrease.
                if fn.isFinite, fn < fx, xn.contains(where: { abs($0) >= bound }) { accepted = true; break }
                step *= 0.5
            }
            guard accepted else {
                if h != identity(n) { h = identity(n); continue }
                break
            }
            let s = zip(xn, x).map { $0 - $1 }, y = zip(gn, g).map { $0 - $1 }
            let sy = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 }
            if firstStep, sy > 0 {
                let yy = y.reduce(0) { $0 + $1 * $1 }
                if yy > 0 { h = scaled(identity(n), sy / yy) }
                firstStep = false
            }
            if sy > 1e-12 * (s.reduce(0) { $0 + $1 * $1 }).squareRoot() * (y.reduce(0) { $0 + $1 * $1 }).squareRoot() {
                h = bfgsUpdate(h, s: s, y: y, sy: sy)
            }
            stalls = abs(fx - fn) <= 1e-14 * (1 + abs(fx)) ? stalls + 1 : 0
            x = xn; fx = fn; g = gn
            if stalls >= 3 { break }
        }
        let gnorm = norm(g)
        let converged = gnorm < gradientTolerance || (stalls >= 3 && gnorm < 1000 * gradientTolerance)
        return Outcome(point: x, value: fx, gradientNorm: gnorm, iterations: iterations, evaluations: evaluations,
                       converged: converged, method: "bfgs")
    }

    /// Evaluates `f`, mapping any non-finite value or gradient to +∞.
    static func safe(_ f: Objective, _ x: [Double]) -> (Double, [Double]) {
        let (v, g) = f(x)
        guard v.isFinite, g.allSatisfy(\.isFinite) else { return (.infinity, g.map { $0.isFinite ? $0 : 0 }) }
        return (v, g)
    }

    @inline(__always) static func clamp(_ v: Double, _ bound: Double) -> Double { min(max(v, -bound), bound) }

    static func identity(_ n: Int) -> [[Double]] {
        (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
    }

    static func scaled(_ m: [[Double]], _ k: Double) -> [[Double]] { m.map { $0.map { $0 * k } } }

    static func matVec(_ m: [[Double]], _ v: [Double]) -> [Double] {
        m.map { row in zip(row, v).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// H⁺ = (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ with ρ = 1 / yᵀs (Nocedal & Wright, eq. 6.17).
    static func bfgsUpdate(_ h: [[Double]], s: [Double], y: [Double], sy: Double) -> [[Double]] {
        let n = s.count, rho = 1 / sy
        let hy = matVec(h, y)
        let yhy = zip(y, hy).reduce(0) { $0 + $1.0 * $1.1 }
        var out = h
        for i in 0..<n {
            for j in 0..<n {
                out[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]
            }
        }
        return out
    }
}
