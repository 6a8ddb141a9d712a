import Foundation

/// The values a column's sort buckets (``SortBuckets``) were computed from, to tell whether a
/// table still shows them: the arrays themselves (held, so the same storage means the same
/// values) and the name lists that rank coded values.
///
/// `same(as:)` is O(1) when both hold the same storage (copies of one table) and one `memcmp`
/// of the column otherwise (a million scores: 8 MB, well under a millisecond).
struct SortSource: @unchecked Sendable {
    /// The column's values (one array of a trivial element type), or nil for names.
    private let values: AnyValues?
    /// The names ranking the codes (segment, owner, tag names), or the row count.
    private let labels: [String]
    /// For names: the table's text column cache, which a new table replaces.
    private let identity: ObjectIdentifier?

    init(_ column: AccountColumn, _ t: AccountTable) {
        var labels: [String] = [String(t.count)]
        var identity: ObjectIdentifier?
        let values: AnyValues?
        switch column {
        case .name:
            values = nil
            // A column read from the workspace is the same while the table is; a stored one by its text.
            if let id = t.names.sourceIdentity { identity = id } else { labels += t.names.all }
        case .tier: values = AnyValues(t.tier)
        case .score: values = AnyValues(t.score)
        case .abc: values = AnyValues(t.abc)
        case .segment: values = AnyValues(t.segment); labels += t.segmentNames
        case .revenue: values = AnyValues(t.revenue)
        case .contribution: values = AnyValues(t.contribution)
        case .clv: values = AnyValues(t.clv)
        case .strategy: values = AnyValues(t.strategy)
        case .owner: values = AnyValues(t.owner); labels += t.ownerNames
        case .triage: values = AnyValues(t.triage.map(\.rawValue))
        case .trend: values = AnyValues(t.lastMonth)
        case .tags: values = AnyValues(t.tags); labels += t.tagNames
        case .deltaScore: values = AnyValues(t.deltaScore)
        case .deltaRank: values = AnyValues(t.deltaRank)
        }
        self.values = values
        self.labels = labels
        self.identity = identity
    }

    /// Whether `other` holds the same values.
    func same(as other: SortSource) -> Bool {
        guard labels == other.labels, identity == other.identity else { return false }
        switch (values, other.values) {
        case (nil, nil): return true
        case (let a?, let b?): return a.same(as: b)
        default: return false
        }
    }

    /// An array of a trivial element type, compared by its bytes.
    struct AnyValues {
        /// The array, held so its storage is not reused while kept.
        private let array: Any
        private let sameBytes: (Any) -> Bool

        init<T: BitwiseCopyable>(_ a: [T]) {
            array = a
            sameBytes = { other in
                guard let b = other as? [T], b.count == a.count else { return false }
                return a.withUnsafeBytes { pa in
                    b.withUnsafeBytes { pb in
                        pa.baseAddress == pb.baseAddress || pa.isEmpty
                            || (pa.baseAddress.flatMap { x in pb.baseAddress.map { y in memcmp(x, y, pa.count) == 0 } } ?? false)
                    }
                }
            }
        }

        func same(as other: AnyValues) -> Bool { sameBytes(other.array) }
    }
}
