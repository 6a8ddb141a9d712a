import AcumenAnalytics

/// One column of the accounts table as a bucket per row, so that any order of rows is sorted by
/// the column with one counting sort (two passes over the rows), stably.
///
/// Buckets follow the column's ascending order (``AccountColumn/sortKey(_:)``): equal values
/// share a bucket, a smaller value has a smaller bucket (buckets may be left empty). Rows with
/// no value (``AccountColumn/isUnknown(_:_:)``) take the bucket ``buckets``, after every known
/// one, so they go last in both directions — the same order as ``AccountColumn/sorted(_:_:descending:)``.
///
/// Memory: 4 bytes per row (a million rows: 4 MB).
public struct SortBuckets: Sendable {
    /// The bucket of each row; ``buckets`` for a row without value (empty when ``runs`` keeps
    /// the column instead).
    public var rank: [UInt32] { wide.isEmpty && !narrow.isEmpty ? narrow.map(UInt32.init) : wide }
    /// The buckets as kept: one byte per row when they fit (coded columns), else four.
    private let wide: [UInt32]
    private let narrow: [UInt8]
    /// Number of buckets of known values.
    public let buckets: Int
    /// For columns of many values: the rows in ascending order and its runs of equal values
    /// (``TieRuns``), used instead of ``rank``.
    public let runs: TieRuns?

    /// From this many buckets a column is kept as ``TieRuns`` (a counting sort over a million
    /// buckets misses the cache on every row).
    public static let runsFrom = 4_096

    public init(rank: [UInt32], buckets: Int) {
        if buckets >= Self.runsFrom {
            runs = TieRuns(rank: rank, buckets: buckets)
            wide = []
        } else {
            runs = nil
            wide = rank
        }
        narrow = []
        self.buckets = buckets
    }

    /// Buckets of one byte per row (fewer than 255 buckets).
    init(narrow: [UInt8], buckets: Int) {
        self.narrow = narrow
        wide = []
        runs = nil
        self.buckets = buckets
    }

    /// The buckets of `column` in `t`: the codes themselves for small coded columns (one pass, no
    /// sort), else the dense ranks of the sort keys (one radix sort), names by ``NameCollation``.
    /// - Complexity: O(rows) for coded columns; O(rows · key digits) for numbers; O(n log n) for names.
    public init(_ column: AccountColumn, _ t: AccountTable) {
        let n = t.count
        if column == .name { self = Self.names(t.names.all); return }
        guard let keyOf = column.sortKey(t) else { self.init(rank: [UInt32](repeating: 0, count: n), buckets: 1); return }
        var keys = [UInt64](repeating: 0, count: n)
        var known = [Bool](repeating: true, count: n)
        var small = column.isCoded
        var largest: UInt64 = 0
        for i in 0..<n {
            if column.isUnknown(t, i) { known[i] = false; continue }
            let k = keyOf(i)
            keys[i] = k
            if k > largest { largest = k }
        }
        if largest >= 1 << 16 { small = false }
        if small {
            let unknown = UInt32(largest) + 1
            if unknown < 255 {
                self.init(narrow: (0..<n).map { known[$0] ? UInt8(keys[$0]) : UInt8(unknown) }, buckets: Int(unknown))
                return
            }
            let rank = (0..<n).map { known[$0] ? UInt32(keys[$0]) : unknown }
            self.init(rank: rank, buckets: Int(unknown))
            return
        }
        var rows: [Int32] = (0..<n).compactMap { known[$0] ? Int32($0) : nil }
        var sortedKeys = rows.map { keys[Int($0)] }
        RadixSort.sortInPlace(keys: &sortedKeys, values: &rows)
        var rank = [UInt32](repeating: 0, count: n)
        var r: UInt32 = 0
        for j in rows.indices {
            if j > 0, sortedKeys[j] != sortedKeys[j - 1] { r += 1 }
            rank[Int(rows[j])] = r
        }
        let buckets = rows.isEmpty ? 0 : Int(r) + 1
        for i in 0..<n where !known[i] { rank[i] = UInt32(buckets) }
        self.init(rank: rank, buckets: buckets)
    }

    /// Dense ranks of names in ``NameCollation`` order: equal only when the names are the same
    /// Unicode scalars (as ``NameCollation/sorted(_:names:descending:)`` decides ties).
    static func names(_ names: [String]) -> SortBuckets {
        let order = NameCollation.sorted((0..<Int32(names.count)).map { $0 }, names: names, descending: false)
        var rank = [UInt32](repeating: 0, count: names.count)
        var r: UInt32 = 0
        for j in order.indices {
            if j > 0, !names[Int(order[j])].unicodeScalars.elementsEqual(names[Int(order[j - 1])].unicodeScalars) { r += 1 }
            rank[Int(order[j])] = r
        }
        return SortBuckets(rank: rank, buckets: order.isEmpty ? 0 : Int(r) + 1)
    }

    /// `rows` ordered by bucket (descending: known buckets reversed, unknown still last), equal
    /// buckets in their order in `rows`.
    /// - Complexity: O(rows + buckets): a counting pass and a placing pass.
    public func sorted(_ rows: [Int32], descending: Bool) -> [Int32] {
        guard rows.count > 1 else { return rows }
        if let runs { return runs.sorted(rows, descending: descending) }
        if wide.isEmpty { return narrow.withUnsafeBufferPointer { Self.countingSort(rows, $0, buckets: buckets, descending: descending) } }
        return wide.withUnsafeBufferPointer { Self.countingSort(rows, $0, buckets: buckets, descending: descending) }
    }

    /// The counting sort of `rows` by `rank`: each row's bucket read once (the only random
    /// access), counted, then the rows placed in a sequential pass.
    private static func countingSort<R: FixedWidthInteger>(_ rows: [Int32], _ rk: UnsafeBufferPointer<R>, buckets: Int,
                                                           descending: Bool) -> [Int32] {
        let unknown = buckets
        var next = [Int](repeating: 0, count: buckets + 2)
        var bucketOf = [UInt32](repeating: 0, count: rows.count)
        var out = [Int32](repeating: 0, count: rows.count)
        next.withUnsafeMutableBufferPointer { nx in
            bucketOf.withUnsafeMutableBufferPointer { bs in
                for (i, r) in rows.enumerated() {
                    let b = Int(rk[Int(r)])
                    let c = descending && b < unknown ? unknown - 1 - b : b
                    bs[i] = UInt32(c)
                    nx[c + 1] += 1
                }
                for b in 1..<nx.count { nx[b] += nx[b - 1] }
                out.withUnsafeMutableBufferPointer { o in
                    for (i, r) in rows.enumerated() {
                        let b = Int(bs[i])
                        o[nx[b]] = r
                        nx[b] += 1
                    }
                }
            }
        }
        return out
    }
}

extension AccountColumn {
    /// Whether the column's sort key is a small code (a position or a rank of few names).
    var isCoded: Bool {
        switch self {
        case .tier, .abc, .segment, .strategy, .owner, .triage, .tags: true
        default: false
        }
    }
}
