import AcumenCore
/// What the analysis reads from the customers themselves (not their transactions), in one pass
/// over ``Workspace/customers`` split into ranges that run beside the transaction pass.
///
/// - `annualCost` is ``Customer/costToServe`` in minor units a year; `windowCost` the same
///   prorated to the window: `annual · windowMonths / 12`, rounded half away from zero
///   (``PortfolioAnalyzer/prorate(_:_:_:)``).
/// - The ratings are kept as they are stored (``Ratings``: thousandths, 2 bytes a value) and
///   ``ratedColumn(_:)`` gives the rating of ``Criterion/rated``[j] per customer, 0–10, NaN when
///   unknown — the same doubles ``Ratings/value(atRatedIndex:)`` gives — built by whoever needs
///   the column (the criterion matrix's row, on its own core), not ten 8 MB columns up front.
/// - `ratedKnown` has bit j set when rating j is known and finite (``CriterionMatrix/knownMask``'s
///   rated bits).
/// - `tierOverride` / `strategyOverride`: the band index / strategy index of a valid override,
///   −1 when none; an override naming nothing valid is ignored with a warning (in customer order).
struct CustomerInputs: Sendable {
    var annualCost: [Int64]
    var windowCost: [Int64]
    /// Ratings in thousandths, `thousandths[j * count + k]` for rated position j (0 when unknown
    /// or held in ``exact``).
    var thousandths: [UInt16]
    var ratedKnown: [UInt16]
    /// The ratings of customers whose values are not all whole thousandths, by rated position
    /// (NaN when unknown): what their columns hold instead.
    var exact: [Int: [Double]]
    var tierOverride: [Int8]
    var strategyOverride: [Int8]
    var warnings: [String]
    /// The customers with an override naming no tier or strategy (each has a warning).
    var ignoredOverrides: Set<Int>

    /// Number of customers.
    var count: Int { annualCost.count }

    /// Reads `customers` under `settings` in `parts` ranges on all cores.
    init(_ customers: CustomerList, settings s: Settings, parts: Int = 1) {
        self.init(count: customers.count)
        let pieces = filling(customers, settings: s, parts: parts) { fill in Parallel.map(parts) { fill($0) } }
        finish(pieces)
    }

    /// Inputs of `n` customers whose columns ``filling(_:settings:parts:_:)`` is still to write.
    init(count n: Int) {
        func unfilled<E: BitwiseCopyable>(_: E.Type, _ size: Int) -> [E] { [E](unsafeUninitializedCapacity: size) { _, c in c = size } }
        annualCost = unfilled(Int64.self, n); windowCost = unfilled(Int64.self, n)
        thousandths = unfilled(UInt16.self, n * Criterion.rated.count); ratedKnown = unfilled(UInt16.self, n)
        tierOverride = unfilled(Int8.self, n); strategyOverride = unfilled(Int8.self, n)
        exact = [:]; warnings = []; ignoredOverrides = []
    }

    /// What one range found beside its columns: warnings in customer order and exact ratings.
    struct Part: Sendable {
        var warnings: [String] = []
        var exact: [Int: [Double]] = [:]
        var ignoredOverrides: [Int] = []
    }

    /// Adds the ranges' findings, in range order.
    mutating func finish(_ parts: [Part]) {
        for p in parts {
            warnings += p.warnings
            exact.merge(p.exact) { a, _ in a }
            ignoredOverrides.formUnion(p.ignoredOverrides)
        }
    }

