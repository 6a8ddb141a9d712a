import AcumenCore

/// Building a ``CriterionMatrix`` row by row, and replacing some of its rows: what the
/// eight-quarter history (one matrix per date, its rated rows shared) and the adoption of a
/// lifetime-value fit (only the `predictedCLV` and `pAlive` rows change) need without keeping
/// every raw column and every rank of a full analysis alive at once.
///
/// Each row is normalised exactly as ``CriterionMatrix/init(columns:count:settings:ranks:)``
/// does (``CriterionMatrix/normalise(_:setting:ranks:into:)``), so the values are the same.
extension CriterionMatrix {
    /// A matrix from its rows (`values[row * count + k]`) and known-mask, as built elsewhere.
    init(count: Int, values: [Float], knownMask: [UInt16]) {
        self.count = count
        self.values = values
        self.knownMask = knownMask
    }

    /// The ranks ``PortfolioAnalyzer/analyze(_:asOf:clv:)`` normalises a percentile criterion
    /// with: money from its integer minor units, everything else from the raw column; nil for
    /// the other normalisations (they need none).
    static func ranks(_ c: Criterion, raw: [Double], setting: CriterionSetting, revenue: [Int64], contribution: [Int64]) -> ColumnRanks? {
        guard setting.normalisation == .percentile else { return nil }
        switch c {
        case .monetary: return ColumnRanks(minor: revenue)
        case .contribution: return ColumnRanks(minor: contribution)
        default: return ColumnRanks(raw: raw)
        }
    }

    /// This matrix with the rows of `columns`' criteria normalised anew from those raw columns
    /// (NaN = unknown) and their known-mask bits set again; every other row is kept.
    /// - Complexity: O(n · criteria) to copy the matrix, plus the normalisation of the rows.
    func replacing(_ columns: [Criterion: [Double]], settings: Settings, revenue: [Int64], contribution: [Int64]) -> CriterionMatrix {
        let n = count
        var rows = values
        rows.withUnsafeMutableBufferPointer { buffer in
            for (c, raw) in columns where raw.count == n {
                let row = Self.row(of: c)
                let out = UnsafeMutableBufferPointer(rebasing: buffer[(row * n)..<((row + 1) * n)])
                out.update(repeating: 0)
                let setting = Self.setting(c, settings)
                Self.normalise(raw, setting: setting, ranks: Self.ranks(c, raw: raw, setting: setting, revenue: revenue, contribution: contribution),
                               into: out)
            }
        }
        var mask = knownMask
        var cleared: UInt16 = 0
        for c in columns.keys { if let b = Self.bit(of: c) { cleared |= 1 << UInt16(b) } }
        if cleared != 0 { for k in mask.indices { mask[k] &= ~cleared } }
        Self.knownBits(columns, into: &mask)
        return CriterionMatrix(count: n, values: rows, knownMask: mask)
    }
}
