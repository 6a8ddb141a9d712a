import AcumenCore
/// RFM scores 1–5 (5 best) by quintile with `rank_min` ties, and one segment per customer.
///
/// - R ranks `−(days since the last purchase)` (customers who never purchased rank lowest);
///   F ranks lifetime purchases (distinct days before `asOf`); M ranks revenue in the window.
/// - `score = ⌈5 · rank_min / n⌉` where `rank_min` is one more than the number of the `n`
///   customers whose value is below this customer's: equal values share a score, the lowest
///   their rank allows.
/// - Segment: the first rule of ``RFMSettings/segments`` whose recency range contains R and whose
///   frequency range contains F. A cell no rule covers gets ``unclassified`` (counted in
///   ``unmatched``) so every customer has exactly one segment.
///
/// Source: Hughes (1994), *Strategic Database Marketing*, for RFM quintiles; the segment grid is
/// the widely used 5×5 recency × frequency map (e.g. Putler, "RFM segments").
public struct RFMAnalysis: Sendable {
    /// Segment name given when no rule of the map matches.
    public static let unclassified = "Unclassified"

    /// Scores 1–5 per customer.
    public let r: [UInt8]
    public let f: [UInt8]
    public let m: [UInt8]
    /// Segment index per customer into ``segmentNames``.
    public let segment: [UInt16]
    /// Distinct segment names in rule order; ``unclassified`` last when the map has gaps.
    public let segmentNames: [String]
    /// Number of customers no rule matched.
    public let unmatched: Int
    /// The (R, F) cells no rule covers, e.g. `[(3, 5)]`.
    public let uncoveredCells: [(r: Int, f: Int)]

    /// Scores customers from their ranked recency, frequency and monetary columns.
    init(recency: ColumnRanks, frequency: ColumnRanks, monetary: ColumnRanks, settings: RFMSettings) {
        r = recency.quintiles(); f = frequency.quintiles(); m = monetary.quintiles()
        var names: [String] = []
        var cell = [Int](repeating: -1, count: 36)
        var uncovered: [(Int, Int)] = []
        for rs in 1...5 {
            for fs in 1...5 {
                if let rule = settings.segments.first(where: { $0.recency.contains(rs) && $0.frequency.contains(fs) }) {
                    if let i = names.firstIndex(of: rule.segment) { cell[rs * 6 + fs] = i } else {
                        names.append(rule.segment); cell[rs * 6 + fs] = names.count - 1
                    }
                } else { uncovered.append((rs, fs)) }
            }
        }
        // Keep the map's order for names, not the order cells were met.
        var ordered: [String] = []
        for rule in settings.segments where names.contains(rule.segment) && !ordered.contains(rule.segment) { ordered.append(rule.segment) }
        let remap = names.map { name in ordered.firstIndex(of: name) ?? 0 }
        for j in cell.indices where cell[j] >= 0 { cell[j] = remap[cell[j]] }
        if !uncovered.isEmpty {
            ordered.append(Self.unclassified)
            for (rs, fs) in uncovered { cell[rs * 6 + fs] = ordered.count - 1 }
        }
        var seg = [UInt16](repeating: 0, count: r.count)
        var unmatched = 0
        let fallback = uncovered.isEmpty ? -1 : ordered.count - 1
        for k in r.indices {
            let c = cell[Int(r[k]) * 6 + Int(f[k])]
            if c == fallback { unmatched += 1 }
            seg[k] = UInt16(max(0, c))
        }
        segment = seg
        segmentNames = ordered
        self.unmatched = unmatched
        uncoveredCells = uncovered
    }

    /// The segment name of customer `k`.
    public func segmentName(_ k: Int) -> String { segmentNames[Int(segment[k])] }

    /// The three digits `RFM`, e.g. `"545"`.
    public func code(_ k: Int) -> String { "\(r[k])\(f[k])\(m[k])" }
}