    /// Runs `body` with `fill(part)`, which reads customers `n·part/parts ..< n·(part+1)/parts`
    /// into the columns; the parts are disjoint, so `body` may run them concurrently, each once.
    mutating func filling<R>(_ customers: CustomerList, settings s: Settings, parts: Int, _ body: (_ fill: (Int) -> Part) -> R) -> R {
        let n = count, rc = Criterion.rated.count, months = Int64(s.windowMonths)
        let bandNames = (s.tiers.bands.isEmpty ? ["All"] : s.tiers.bands.prefix(255).map(\.name))
        let ratedBits = UInt16(truncatingIfNeeded: (1 << rc) - 1)
        return annualCost.withUnsafeMutableBufferPointer { annual in
            windowCost.withUnsafeMutableBufferPointer { window in
                thousandths.withUnsafeMutableBufferPointer { th in
                    ratedKnown.withUnsafeMutableBufferPointer { known in
                        tierOverride.withUnsafeMutableBufferPointer { tier in
                            strategyOverride.withUnsafeMutableBufferPointer { strategy in
                                let out = Columns(annual: annual, window: window, thousandths: th, known: known, tier: tier, strategy: strategy)
                                return body { part in
                                    var found = Part()
                                    for k in (n * part / max(1, parts))..<(n * (part + 1) / max(1, parts)) {
                                        let a = customers[k].costToServe.minor
                                        out.annual[k] = a
                                        out.window[k] = PortfolioAnalyzer.prorate(a, months, 12)
                                        let r = customers[k].ratings
                                        if let lanes = r.fixedPointLanes {
                                            let mask = r.knownMask & ratedBits
                                            for j in 0..<rc { out.thousandths[j * n + k] = mask & (1 << UInt16(j)) != 0 ? lanes[j] : 0 }
                                            out.known[k] = mask
                                        } else {
                                            var values = [Double](repeating: .nan, count: rc)
                                            var bits: UInt16 = 0
                                            for j in 0..<rc {
                                                out.thousandths[j * n + k] = 0
                                                if let v = r.value(atRatedIndex: j) { values[j] = v; if v.isFinite { bits |= 1 << UInt16(j) } }
                                            }
                                            out.known[k] = bits
                                            found.exact[k] = values
                                        }
                                        out.tier[k] = -1; out.strategy[k] = -1
                                        if customers[k].isPlain { continue }
                                        let warned = found.warnings.count
                                        Self.overrides(customers[k], k, bandNames, out, &found.warnings)
                                        if found.warnings.count > warned { found.ignoredOverrides.append(k) }
                                    }
                                    return found
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Where the ranges write (disjoint slots per range).
    struct Columns: @unchecked Sendable {
        let annual: UnsafeMutableBufferPointer<Int64>, window: UnsafeMutableBufferPointer<Int64>
        let thousandths: UnsafeMutableBufferPointer<UInt16>, known: UnsafeMutableBufferPointer<UInt16>
        let tier: UnsafeMutableBufferPointer<Int8>, strategy: UnsafeMutableBufferPointer<Int8>
    }

    /// Customer `k`'s valid overrides into `out`; a warning for each naming nothing valid.
    private static func overrides(_ c: Customer, _ k: Int, _ bandNames: [String], _ out: Columns, _ warnings: inout [String]) {
        if let o = c.tierOverride {
            if let t = bandNames.firstIndex(of: o.value) { out.tier[k] = Int8(truncatingIfNeeded: t) } else {
                warnings.append("customer \(c.id): tier override \"\(o.value)\" names no tier; ignored")
            }
        }
        if let o = c.strategyOverride {
            if let st = PortfolioAnalyzer.strategy(named: o.value) { out.strategy[k] = Int8(StrategyAnalysis.index(st)) } else {
                warnings.append("customer \(c.id): strategy override \"\(o.value)\" names no strategy; ignored")
            }
        }
    }

    /// The rating of ``Criterion/rated``[j] per customer, 0–10, NaN when unknown.
    func ratedColumn(_ j: Int) -> [Double] {
        let n = count, bit = UInt16(1) << UInt16(j)
        var out = [Double](unsafeUninitializedCapacity: n) { buffer, c in
            thousandths.withUnsafeBufferPointer { t in
                ratedKnown.withUnsafeBufferPointer { m in
                    for k in 0..<n { buffer[k] = m[k] & bit != 0 ? Double(t[j * n + k]) / 1000 : .nan }
                }
            }
            c = n
        }
        for (k, values) in exact { out[k] = values[j] }
        return out
    }
}
