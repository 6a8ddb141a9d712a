/// Drawing a ``LineEditor``: the label, the text scrolled so the cursor is on screen, the
/// cursor as a highlighted cell and a selected pre-fill highlighted whole.
extension LineEditor {
    /// The prompt as one styled line at most `width` cells wide.
    ///
    /// The cursor cell (the character under it, or `_` past the end) is drawn in
    /// `cursorRole`; a selected text is drawn in `cursorRole` too, so it reads as "typing
    /// replaces this". When the text is wider than the room after the label, the window
    /// scrolls so the cursor stays visible.
    /// - Complexity: O(n) in the text length.
    public func styledLine(label: String, width: Int, role: StyleRole = .input, cursorRole: StyleRole = .selection) -> StyledLine {
        let label = TextSanitizer.sanitize(label)
        var line = StyledLine(label, role)
        let shown = characters.map { TextSanitizer.sanitize(String($0)) }
        let widths = shown.map { DisplayWidth.of($0) }
        let room = max(1, width - DisplayWidth.of(label))
        // Scroll: the first character shown is the first one from which the cursor cell fits.
        let cursorWidth = cursor < widths.count ? widths[cursor] : 1
        var start = 0
        var used = widths[0..<cursor].reduce(0, +) + cursorWidth
        while start < cursor, used > room { used -= widths[start]; start += 1 }
        var col = 0
        if isSelected {
            var selected = ""
            for k in start..<shown.count where col + widths[k] <= room - 1 { selected += shown[k]; col += widths[k] }
            line.add(selected, cursorRole)
            line.add("_", role)
            return line
        }
        var before = ""
        for k in start..<cursor { before += shown[k]; col += widths[k] }
        line.add(before, role)
        line.add(cursor < shown.count ? shown[cursor] : "_", cursorRole)
        col += cursorWidth
        var after = ""
        var k = cursor + 1
        while k < shown.count, col + widths[k] <= room { after += shown[k]; col += widths[k]; k += 1 }
        line.add(after, role)
        return line
    }
}
