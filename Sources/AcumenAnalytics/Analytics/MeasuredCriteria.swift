import AcumenCore
/// Raw values of the measured criteria, derived from the per-customer aggregates.
///
/// Units: `monetary` and `contribution` in currency units over the analysis window;
/// `frequency` in purchases (distinct days) over the window; `recency` in days since the last
/// purchase; `tenure` in days since the first purchase; `trend` as the symmetric growth
/// rate of revenue (see ``trend(last:previous:)``); `predictedCLV` in currency units and
/// `pAlive` as a probability 0–1, both from ``CLVInputs``.
enum MeasuredCriteria {
    /// The symmetric growth rate `(L − P) / ((|L| + |P|) / 2)` of revenue in the last 12 months
    /// `L` against the 12 before `P`; 0 when both are 0.
    ///
    /// Bounded in [−2, 2] (for non-negative revenue): +2 for a customer with no revenue in the
    /// previous 12 months, −2 for one with none in the last 12. Source: Davis, Haltiwanger &
    /// Schuh (1996), *Job Creation and Destruction*, the "DHS growth rate"; unlike the plain
    /// ratio `(L − P) / P` it is defined when `P = 0`.
    static func trend(last: Int64, previous: Int64) -> Double {
        let l = Double(last), p = Double(previous)
        let d = (abs(l) + abs(p)) / 2
        return d == 0 ? 0 : (l - p) / d
    }

    /// Days from the last purchase to `asOf`; nil without a purchase.
    static func recencyDays(_ a: CustomerAggregates, _ k: Int, asOf: Day) -> Int? {
        a.lastDay[k] == CustomerAggregates.noLastDay ? nil : Int(asOf.ordinal) - Int(a.lastDay[k])
    }

    /// Days from the first purchase to `asOf`; 0 without a purchase.
    static func tenureDays(_ a: CustomerAggregates, _ k: Int, asOf: Day) -> Int {
        a.firstDay[k] == CustomerAggregates.noFirstDay ? 0 : Int(asOf.ordinal) - Int(a.firstDay[k])
    }

    /// The displayed raw value of a measured criterion for customer `k` (nil = unknown or none).
    static func value(_ c: Criterion, _ a: CustomerAggregates, contribution: [Int64], _ k: Int, asOf: Day, clv: CLVInputs?) -> Double? {
        switch c {
        case .monetary: Double(a.revenue[k]) / 100
        case .contribution: Double(contribution[k]) / 100
        case .frequency: Double(a.purchases[k])
        case .recency: recencyDays(a, k, asOf: asOf).map(Double.init)
        case .tenure: Double(tenureDays(a, k, asOf: asOf))
        case .trend: trend(last: a.revenueLast12[k], previous: a.revenuePrevious12[k])
        case .predictedCLV: clv?.clv(k)
        case .pAlive: clv?.alive(k)
        default: nil
        }
    }

    /// The column normalisation ranks for a measured criterion (NaN = unknown).
    ///
    /// Recency enters negated (`−days`, so *more recent* is *higher*); customers who never
    /// purchased get `−(maximum days + 1)`, below everybody who did.
    static func column(_ c: Criterion, _ a: CustomerAggregates, contribution: [Int64], asOf: Day, clv: CLVInputs?) -> [Double] {
        let n = a.revenue.count
        switch c {
        case .recency:
            var out = [Double](repeating: 0, count: n)
            var maxDays = 0
            for k in 0..<n where a.lastDay[k] != CustomerAggregates.noLastDay {
                let d = Int(asOf.ordinal) - Int(a.lastDay[k])
                out[k] = Double(-d)
                maxDays = max(maxDays, d)
            }
            for k in 0..<n where a.lastDay[k] == CustomerAggregates.noLastDay { out[k] = Double(-(maxDays + 1)) }
            return out
        case .predictedCLV:
            guard let clv, clv.predictedCLV.count == n else { return [Double](repeating: .nan, count: n) }
            return clv.predictedCLV
        case .pAlive:
            guard let clv, clv.pAlive.count == n else { return [Double](repeating: .nan, count: n) }
            return clv.pAlive
        case .monetary: return a.revenue.map { Double($0) / 100 }
        case .contribution: return contribution.map { Double($0) / 100 }
        case .frequency: return a.purchases.map { Double($0) }
        case .trend: return (0..<n).map { trend(last: a.revenueLast12[$0], previous: a.revenuePrevious12[$0]) }
        default:
            return (0..<n).map { value(c, a, contribution: contribution, $0, asOf: asOf, clv: nil) ?? .nan }
        }
    }
}
