import AcumenCore
/// The value × potential strategy grid, per customer (weight-independent).
///
/// - *Value* = mean of the normalised scores (0–100) of ``StrategySettings/valueCriteria``
///   known for the customer; *potential* likewise for ``StrategySettings/potentialCriteria``.
///   An axis with no known criterion is 0 (low) and the reasons say so.
/// - High means `≥ valueCut` / `≥ potentialCut` (default 50).
/// - Below break-even (contribution < 0) forces **cut cost** unless potential
///   `≥ breakEvenPotentialCut` (default 70); otherwise high/high **grow**, high value + low
///   potential **maintain**, low value + high potential **nurture**, low/low **cut cost**.
/// - A ``Customer/strategyOverride`` naming a ``Strategy`` wins.
///
/// Source: the customer portfolio matrix of value against potential (e.g. Thakur &
/// Workman 2016, "Customer portfolio management (CPM) for improved customer relationship
/// management (CRM): Are your customers platinum, gold, silver, or bronze?").
public struct StrategyAnalysis: Sendable {
    /// Value and potential axes 0–100 per customer, in double precision: the numbers the
    /// decision was taken on (see ``decision(_:)``).
    public internal(set) var value: [Double]
    public internal(set) var potential: [Double]
    /// Recommended strategy per customer (index into `Strategy.allCases`).
    public internal(set) var recommended: [UInt8]
    /// Whether break-even forced the recommendation (cut cost) per customer.
    public internal(set) var forcedByBreakEven: [Bool]
    /// Contribution < 0 per customer, as the decision saw it.
    public internal(set) var belowBreakEven: [Bool]
    /// Overridden strategy per customer (index into `Strategy.allCases`), −1 when none.
    public internal(set) var override: [Int8]

    init(matrix: CriterionMatrix, belowBreakEven: (Int) -> Bool, settings: StrategySettings, overrides: [Int8]) {
        let n = matrix.count
        var value = [Double](repeating: 0, count: n), potential = value
        var rec = [UInt8](repeating: 0, count: n)
        var forced = [Bool](repeating: false, count: n), below = forced
        let valueAxis = AxisColumns(settings.valueCriteria, matrix), potentialAxis = AxisColumns(settings.potentialCriteria, matrix)
        // Customers are decided independently: disjoint ranges on all cores.
        let parts = n >= 200_000 ? Parallel.cores : 1
        value.withUnsafeMutableBufferPointer { value in
            potential.withUnsafeMutableBufferPointer { potential in
                rec.withUnsafeMutableBufferPointer { rec in
                    forced.withUnsafeMutableBufferPointer { forced in
                        below.withUnsafeMutableBufferPointer { below in
                            _ = Parallel.map(parts) { part -> Bool in
                                for k in (n * part / parts)..<(n * (part + 1) / parts) {
                                    let v = valueAxis.mean(matrix, k) ?? 0
                                    let p = potentialAxis.mean(matrix, k) ?? 0
                                    let d = StrategyDecision.decide(value: v, potential: p, belowBreakEven: belowBreakEven(k), settings)
                                    value[k] = v; potential[k] = p
                                    rec[k] = Self.index(d.strategy); forced[k] = d.forcedByBreakEven; below[k] = d.isBelowBreakEven
                                }
                                return true
                            }
                        }
                    }
                }
            }
        }
        self.value = value; self.potential = potential; recommended = rec; override = overrides
        forcedByBreakEven = forced; self.belowBreakEven = below
        cuts = (settings.valueCut, settings.potentialCut)
    }

    /// The same decisions with other manual overrides (they decide nothing else).
    func with(overrides: [Int8]) -> StrategyAnalysis {
        var next = self
        next.override = overrides
        return next
    }

    /// Decides customers `ks` again on `matrix` (their normalised scores changed, nobody
    /// else's): each customer on its own column alone, exactly as
    /// ``init(matrix:belowBreakEven:settings:overrides:)`` decides it; in place.
    mutating func update(_ ks: [Int], matrix: CriterionMatrix, belowBreakEven isBelow: (Int) -> Bool, settings: StrategySettings) {
        let valueAxis = AxisColumns(settings.valueCriteria, matrix), potentialAxis = AxisColumns(settings.potentialCriteria, matrix)
        for k in ks where k >= 0 && k < matrix.count {
            let v = valueAxis.mean(matrix, k) ?? 0
            let p = potentialAxis.mean(matrix, k) ?? 0
            let d = StrategyDecision.decide(value: v, potential: p, belowBreakEven: isBelow(k), settings)
            value[k] = v; potential[k] = p
            recommended[k] = Self.index(d.strategy); forcedByBreakEven[k] = d.forcedByBreakEven; belowBreakEven[k] = d.isBelowBreakEven
        }
    }

