/// An off-screen frame: a width × height array of ``Cell``s that screens draw into.
///
/// Writing clips at the edges; a wide grapheme that does not fit entirely is replaced by a
/// space, so a wide character is never split, and overwriting half of a wide grapheme blanks
/// the other half. All sizes clamp at 0, so a 1×1 or 0×0 grid never traps.
public struct CellGrid: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major cells.
    public private(set) var cells: [Cell]

    /// A blank grid.
    public init(width: Int, height: Int, role: StyleRole = .normal) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank(role), count: self.width * self.height)
    }

    /// The cell at a position (blank outside the grid).
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank() }
        return cells[y * width + x]
    }

    /// Fills a rectangle with blanks of a role (clipped).
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, role: StyleRole) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + max(0, w)), y1 = min(height, y + max(0, h))
        guard x0 < x1, y0 < y1 else { return }
        for row in y0..<y1 {
            repairLeft(x0, row)
            repairRight(x1, row)
            for col in x0..<x1 { cells[row * width + col] = .blank(role) }
        }
    }

    /// Fills a whole row with blanks of a role.
    public mutating func fillRow(_ y: Int, role: StyleRole) { fill(x: 0, y: y, width: width, height: 1, role: role) }

    /// Writes text at (x, y) in a role, clipped to `maxWidth` cells and to the grid, and returns
    /// the column after the last cell written. Text must already be sanitised.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole, maxWidth: Int = .max) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(width, maxWidth >= width ? width : x + max(0, maxWidth))
        var col = x
        for ch in text {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if col + w > limit {
                // A wide grapheme that would straddle the limit: blank what is left, never split.
                while col < limit { if col >= 0 { set(.blank(role), col, y) }; col += 1 }
                break
            }
            if col >= 0 {
                set(Cell(text: ch, width: UInt8(w), role: role), col, y)
                if w == 2 { set(.continuation(role), col + 1, y) }
            }
            col += w
        }
        return max(x, min(col, limit))
    }

    /// Writes text padded or truncated (with an ellipsis) to exactly `width` cells.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, width w: Int, role: StyleRole,
                             alignment: TextLayout.Alignment = .left, ellipsis: String = "…") -> Int {
        guard w > 0 else { return x }
        return put(TextLayout.fit(text, width: w, alignment: alignment, ellipsis: ellipsis), x: x, y: y, role: role, maxWidth: w)
    }

    /// Changes the role of cells in a span of a row, keeping their text.
    public mutating func restyle(x: Int, y: Int, width w: Int, role: StyleRole) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<max(max(0, x), min(width, x + w)) { cells[y * width + col].role = role }
    }

    /// Stores a cell, blanking the orphaned half of any wide grapheme it overlaps.
    private mutating func set(_ cell: Cell, _ x: Int, _ y: Int) {
        guard x >= 0, x < width else { return }
        let i = y * width + x
        let old = cells[i]
        if old.isContinuation, x > 0, cell.width != 0 { cells[i - 1] = .blank(cells[i - 1].role) }
        if old.width == 2, x + 1 < width, cell.width != 2 { cells[i + 1] = .blank(cells[i + 1].role) }
        cells[i] = cell
    }

    /// Blanks the left half of a wide grapheme whose right half is at column `x`.
    private mutating func repairLeft(_ x: Int, _ y: Int) {
        guard x > 0, x < width, cells[y * width + x].isContinuation else { return }
        cells[y * width + x - 1] = .blank(cells[y * width + x - 1].role)
    }

    /// Blanks the continuation at column `x` whose left half lies before it.
    private mutating func repairRight(_ x: Int, _ y: Int) {
        guard x > 0, x < width, cells[y * width + x].isContinuation else { return }
        cells[y * width + x] = .blank(cells[y * width + x].role)
    }

    /// The text of a row: continuation cells skipped, so it is exactly `width` cells wide.
    public func rowText(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var s = ""
        for x in 0..<width {
            let c = cells[y * width + x]
            if let t = c.text { s.append(t) }
        }
        return s
    }

    /// All rows as text, one string per row.
    public var lines: [String] { (0..<height).map(rowText) }

    /// The rows joined with newlines, trailing spaces kept (golden files compare exactly).
    public var text: String { lines.joined(separator: "\n") }
}

/// One terminal cell of a ``CellGrid``.
///
/// A wide grapheme (2 cells) sits in its left cell with `width == 2`; the right cell is a
/// *continuation* (`width == 0`, empty text) that the terminal layer skips.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn here; empty for a continuation cell.
    public var text: Character?
    /// 1 for a normal cell, 2 for the left half of a wide grapheme, 0 for a continuation.
    public var width: UInt8
    /// What the cell means; the theme turns it into colours.
    public var role: StyleRole

    /// A blank cell with a role.
    public static func blank(_ role: StyleRole = .normal) -> Cell { Cell(text: " ", width: 1, role: role) }

    /// A continuation cell (right half of a wide grapheme).
    public static func continuation(_ role: StyleRole) -> Cell { Cell(text: nil, width: 0, role: role) }

    /// Whether this is the right half of a wide grapheme.
    public var isContinuation: Bool { width == 0 }
}
