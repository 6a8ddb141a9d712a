@testable import AcumenAnalytics
@testable import AcumenCore

/// The customers' pass as it was before it ran in ranges and kept the ratings in thousandths
/// (commit d4d704e): the reference ``AnalysisSpeedEquivalenceTests`` compares against.
struct ReferenceCustomerInputs {
    var annualCost: [Int64]
    var windowCost: [Int64]
    var rated: [[Double]]
    var tierOverride: [Int8]
    var strategyOverride: [Int8]
    var warnings: [String]

    init(_ customers: CustomerList, settings s: Settings) {
        let n = customers.count
        var annual = [Int64](repeating: 0, count: n), window = annual
        let months = Int64(s.windowMonths)
        for k in 0..<n {
            let a = customers[k].costToServe.minor
            annual[k] = a
            window[k] = PortfolioAnalyzer.prorate(a, months, 12)
        }
        var rated = [[Double]](repeating: [Double](repeating: .nan, count: n), count: Criterion.rated.count)
        for k in 0..<n where !customers[k].ratings.isEmpty {
            let r = customers[k].ratings
            for j in 0..<rated.count { if let v = r.value(atRatedIndex: j) { rated[j][k] = v } }
        }
        let bandNames = (s.tiers.bands.isEmpty ? ["All"] : s.tiers.bands.prefix(255).map(\.name))
        var tierOverride = [Int8](repeating: -1, count: n), strategyOverride = tierOverride
        var warnings: [String] = []
        for k in 0..<n {
            if let o = customers[k].tierOverride {
                if let t = bandNames.firstIndex(of: o.value) { tierOverride[k] = Int8(truncatingIfNeeded: t) } else {
                    warnings.append("customer \(customers[k].id): tier override \"\(o.value)\" names no tier; ignored")
                }
            }
            if let o = customers[k].strategyOverride {
                if let st = PortfolioAnalyzer.strategy(named: o.value) { strategyOverride[k] = Int8(StrategyAnalysis.index(st)) } else {
                    warnings.append("customer \(customers[k].id): strategy override \"\(o.value)\" names no strategy; ignored")
                }
            }
        }
        annualCost = annual; windowCost = window; self.rated = rated
        self.tierOverride = tierOverride; self.strategyOverride = strategyOverride; self.warnings = warnings
    }
}
