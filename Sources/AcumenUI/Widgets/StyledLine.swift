/// A line of text made of styled spans, for screens built as scrolling lists of lines.
public struct StyledLine: Hashable, Sendable {
    /// One run of text in one role.
    public struct Span: Hashable, Sendable {
        public var text: String
        public var role: StyleRole
        public init(_ text: String, _ role: StyleRole = .normal) { self.text = text; self.role = role }
    }

    public var spans: [Span]

    public init(_ spans: [Span] = []) { self.spans = spans }

    /// A line of one span.
    public init(_ text: String, _ role: StyleRole = .normal) { spans = [Span(text, role)] }

    /// Appends a span.
    public mutating func add(_ text: String, _ role: StyleRole = .normal) { spans.append(Span(text, role)) }

    /// Total display width.
    public var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }
}

extension CellGrid {
    /// Draws a styled line at (x, y), clipped to `maxWidth` cells; returns the next column.
    @discardableResult
    public mutating func put(_ line: StyledLine, x: Int, y: Int, maxWidth: Int) -> Int {
        var col = x
        let end = x + max(0, maxWidth)
        for s in line.spans {
            guard col < end else { break }
            col = put(s.text, x: col, y: y, role: s.role, maxWidth: end - col)
        }
        return col
    }
}
