import AcumenCore
/// ABC classes and the Pareto curve on a value measure (revenue or contribution in the window).
///
/// Customers are sorted by value, highest first, ties by id ascending. With `v⁺ = max(v, 0)`
/// (negative values count as zero), `T = Σ v⁺` and `cumBefore` the sum of `v⁺` of the customers
/// strictly before one, the class is **A** if `cumBefore < a · T`, else **B** if
/// `cumBefore < b · T`, else **C** (`a`, `b` from ``ABCSettings``, default 0.80 / 0.95). The
/// comparison is exact: integer minor units against the double product. With `T = 0`
/// everybody is C. Source: the Pareto principle as used in ABC inventory classification
/// (Dickie 1951, "ABC inventory analysis shoots for dollars, not pennies").
public struct ABCAnalysis: Sendable {
    /// The three classes.
    public static let classNames = ["A", "B", "C"]

    /// Class per customer: 0 = A, 1 = B, 2 = C.
    public let classes: [UInt8]
    /// Customers by descending value (ties by id); the x-axis of the Pareto curve.
    public let order: [Int32]
    /// Running sum of `v⁺` after each position of ``order`` (minor units).
    public let cumulative: [Int64]
    /// `T`, the sum of positive values (minor units).
    public let total: Int64
    /// Customers per class (A, B, C).
    public let counts: [Int]

    /// Classifies `values` (minor units) with ties broken by `idOrder`.
    init(values: [Int64], idOrder: IdentifierOrder, settings: ABCSettings) {
        let n = values.count
        let sorted = RadixSort.order(values.map { UInt64.max - UInt64(max(0, $0)) }, subset: idOrder.order)
        order = sorted.indices
        // `v⁺` in sorted order is `UInt64.max − key`: read in order, not gathered from `values`.
        var cum = [Int64](unsafeUninitializedCapacity: n) { _, c in c = n }
        var running: Int64 = 0
        sorted.keys.withUnsafeBufferPointer { ks in
            cum.withUnsafeMutableBufferPointer { out in
                let m = min(n, ks.count)
                for pos in 0..<m { running &+= Int64(bitPattern: UInt64.max - ks[pos]); out[pos] = running }
                for pos in m..<n { out[pos] = 0 }
            }
        }
        cumulative = cum
        total = running
        let ta = settings.a * Double(running), tb = settings.b * Double(running)
        var cls = [UInt8](repeating: 2, count: n)
        var counts = [0, 0, 0]
        var before: Int64 = 0
        for (pos, k) in order.enumerated() {
            let c: UInt8 = Double(before) < ta ? 0 : Double(before) < tb ? 1 : 2
            cls[Int(k)] = c
            counts[Int(c)] += 1
            before = cum[pos]
        }
        classes = cls
        self.counts = counts
    }

    /// The class letter of customer `k`.
    public func className(_ k: Int) -> String { Self.classNames[Int(classes[k])] }

    /// Number of customers in the top 20 %: `⌈n / 5⌉`.
    public var top20Count: Int { (order.count + 4) / 5 }

    /// Share 0–1 of `T` held by the top ``top20Count`` customers; 0 when `T = 0`.
    public var top20Share: Double {
        guard total > 0, top20Count > 0 else { return 0 }
        return Double(cumulative[top20Count - 1]) / Double(total)
    }

    /// Points of the Pareto curve: `(customer share, cumulative value share)`, both 0–1, from
    /// (0, 0) to (1, 1), at `points` evenly spaced customer shares (every customer when fewer).
    public func paretoCurve(points: Int = 101) -> [ParetoPoint] {
        let n = order.count
        guard n > 0 else { return [ParetoPoint(customerShare: 0, valueShare: 0)] }
        let steps = max(1, min(n, points - 1))
        var out = [ParetoPoint(customerShare: 0, valueShare: 0)]
        for s in 1...steps {
            let upto = (s * n + steps / 2) / steps  // customers included
            let v = total > 0 ? Double(cumulative[upto - 1]) / Double(total) : 0
            out.append(ParetoPoint(customerShare: Double(upto) / Double(n), valueShare: v))
        }
        return out
    }
}

/// One point of a Pareto curve.
public struct ParetoPoint: Sendable, Hashable {
    /// Share of customers included, best first (0–1).
    public var customerShare: Double
    /// Share of the total value they hold (0–1).
    public var valueShare: Double
}
