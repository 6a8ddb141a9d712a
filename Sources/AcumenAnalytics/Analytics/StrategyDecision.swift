import AcumenCore
import Foundation

/// One customer's place in the value × potential grid: the strategy and the exact numbers that
/// decided it, so every view (reasons, profile, triage card, export) shows the same decision.
///
/// The axes are double-precision means of normalised scores (0–100); the cuts are compared
/// as `value ≥ valueCut`, `potential ≥ potentialCut`, `potential ≥ breakEvenPotentialCut`
/// in double precision (docs/analytics.md §7).
public struct StrategyDecision: Sendable, Hashable {
    /// The recommended strategy.
    public var strategy: Strategy
    /// Value axis 0–100 (0 when no value criterion is known).
    public var value: Double
    /// Potential axis 0–100 (0 when no potential criterion is known).
    public var potential: Double
    /// `value ≥ valueCut`.
    public var isHighValue: Bool
    /// `potential ≥ potentialCut`.
    public var isHighPotential: Bool
    /// Contribution < 0.
    public var isBelowBreakEven: Bool
    /// True when break-even forced cut cost (`potential < breakEvenPotentialCut`).
    public var forcedByBreakEven: Bool

    /// Decides the grid cell: below break-even forces cut cost unless potential reaches
    /// `breakEvenPotentialCut`; otherwise high/high grow, high value maintain, high potential
    /// nurture, low/low cut cost.
    public static func decide(value: Double, potential: Double, belowBreakEven: Bool, _ s: StrategySettings) -> StrategyDecision {
        let high = (value >= s.valueCut, potential >= s.potentialCut)
        let forced = belowBreakEven && potential < s.breakEvenPotentialCut
        let strategy: Strategy
        if forced { strategy = .cutCost } else {
            switch high {
            case (true, true): strategy = .grow
            case (true, false): strategy = .maintain
            case (false, true): strategy = .nurture
            case (false, false): strategy = .cutCost
            }
        }
        return StrategyDecision(strategy: strategy, value: value, potential: potential, isHighValue: high.0,
                                isHighPotential: high.1, isBelowBreakEven: belowBreakEven, forcedByBreakEven: forced)
    }

    /// `x` against `cut` with one decimal, or as many more (up to 6) as it takes for the text to
    /// show the side the decision took: `53.33332` against `53.333333` reads `53.33332 < 53.33333`.
    public static func compared(_ x: Double, _ cut: Double) -> (x: String, cut: String) {
        for places in 1...6 {
            let a = text(x, places), b = text(cut, places)
            if a != b || x == cut { return (a, b) }
        }
        return (text(x, 6), text(cut, 6))
    }

    /// Rounded to `places` decimals, trailing zeros dropped (`50`, `53.3`).
    public static func text(_ x: Double, _ places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let r = (x * scale).rounded() / scale
        if r == r.rounded(), abs(r) < 1e15 { return String(Int(r)) }
        var s = String(format: "%.\(places)f", r)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}
