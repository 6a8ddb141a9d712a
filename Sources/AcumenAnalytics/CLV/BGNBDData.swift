import AcumenCore
import Foundation

/// BG/NBD sufficient statistics aggregated to unique (x, t_x, T) triples with counts.
///
/// The likelihood depends on a customer only through (x, t_x, T), so a million customers
/// collapse to far fewer triples; further, ln(α+T) and ln(α+t_x) are computed once per
/// distinct T and t_x, and the Γ/ψ terms once per distinct x. One evaluation of the
/// likelihood and its gradient then costs one `exp` and one `log` per triple.
public struct BGNBDData: Sendable {
    /// Distinct repeat counts, ascending.
    public private(set) var xs: [Int] = []
    /// Distinct recencies t_x and ages T (in the fit's unit).
    public private(set) var recencies: [Double] = []
    public private(set) var ages: [Double] = []
    /// Per triple: index into ``xs``, ``recencies`` and ``ages``, and the number of customers.
    var xIndex: [Int32] = []
    var txIndex: [Int32] = []
    var tIndex: [Int32] = []
    var weight: [Double] = []
    /// Number of customers and of customers with x > 0.
    public private(set) var customerCount = 0
    public private(set) var repeatBuyerCount = 0
    /// Largest T.
    public private(set) var longestAge = 0.0
    /// Mean T, used to scale the starting values of α.
    public private(set) var meanAge = 0.0
    /// Mean x.
    public private(set) var meanFrequency = 0.0

    /// Number of unique triples.
    public var tripleCount: Int { weight.count }

    /// Aggregates per-customer statistics; throws when a value is negative, not finite or t_x > T.
    ///
    /// Triples are ordered by (x, T, t_x) ascending — three stable radix passes, t_x then T
    /// then x — and ``xs``, ``recencies`` and ``ages`` list their values in the order they first
    /// occur in that sequence (the order a hash map of triples sorted by the same key gave).
    public init(x: [Int], tx: [Double], T: [Double]) throws(CLVError) {
        guard x.count == tx.count, x.count == T.count else { throw .invalidInput("x, t_x and T differ in length") }
        var sumT = 0.0, sumX = 0.0
        for i in x.indices {
            let xi = x[i], ti = tx[i], ai = T[i]
            guard xi >= 0, ti.isFinite, ai.isFinite, ti >= 0, ai >= ti else {
                throw .invalidInput("customer \(i): x=\(xi), t_x=\(ti), T=\(ai) (need x ≥ 0, 0 ≤ t_x ≤ T, finite)")
            }
            guard xi > 0 || ti == 0 else { throw .invalidInput("customer \(i): t_x=\(ti) with x=0 (must be 0)") }
            customerCount += 1
            if xi > 0 { repeatBuyerCount += 1 }
            longestAge = max(longestAge, ai)
            sumT += ai; sumX += Double(xi)
        }
        if customerCount > 0 { meanAge = sumT / Double(customerCount); meanFrequency = sumX / Double(customerCount) }
        guard !x.isEmpty else { return }
        let sorted: [Int32]
        if let packed = Self.packedKeys(x: x, tx: tx, T: T) {
            sorted = RadixSort.order(packed).indices
        } else {
            let byTx = RadixSort.order(tx.map(RadixSort.key)).indices
            let byT = RadixSort.order(T.map(RadixSort.key), subset: byTx).indices
            sorted = RadixSort.order(x.map { UInt64($0) }, subset: byT).indices
        }
        var xPos: [Int: Int32] = [:], txPos: [UInt64: Int32] = [:], tPos: [UInt64: Int32] = [:]
        var previous = -1
        for s in sorted {
            let i = Int(s)
            if previous >= 0, x[i] == x[previous], T[i].bitPattern == T[previous].bitPattern,
               tx[i].bitPattern == tx[previous].bitPattern {
                weight[weight.count - 1] += 1
                continue
            }
            previous = i
            let xk = x[i], txk = tx[i].bitPattern, tk = T[i].bitPattern
            let xi = xPos[xk] ?? { xs.append(xk); xPos[xk] = Int32(xs.count - 1); return Int32(xs.count - 1) }()
            let ti = txPos[txk] ?? {
                recencies.append(tx[i]); txPos[txk] = Int32(recencies.count - 1); return Int32(recencies.count - 1)
            }()
            let ai = tPos[tk] ?? { ages.append(T[i]); tPos[tk] = Int32(ages.count - 1); return Int32(ages.count - 1) }()
            xIndex.append(xi); txIndex.append(ti); tIndex.append(ai); weight.append(1)
        }
    }

    /// One key per customer ordering like (x, T, t_x) when every time is a whole number of
    /// days in weeks or days (n / 7 or n, as ``CLVSummary`` makes them): x, 7T and 7t_x packed
    /// into 21 bits each. Equal keys are equal triples (bit for bit): each time is checked to
    /// be exactly n / 7 for its n, and n / 7 is strictly increasing in n. Nil otherwise.
    static func packedKeys(x: [Int], tx: [Double], T: [Double]) -> [UInt64]? {
        let limit = Double(1 << 21)
        var keys = [UInt64](repeating: 0, count: x.count)
        for i in x.indices {
            let a = (T[i] * 7).rounded(), b = (tx[i] * 7).rounded()
            guard x[i] < 1 << 21, a.sign == .plus, a < limit, b.sign == .plus, b < limit,
                  (a / 7).bitPattern == T[i].bitPattern, (b / 7).bitPattern == tx[i].bitPattern else { return nil }
            keys[i] = UInt64(x[i]) << 42 | UInt64(a) << 21 | UInt64(b)
        }
        return keys
    }
}
