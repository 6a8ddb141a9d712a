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