    /// The value and potential cuts the decisions used.
    let cuts: (value: Double, potential: Double)

    /// Customer `k`'s decision exactly as it was taken: the strategy with the numbers that decided it.
    public func decision(_ k: Int) -> StrategyDecision {
        StrategyDecision(strategy: recommendation(k), value: value[k], potential: potential[k],
                         isHighValue: value[k] >= cuts.value, isHighPotential: potential[k] >= cuts.potential,
                         isBelowBreakEven: belowBreakEven[k], forcedByBreakEven: forcedByBreakEven[k])
    }

    /// Mean normalised score of the known criteria among `criteria`; nil when none is known.
    static func axis(_ criteria: [Criterion], _ m: CriterionMatrix, _ k: Int) -> Double? {
        var sum = 0.0, count = 0
        for c in criteria { if let x = m.normalised(c, k) { sum += x; count += 1 } }
        return count > 0 ? sum / Double(count) : nil
    }

    /// Matrix rows and known-bits of an axis's criteria, looked up once.
    struct AxisColumns {
        let rows: [Int]
        let bits: [UInt16]  // 0 = always known
        init(_ criteria: [Criterion], _ m: CriterionMatrix) {
            rows = criteria.map { CriterionMatrix.row(of: $0) * m.count }
            bits = criteria.map { c in CriterionMatrix.bit(of: c).map { UInt16(1) << UInt16($0) } ?? 0 }
        }
        /// Mean of the known normalised scores of customer `k`; nil when none is known.
        func mean(_ m: CriterionMatrix, _ k: Int) -> Double? {
            var sum = 0.0, count = 0
            let mask = m.knownMask[k]
            for j in rows.indices where bits[j] == 0 || mask & bits[j] != 0 {
                sum += Double(m.values[rows[j] + k]); count += 1
            }
            return count > 0 ? sum / Double(count) : nil
        }
    }

    /// The grid decision and whether break-even forced it (see ``StrategyDecision/decide(value:potential:belowBreakEven:_:)``).
    static func decide(value: Double, potential: Double, belowBreakEven: Bool, _ s: StrategySettings) -> (strategy: Strategy, forced: Bool) {
        let d = StrategyDecision.decide(value: value, potential: potential, belowBreakEven: belowBreakEven, s)
        return (d.strategy, d.forcedByBreakEven)
    }

    /// Index of a strategy in `Strategy.allCases`.
    static func index(_ s: Strategy) -> UInt8 { UInt8(Strategy.allCases.firstIndex(of: s) ?? 0) }

    /// The strategy at an index of `Strategy.allCases`.
    static func strategy(_ i: Int) -> Strategy { Strategy.allCases[max(0, min(Strategy.allCases.count - 1, i))] }

    /// The recommended strategy of customer `k`.
    public func recommendation(_ k: Int) -> Strategy { Self.strategy(Int(recommended[k])) }

    /// The strategy shown for customer `k`: the override if any, else the recommendation.
    public func effective(_ k: Int) -> Strategy { override[k] >= 0 ? Self.strategy(Int(override[k])) : recommendation(k) }

    /// Whether customer `k`'s strategy is a manual override.
    public func isOverridden(_ k: Int) -> Bool { override[k] >= 0 }
}

/// A customer's strategy with the reasons that decided it and the actions it calls for.
public struct Recommendation: Sendable, Hashable {
    /// The strategy shown: the override when there is one.
    public var strategy: Strategy
    /// What the grid recommends.
    public var recommended: Strategy
    /// True when a manual override decided ``strategy``.
    public var isOverride: Bool
    /// The override's reason, author and date, if any.
    public var overrideNote: String?
    /// Value and potential axes 0–100.
    public var value: Double
    public var potential: Double
    /// Contribution < 0.
    public var isBelowBreakEven: Bool
    /// True when break-even forced cut cost.
    public var forcedByBreakEven: Bool
    /// The factors that decided it, in plain words.
    public var reasons: [String]
    /// The concrete actions for ``strategy`` (from ``StrategySettings/actions``).
    public var actions: [String]
}
