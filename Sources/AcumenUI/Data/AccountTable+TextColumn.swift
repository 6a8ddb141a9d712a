import Foundation

extension AccountTable {
    /// A text column of the accounts table (names, ids): read from the workspace row by row when
    /// a row is drawn, so the first screen builds no string per account.
    ///
    /// Rows are sanitised (``TextSanitizer``) as they are read, so screens can draw them
    /// directly. A column built from the workspace (``init(count:_:)``) keeps a reading closure
    /// over an immutable snapshot; the whole column is materialised once, on the first request
    /// that needs every row (a sort by name), and cached for every copy of the table. Tables
    /// built row by row (tests, fixtures) store their strings.
    public struct TextColumn: RandomAccessCollection, Sendable {
        private var stored: [String] = []
        private var source: (@Sendable (Int) -> String)?
        private var sourceCount = 0
        private var cache = Cache<[String]>()

        /// An empty stored column.
        public init() {}

        /// A stored column of these rows (sanitised).
        public init(_ rows: [String]) { stored = rows.map(TextSanitizer.sanitize) }

        /// A column of `count` rows read by `read` (unsanitised) on demand.
        public init(count: Int, _ read: @escaping @Sendable (Int) -> String) {
            source = read
            sourceCount = count
        }

        /// Number of rows.
        public var count: Int { source == nil ? stored.count : sourceCount }
        public var startIndex: Int { 0 }
        public var endIndex: Int { count }

        /// The sanitised text of row `i`.
        /// - Complexity: O(length of the text).
        public subscript(i: Int) -> String {
            guard let source else { return stored[i] }
            return TextSanitizer.sanitize(source(i))
        }

        /// Identifies a column read from the workspace (a new table has a new one); nil for a
        /// stored column.
        public var sourceIdentity: ObjectIdentifier? { source == nil ? nil : ObjectIdentifier(cache) }

        /// Every row, sanitised.
        /// - Complexity: O(rows) the first time for a lazy column, then O(1).
        public var all: [String] {
            guard let source else { return stored }
            return cache.get { (0..<sourceCount).map { TextSanitizer.sanitize(source($0)) } }
        }

        /// Appends a row (stored columns only; a lazy column is materialised first).
        public mutating func append(_ text: String) {
            if source != nil { stored = all; source = nil; cache = Cache<[String]>() }
            stored.append(TextSanitizer.sanitize(text))
        }

        /// Reserves room for `n` more stored rows.
        public mutating func reserveCapacity(_ n: Int) { stored.reserveCapacity(n) }

        /// Appends another column's rows.
        public mutating func append(contentsOf other: TextColumn) {
            if source != nil { stored = all; source = nil; cache = Cache<[String]>() }
            stored += other.all
        }
    }

    /// A value computed once on first use and shared by every copy of the table that holds it
    /// (thread-safe: the runtime may warm it on a background queue).
    final class Cache<Value: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Value?

        init() {}

        /// The value if it was computed.
        var value: Value? {
            lock.lock(); defer { lock.unlock() }
            return stored
        }

        /// The value if it was computed, without waiting while another thread computes it (nil then).
        var valueIfFree: Value? {
            guard lock.try() else { return nil }
            defer { lock.unlock() }
            return stored
        }

        /// The value, computing it with `make` the first time.
        func get(_ make: () -> Value) -> Value {
            lock.lock(); defer { lock.unlock() }
            if let stored { return stored }
            let v = make()
            stored = v
            return v
        }
    }
}
