/// A customer's rated criteria on a 0–10 scale; a criterion not set is *unknown*, not zero.
///
/// Stored inline in 48 bytes instead of a dictionary, so a million customers cost no
/// per-customer allocation: a bit mask of the known criteria and sixteen `UInt16` lanes in
/// thousandths (fixed point, exact for every rating with at most three decimals, which is
/// what people and the demo write). A value that is not a whole number of thousandths (say
/// `3.14159`) is kept exactly as well: then all lanes move to an out-of-line `Double` box,
/// so reads always return the `Double` that was set. Reads like a dictionary:
/// `ratings[.risk]` is `Double?`, assigning `nil` makes it unknown, and iteration yields the
/// known `(key, value)` pairs in ``Criterion/rated`` order.
public struct Ratings: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// Known values in thousandths; 0 in unknown lanes and while ``exact`` holds the values.
    private var thousandths = SIMD16<UInt16>()
    /// Every lane as a `Double`, present only when a known value is not a whole number of
    /// thousandths in 0…65.535.
    private var exact: Exact?
    private var known: UInt16 = 0

    /// Out-of-line exact values (immutable; a change makes a new box).
    private final class Exact: Sendable {
        let values: SIMD16<Double>
        init(_ values: SIMD16<Double>) { self.values = values }
    }

    /// The most rated criteria a value can hold (the mask's bits, the vector's lanes).
    public static let capacity = 16

    /// No ratings known.
    public init() {}

    public init(dictionaryLiteral elements: (Criterion, Double)...) {
        for (c, v) in elements { self[c] = v }
    }

    /// `v` in thousandths when that is exact, else nil.
    @inline(__always)
    private static func fixedPoint(_ v: Double) -> UInt16? {
        guard v >= 0, v <= 65.535 else { return nil }
        let n = (v * 1000).rounded()
        return Double(n) / 1000 == v ? UInt16(n) : nil
    }

    /// The rating of a criterion, nil when unknown (or when the criterion is not a rated one).
    public subscript(criterion: Criterion) -> Double? {
        get { criterion.ratedIndex.flatMap { value(atRatedIndex: $0) } }
        set {
            guard let k = criterion.ratedIndex else { return }
            let bit: UInt16 = 1 << UInt16(k)
            if exact == nil, let v = newValue, let n = Self.fixedPoint(v) {
                known |= bit
                thousandths[k] = n
                return
            }
            var lanes = values
            if let newValue { known |= bit; lanes[k] = newValue } else { known &= ~bit; lanes[k] = 0 }
            store(lanes)
        }
    }

    /// Every lane as a `Double` (0 for unknown ones).
    private var values: SIMD16<Double> {
        if let exact { return exact.values }
        var out = SIMD16<Double>()
        for j in 0..<Self.capacity where known & (1 << UInt16(j)) != 0 { out[j] = Double(thousandths[j]) / 1000 }
        return out
    }

    /// Stores the known lanes of `lanes` in fixed point, or in the box when one is not exact.
    private mutating func store(_ lanes: SIMD16<Double>) {
        var fixed = SIMD16<UInt16>()
        var boxed = SIMD16<Double>()
        var allFixed = true
        var bits = known
        while bits != 0 {
            let j = bits.trailingZeroBitCount
            bits &= bits - 1
            boxed[j] = lanes[j]
            if let n = Self.fixedPoint(lanes[j]) { fixed[j] = n } else { allFixed = false }
        }
        thousandths = allFixed ? fixed : SIMD16<UInt16>()
        exact = allFixed ? nil : Exact(boxed)
    }

    /// True when no criterion is rated.
    public var isEmpty: Bool { known == 0 }

    /// Number of known ratings.
    public var count: Int { known.nonzeroBitCount }

    /// The known-criteria bit mask (bit `j` for ``Criterion/rated`` position `j`): for columnar
    /// storage (the customer cache).
    package var knownMask: UInt16 { known }

    /// Ratings from a bit mask and values by rated position (unknown lanes are ignored).
    package init(knownMask: UInt16, values v: SIMD16<Double>) {
        known = knownMask
        store(v)
    }

    /// The lanes in thousandths when every known value is a whole number of thousandths
    /// (nil when the exact box holds them): for columnar storage (the customer cache).
    package var fixedPointLanes: SIMD16<UInt16>? { exact == nil ? thousandths : nil }

    /// Ratings from a bit mask and lanes in thousandths (unknown lanes must be 0), as
    /// ``fixedPointLanes`` returned them: no conversion, no allocation.
    package init(knownMask: UInt16, thousandths lanes: SIMD16<UInt16>) {
        known = knownMask
        thousandths = lanes
    }

    public func makeIterator() -> Iterator { Iterator(ratings: self) }

    /// Iterates the known ratings in ``Criterion/rated`` order.
    public struct Iterator: IteratorProtocol {
        let ratings: Ratings
        var position = 0

        public mutating func next() -> (key: Criterion, value: Double)? {
            while position < Criterion.rated.count {
                defer { position += 1 }
                if let v = ratings.value(atRatedIndex: position) { return (Criterion.rated[position], v) }
            }
            return nil
        }
    }

    /// The rating at a position of ``Criterion/rated`` (0 ..< rated count), nil when unknown.
    @inline(__always)
    public func value(atRatedIndex j: Int) -> Double? {
        guard known & (1 << UInt16(j)) != 0 else { return nil }
        if let exact { return exact.values[j] }
        return Double(thousandths[j]) / 1000
    }

    public static func == (a: Ratings, b: Ratings) -> Bool {
        guard a.known == b.known else { return false }
        if a.exact == nil, b.exact == nil { return a.thousandths == b.thousandths }
        return a.values == b.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(known)
        for j in 0..<Self.capacity where known & (1 << UInt16(j)) != 0 { hasher.combine(value(atRatedIndex: j)) }
    }
}
