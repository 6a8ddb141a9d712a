extension AccountTable {
    /// A repeating text column of the accounts table (owners, tag sets) as a code per row into
    /// a list of distinct texts — built on first use, so the first screen reads only the rows it
    /// draws.
    ///
    /// A column built from the workspace (``init(count:text:make:)``) answers a row's text by
    /// reading it (sanitised, exactly what the codes would name) until something needs the whole
    /// column — a sort, a filter by owner, an edit — and then computes every code once, cached for
    /// every copy of the table (the runtime warms it off the input path after the first frame).
    /// Tables built row by row (tests, fixtures) store their codes.
    public struct CodedColumn: Sendable {
        /// The codes and their texts.
        public struct Coded: Sendable {
            public var codes: [Int32]
            public var names: [String]
            public init(codes: [Int32], names: [String]) { self.codes = codes; self.names = names }
        }

        private var stored = Coded(codes: [], names: [])
        private var text: (@Sendable (Int) -> String)?
        private var make: (@Sendable () -> Coded)?
        private var cache = Cache<Coded>()

        /// An empty stored column whose name list starts with `names`.
        public init(names: [String] = []) { stored.names = names }

        /// A column of rows whose sanitised text is `text(row)` and whose codes `make` computes.
        public init(text: @escaping @Sendable (Int) -> String, make: @escaping @Sendable () -> Coded) {
            self.text = text
            self.make = make
        }

        /// The codes and names, computed now for a lazy column.
        /// - Complexity: O(rows) the first time for a lazy column, then O(1).
        public var coded: Coded {
            guard let make else { return stored }
            return cache.get(make)
        }

        /// Whether the codes are at hand (stored, or computed).
        /// Never waits for the background job building them: a drawn row reads its text meanwhile.
        public var isBuilt: Bool { make == nil || cache.valueIfFree != nil }

        /// The code of each row.
        public var codes: [Int32] {
            get { coded.codes }
            set { materialise(); stored.codes = newValue }
        }

        /// The distinct texts the codes index.
        public var names: [String] {
            get { coded.names }
            set { materialise(); stored.names = newValue }
        }

        /// The text of row `i` ("" when it has none).
        /// - Complexity: O(length of the text) while a lazy column is not built, else O(1).
        public func text(_ i: Int) -> String {
            if let text, cache.valueIfFree == nil { return text(i) }
            let c = coded
            let k = i < c.codes.count ? Int(c.codes[i]) : -1
            return k >= 0 && k < c.names.count ? c.names[k] : ""
        }

        /// Turns a lazy column into a stored one (before a change).
        private mutating func materialise() {
            guard make != nil else { return }
            stored = coded
            make = nil; text = nil; cache = Cache<Coded>()
        }

        /// Sets row `row`'s text (appended to the names when new); rows missing up to it take `pad`.
        /// A lazy column not built yet stays lazy: the change is applied when it is built.
        public mutating func set(_ row: Int, to name: String, pad: Int32 = 0) {
            if let make, let text, cache.valueIfFree == nil {
                self.make = {
                    var c = make()
                    c.codes[row] = AccountTable.code(name, in: &c.names)
                    return c
                }
                self.text = { $0 == row ? name : text($0) }
                cache = Cache<Coded>()
                return
            }
            materialise()
            let code = AccountTable.code(name, in: &stored.names)
            if stored.codes.count <= row { stored.codes += repeatElement(pad, count: row + 1 - stored.codes.count) }
            stored.codes[row] = code
        }

        /// Appends one row's code (row-by-row builds).
        public mutating func append(_ code: Int32) { materialise(); stored.codes.append(code) }

        /// Appends many rows' codes (chunks built in parallel with the same name list).
        public mutating func append(contentsOf codes: [Int32]) { materialise(); stored.codes += codes }

        /// Reserves room for `n` more rows.
        public mutating func reserveCapacity(_ n: Int) { materialise(); stored.codes.reserveCapacity(stored.codes.count + n) }
    }
}
