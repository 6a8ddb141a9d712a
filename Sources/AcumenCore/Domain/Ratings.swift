/// A customer's rated criteria on a 0–10 scale; a criterion not set is *unknown*, not zero.
///
/// Stored inline (a bit mask and sixteen doubles) instead of a dictionary, so a million
/// customers cost no per-customer allocation. Reads like a dictionary:
/// `ratings[.risk]` is `Double?`, assigning `nil` makes it unknown, and iteration yields the
/// known `(key, value)` pairs in ``Criterion/rated`` order.
public struct Ratings: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    private var known: UInt16 = 0
    private var values = SIMD16<Double>()

    /// The most rated criteria a value can hold (the mask's bits, the vector's lanes).
    public static let capacity = 16

    /// No ratings known.
    public init() {}

    public init(dictionaryLiteral elements: (Criterion, Double)...) {
        for (c, v) in elements { self[c] = v }
    }

    /// The rating of a criterion, nil when unknown (or when the criterion is not a rated one).
    public subscript(criterion: Criterion) -> Double? {
        get {
            guard let k = criterion.ratedIndex, known & (1 << k) != 0 else { return nil }
            return values[k]
        }
        set {
            guard let k = criterion.ratedIndex else { return }
            if let newValue {
                known |= 1 << k
                values[k] = newValue
            } else {
                known &= ~(1 << k)
                values[k] = 0
            }
        }
    }

    /// True when no criterion is rated.
    public var isEmpty: Bool { known == 0 }

    /// Number of known ratings.
    public var count: Int { known.nonzeroBitCount }

    public func makeIterator() -> Iterator { Iterator(ratings: self) }

    /// Iterates the known ratings in ``Criterion/rated`` order.
    public struct Iterator: IteratorProtocol {
        let ratings: Ratings
        var position = 0

        public mutating func next() -> (key: Criterion, value: Double)? {
            while position < Criterion.rated.count {
                defer { position += 1 }
                if ratings.known & (1 << position) != 0 { return (Criterion.rated[position], ratings.values[position]) }
            }
            return nil
        }
    }

    /// The known-criteria bit mask (bit `j` for ``Criterion/rated`` position `j`): for columnar
    /// storage (the customer cache).
    package var knownMask: UInt16 { known }

    /// Ratings from a bit mask and values by rated position (unknown lanes are ignored and
    /// stored as 0, as the subscript does).
    package init(knownMask: UInt16, values v: SIMD16<Double>) {
        known = knownMask
        for j in 0..<Self.capacity where knownMask & (1 << j) != 0 { values[j] = v[j] }
    }

    /// The rating at a position of ``Criterion/rated`` (0 ..< rated count), nil when unknown.
    @inline(__always)
    public func value(atRatedIndex j: Int) -> Double? { known & (1 << j) != 0 ? values[j] : nil }
}
