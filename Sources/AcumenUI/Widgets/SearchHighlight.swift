import AcumenCore
/// Marks where the search text occurs in a drawn cell, so the eye finds why a row matched.
///
/// The match is found on folded text (``TextFolding``: `muller` highlights "Müller") and drawn
/// over the cell in the highlight role; nothing is drawn when the match lies beyond what the
/// cell shows (a name cut with an ellipsis).
enum SearchHighlight {
    /// Redraws the part of `text` (drawn left-aligned at `x` in `width` cells) that matches
    /// `needle`, in `role`.
    static func draw(_ grid: inout CellGrid, text: String, needle: String, x: Int, y: Int, width: Int, role: StyleRole) {
        guard !needle.isEmpty, let range = TextFolding.matchRange(of: needle, in: text) else { return }
        let chars = Array(text)
        let before = chars[0..<range.lowerBound].reduce(0) { $0 + DisplayWidth.of($1) }
        let match = String(chars[range])
        let full = DisplayWidth.of(text) <= width
        // A cut cell ends with an ellipsis in its last cell: the match must end before it.
        let room = full ? width : width - 1
        guard before + DisplayWidth.of(match) <= room else { return }
        grid.put(match, x: x + before, y: y, role: role, maxWidth: room - before)
    }
}
