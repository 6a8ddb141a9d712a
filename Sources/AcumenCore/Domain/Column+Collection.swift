/// ``Column`` as a collection: indexed from 0 like an `Array`, mutable and growable, equal and
/// hashed element by element, written as an array literal.
extension Column: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    public typealias Index = Int
    public typealias Indices = Range<Int>

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { _count }
    @inlinable public var indices: Range<Int> { 0..<_count }
    @inlinable public var isEmpty: Bool { _count == 0 }
    @inlinable public func index(after i: Int) -> Int { i + 1 }
    @inlinable public func index(before i: Int) -> Int { i - 1 }
    @inlinable public func index(_ i: Int, offsetBy n: Int) -> Int { i + n }
    @inlinable public func distance(from start: Int, to end: Int) -> Int { end - start }

    /// The element at `position` (checked: a position outside `0..<count` traps, as an array's does).
    @inlinable
    public subscript(position: Int) -> Element {
        get {
            precondition(UInt(bitPattern: position) < UInt(bitPattern: _count), "Column index out of range")
            return base.unsafelyUnwrapped[position]
        }
        set {
            precondition(UInt(bitPattern: position) < UInt(bitPattern: _count), "Column index out of range")
            mutableBase(minimumCapacity: _count)[position] = newValue
        }
    }

    @inlinable
    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R? {
        try body(UnsafeBufferPointer(start: base, count: _count))
    }

    @inlinable
    public mutating func withContiguousMutableStorageIfAvailable<R>(_ body: (inout UnsafeMutableBufferPointer<Element>) throws -> R) rethrows -> R? {
        let p = _count == 0 ? base : mutableBase(minimumCapacity: _count)
        var buffer = UnsafeMutableBufferPointer(start: p, count: _count)
        return try body(&buffer)
    }

    /// Adds the elements of `values` at the end (one copy when they are contiguous).
    public mutating func append<S: Sequence>(contentsOf values: S) where S.Element == Element {
        if let done: Void = values.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) { return done }
        reserveCapacity(count + values.underestimatedCount)
        for v in values { append(v) }
    }

    /// Replaces the elements at `range` with `values` (into a new buffer).
    public mutating func replaceSubrange<C: Collection>(_ range: Range<Int>, with values: C) where C.Element == Element {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "Column range out of bounds")
        if range.isEmpty, range.lowerBound == count { append(contentsOf: values); return }
        var out = Column()
        out.reserveCapacity(count - range.count + values.count)
        withUnsafeBufferPointer { all in
            out.append(contentsOf: UnsafeBufferPointer(rebasing: all[..<range.lowerBound]))
            out.append(contentsOf: values)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: all[range.upperBound...]))
        }
        self = out
    }
}

extension Column: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) {
        self.init(elements)
    }
}

extension Column: Equatable where Element: Equatable {
    @inlinable
    public static func == (a: Column, b: Column) -> Bool {
        guard a.count == b.count else { return false }
        if a.base == b.base { return true }
        return a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.elementsEqual(y) } }
    }
}

extension Column: Hashable where Element: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        withUnsafeBufferPointer { for v in $0 { hasher.combine(v) } }
    }
}

extension Column: CustomStringConvertible {
    public var description: String { array.description }
}
