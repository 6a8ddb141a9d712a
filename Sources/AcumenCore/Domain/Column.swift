/// A column of fixed-width values (`Int32`, `Int64`, `Bool`…) that reads like an `Array`:
/// either its own buffer, or a read-only view into memory kept alive by another object — the
/// transaction cache mapped from disk, so a warm open reads ten million rows in place instead
/// of copying 290 MB.
///
/// Copy on write, like `Array`: copies share the memory, and the first mutation of a column
/// that is shared or viewed (`append`, `column[i] = v`, `reserveCapacity`…) copies it into a
/// buffer of its own. Reads (`count`, `column[i]`, `withUnsafeBufferPointer`, iteration) are
/// inlined into the caller and cost what an array's do.
public struct Column<Element: BitwiseCopyable>: @unchecked Sendable {
    /// The memory (nil while nothing was ever stored).
    @usableFromInline var storage: ColumnStorage?
    /// The first element, typed (nil exactly when ``storage`` is nil).
    @usableFromInline var base: UnsafeMutablePointer<Element>?
    /// Number of elements (``count``).
    @usableFromInline var _count: Int

    /// Number of elements.
    @inlinable public var count: Int { _count }

    /// An empty column.
    @inlinable public init() {
        storage = nil; base = nil; _count = 0
    }

    /// The elements of `array`, copied into a buffer of the column's own.
    public init(_ array: [Element]) {
        self.init()
        array.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// `count` copies of `value`.
    public init(repeating value: Element, count: Int) {
        self.init()
        let p = mutableBase(minimumCapacity: count)
        p.initialize(repeating: value, count: count)
        _count = count
    }

    /// `count` elements written by `fill` into uninitialised memory (it must initialise all of them).
    public init(unsafeUninitializedCount count: Int, _ fill: (UnsafeMutableBufferPointer<Element>) throws -> Void) rethrows {
        self.init()
        let p = mutableBase(minimumCapacity: count)
        try fill(UnsafeMutableBufferPointer(start: p, count: count))
        _count = count
    }

    /// A read-only view of `count` elements at `start`, which `keeper` keeps alive and nobody
    /// changes while it lives (a read-only memory mapping). `start` must be aligned for `Element`
    /// and hold valid values (a `Bool` column's bytes 0 or 1).
    package init(viewing start: UnsafePointer<Element>, count: Int, keeper: AnyObject) {
        self.init()
        guard count > 0 else { return }
        let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(start), count: count * MemoryLayout<Element>.stride)
        storage = ColumnStorage(viewing: bytes, keeper: keeper)
        base = UnsafeMutablePointer(mutating: start)
        _count = count
    }

    /// Gives back the resident pages of a column that views a file mapped read-only (the
    /// transaction cache): they stay in the page cache and are read again from there. A
    /// column with memory of its own is unchanged. Values never change.
    public func releaseResidentPages() {
        storage?.releaseResidentPages()
    }

    /// Gives back the resident pages wholly inside elements `range` of a column that views a
    /// mapped file (a scan releasing what it has read); otherwise nothing changes.
    public func releaseResidentPages(_ range: Range<Int>) {
        guard let storage, !storage.isOwned, let base, range.lowerBound >= 0, range.upperBound <= _count, !range.isEmpty else { return }
        let stride = MemoryLayout<Element>.stride
        storage.releaseResidentPages(UnsafeRawBufferPointer(start: UnsafeRawPointer(base + range.lowerBound), count: range.count * stride))
    }

    /// Elements the current buffer holds without reallocating.
    @inlinable public var capacity: Int { (storage?.byteCapacity ?? 0) / MemoryLayout<Element>.stride }

    /// True when the elements are a read-only view (not copied into memory of the column's own).
    public var isView: Bool { storage.map { !$0.isOwned } ?? false }

    /// The first element's address for writing, after making the storage owned, unshared and
    /// able to hold `minimumCapacity` elements (copying the current elements when it was not).
    @inlinable
    mutating func mutableBase(minimumCapacity: Int) -> UnsafeMutablePointer<Element> {
        // Uniqueness first: a local reference to the storage would count as a second owner.
        if isKnownUniquelyReferenced(&storage), let base, storage.unsafelyUnwrapped.isOwned,
           storage.unsafelyUnwrapped.byteCapacity >= minimumCapacity * MemoryLayout<Element>.stride {
            return base
        }
        return reallocate(minimumCapacity: minimumCapacity)
    }

    /// Moves the elements into a new owned buffer of at least `minimumCapacity` elements.
    @usableFromInline
    mutating func reallocate(minimumCapacity: Int) -> UnsafeMutablePointer<Element> {
        let grown = minimumCapacity > capacity ? Swift.max(minimumCapacity, 2 * capacity) : minimumCapacity
        let capacity = Swift.max(grown, count, 1)
        let fresh = ColumnStorage(byteCapacity: capacity * MemoryLayout<Element>.stride, alignment: MemoryLayout<Element>.alignment)
        let p = fresh.start.bindMemory(to: Element.self, capacity: capacity)
        if let base, count > 0 { p.initialize(from: base, count: count) }
        storage = fresh
        base = p
        return p
    }

    /// Reserves room for `n` elements (and makes the column its own).
    public mutating func reserveCapacity(_ n: Int) {
        _ = mutableBase(minimumCapacity: Swift.max(n, count))
    }

    /// Adds an element at the end.
    @inlinable
    public mutating func append(_ value: Element) {
        let p = mutableBase(minimumCapacity: count + 1)
        (p + count).initialize(to: value)
        _count += 1
    }

    /// Adds contiguous elements at the end.
    public mutating func append(contentsOf values: UnsafeBufferPointer<Element>) {
        guard let from = values.baseAddress, !values.isEmpty else { return }
        let p = mutableBase(minimumCapacity: count + values.count)
        (p + count).initialize(from: from, count: values.count)
        _count += values.count
    }

    /// Removes every element; keeps the buffer when asked and it is the column's own.
    public mutating func removeAll(keepingCapacity keep: Bool = false) {
        if keep, isKnownUniquelyReferenced(&storage), storage.unsafelyUnwrapped.isOwned {
            _count = 0
        } else {
            self = Column()
        }
    }

    /// The elements as contiguous memory, for the duration of `body`.
    @inlinable
    public func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<Element>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The elements as contiguous writable memory (the column made its own first).
    @inlinable
    public mutating func withUnsafeMutableBufferPointer<R, E: Error>(_ body: (inout UnsafeMutableBufferPointer<Element>) throws(E) -> R) throws(E) -> R {
        let p = count == 0 ? base : mutableBase(minimumCapacity: count)
        var buffer = UnsafeMutableBufferPointer(start: p, count: count)
        return try body(&buffer)
    }

    /// The elements' bytes, for the duration of `body`.
    @inlinable
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(UnsafeBufferPointer(start: base, count: count)))
    }

    /// The elements as an array (a copy).
    public var array: [Element] {
        withUnsafeBufferPointer { Array($0) }
    }
}

extension Column {
    /// The elements at `rows`, in that order (each row must be a valid position).
    public func gathering(_ rows: [Int32]) -> Column {
        withUnsafeBufferPointer { from in
            Column(unsafeUninitializedCount: rows.count) { to in
                for (k, r) in rows.enumerated() { (to.baseAddress.unsafelyUnwrapped + k).initialize(to: from[Int(r)]) }
            }
        }
    }
}
