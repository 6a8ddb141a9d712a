import Foundation

/// A small, fast, deterministic random number generator (SplitMix64, Steele et al. 2014).
///
/// Same seed → same sequence on every platform and Swift version, which makes demo
/// workspaces byte-identical and simulations in tests reproducible.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    public mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A standard normal deviate (Box–Muller).
    public mutating func normal() -> Double {
        let u1 = max(unit(), 1e-300), u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// An integer in `0..<n` (n > 0), without modulo bias worth caring about for n ≪ 2^64.
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

    /// An exponential deviate with the given mean.
    public mutating func exponential(mean: Double) -> Double { -mean * log(max(1 - unit(), 1e-300)) }

    /// A gamma deviate with shape k and scale θ (Marsaglia & Tsang 2000; k < 1 boosted).
    public mutating func gamma(shape k: Double, scale theta: Double) -> Double {
        if k < 1 {
            let u = max(unit(), 1e-300)
            return gamma(shape: k + 1, scale: theta) * pow(u, 1 / k)
        }
        let d = k - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double, v: Double
            repeat { x = normal(); v = 1 + c * x } while v <= 0
            v = v * v * v
            let u = unit()
            if u < 1 - 0.0331 * x * x * x * x || log(max(u, 1e-300)) < 0.5 * x * x + d * (1 - v + log(v)) {
                return d * v * theta
            }
        }
    }

    /// A beta deviate.
    public mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(shape: a, scale: 1), y = gamma(shape: b, scale: 1)
        return x + y > 0 ? x / (x + y) : 0.5
    }
}
