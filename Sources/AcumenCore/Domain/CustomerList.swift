/// The workspace's customers in file order, stored in fixed-size chunks that are each
/// copy-on-write, so a snapshot (a save writing in the background, the analysis, undo) costs
/// O(chunks) and the first edit after it copies one chunk of ``chunkSize`` customers
/// (~80 KB) instead of the whole list (160 MB at a million customers). The analysis keeps the
/// customers it analysed, so a run of edits between two analyses copies one chunk each: 512
/// customers to a chunk keep 100 triage decisions under 8 MB (4,096 cost 62 MB).
///
/// A `RandomAccessCollection` and `MutableCollection` with `Int` indices from 0, like the
/// `[Customer]` it replaces: `customers[k].name`, `customers[k].owner = x`, `count`, `map`,
/// `for c in customers` read and write the same way. Every chunk but the last holds exactly
/// ``chunkSize`` customers and the last is not empty, so equal lists have equal chunks.
public struct CustomerList: RandomAccessCollection, MutableCollection, Hashable, Sendable, ExpressibleByArrayLiteral {
    /// Customers per chunk (a power of two: the position splits into chunk and offset by shifts).
    public static let chunkSize = 1 << chunkShift
    @usableFromInline static let chunkShift = 9
    @usableFromInline static let chunkMask = chunkSize - 1

    /// The chunks, each its own copy-on-write array.
    @usableFromInline var chunks: [[Customer]]
    public private(set) var count: Int

    /// An empty list.
    public init() {
        chunks = []
        count = 0
    }

    /// The customers of `array`, in order.
    public init(_ array: [Customer]) {
        self.init(joining: [array])
    }

    /// The customers of `sequence`, in order.
    public init<S: Sequence>(_ sequence: S) where S.Element == Customer {
        self.init()
        for c in sequence { append(c) }
    }

    public init(arrayLiteral elements: Customer...) {
        self.init(elements)
    }

    /// The customers of `parts` one after another, in order (for customers read by ranges,
    /// e.g. on several cores).
    public init(joining parts: [[Customer]]) {
        self.init()
        let total = parts.reduce(0) { $0 + $1.count }
        chunks.reserveCapacity((total + Self.chunkMask) >> Self.chunkShift)
        for part in parts {
            var from = 0
            while from < part.count {
                if chunks.isEmpty || chunks[chunks.count - 1].count == Self.chunkSize {
                    chunks.append([])
                    chunks[chunks.count - 1].reserveCapacity(Swift.min(Self.chunkSize, total - count))
                }
                let room = Self.chunkSize - chunks[chunks.count - 1].count
                let to = Swift.min(part.count, from + room)
                chunks[chunks.count - 1].append(contentsOf: part[from..<to])
                count += to - from
                from = to
            }
        }
    }

    /// Builds `count` customers chunk by chunk, on all cores: `fill(range, &chunk)` appends the
    /// customers at the positions `range` (one chunk's, in order) to `chunk`, which starts empty
    /// with room for them. Chunks are independent, so `fill` may run concurrently.
    public init(count: Int, fill: (_ range: Range<Int>, _ chunk: inout [Customer]) -> Void) {
        let n = (count + Self.chunkMask) >> Self.chunkShift
        func build(_ j: Int) -> [Customer] {
            let range = (j << Self.chunkShift)..<Swift.min(count, (j + 1) << Self.chunkShift)
            var chunk: [Customer] = []
            chunk.reserveCapacity(range.count)
            fill(range, &chunk)
            return chunk
        }
        let built = count >= 4 * Self.chunkSize ? Parallel.map(n, build) : (0..<n).map(build)
        // A `fill` that appended another number is repaired by re-chunking (never silently truncated).
        if built.indices.allSatisfy({ built[$0].count == Swift.min(Self.chunkSize, count - ($0 << Self.chunkShift)) }) {
            chunks = built
            self.count = count
        } else {
            self = CustomerList(joining: built)
        }
    }

    /// Builds `count` customers chunk by chunk, on all cores, in place: `initialize(range, base)`
    /// must initialise the `range.count` customers at `base` (positions `range`, one chunk's, in
    /// order) — no customer is copied or moved afterwards. Chunks are independent, so
    /// `initialize` may run concurrently.
    package init(count: Int, initializing initialize: (_ range: Range<Int>, _ base: UnsafeMutablePointer<Customer>) -> Void) {
        let n = (count + Self.chunkMask) >> Self.chunkShift
        func build(_ j: Int) -> [Customer] {
            let range = (j << Self.chunkShift)..<Swift.min(count, (j + 1) << Self.chunkShift)
            return [Customer](unsafeUninitializedCapacity: range.count) { buffer, initialized in
                initialize(range, buffer.baseAddress.unsafelyUnwrapped)
                initialized = range.count
            }
        }
        chunks = count >= 4 * Self.chunkSize ? Parallel.map(n, build) : (0..<n).map(build)
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public func index(after i: Int) -> Int { i + 1 }
    public func index(before i: Int) -> Int { i - 1 }
    public var isEmpty: Bool { count == 0 }

    /// Read in place (a borrow, inlined into the caller): `customers[k].costToServe` copies one
    /// field, not the whole customer with its strings' reference counts.
    @inlinable public subscript(position: Int) -> Customer {
        _read { yield chunks[position >> Self.chunkShift][position & Self.chunkMask] }
        _modify { yield &chunks[position >> Self.chunkShift][position & Self.chunkMask] }
    }

    /// Adds a customer at the end (starting a new chunk when the last one is full).
    public mutating func append(_ c: Customer) {
        if chunks.isEmpty || chunks[chunks.count - 1].count == Self.chunkSize {
            chunks.append([c])
        } else {
            chunks[chunks.count - 1].append(c)
        }
        count += 1
    }

    /// Number of chunks.
    public var chunkCount: Int { chunks.count }

    /// The customers of chunk `j` (positions `j * chunkSize ..< min(count, (j + 1) * chunkSize)`),
    /// shared, not copied.
    public func chunk(_ j: Int) -> [Customer] { chunks[j] }

    /// Calls `body(k, customer)` for every customer in order with a pointer to it in its
    /// chunk: read through it (`customer.pointee.isPlain`), a field is loaded without a copy of
    /// the customer, so its strings and details are not retained and released (a pass over a
    /// million customers that looks at few fields of each).
    @inlinable public func forEachInPlace(_ body: (_ k: Int, _ customer: UnsafePointer<Customer>) throws -> Void) rethrows {
        var first = 0
        for chunk in chunks {
            try chunk.withUnsafeBufferPointer { c in
                guard let base = c.baseAddress else { return }
                for i in c.indices { try body(first + i, base + i) }
            }
            first += chunk.count
        }
    }

    /// Walks the chunks in order without a bounds check per customer.
    public struct Iterator: IteratorProtocol {
        let chunks: [[Customer]]
        var j = 0, i = 0
        public mutating func next() -> Customer? {
            while j < chunks.count {
                if i < chunks[j].count {
                    defer { i += 1 }
                    return chunks[j][i]
                }
                j += 1
                i = 0
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(chunks: chunks) }

    /// The customers as one array (a copy: for tests and small workspaces).
    public var array: [Customer] { chunks.flatMap { $0 } }
}
