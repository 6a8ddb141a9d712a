/// Draws the open overlay: help, command palette, column chooser or the quit question.
/// Prompts draw in the status line instead (see `drawStatusLine`).
struct OverlayView {
    let state: AppState
    let overlay: Overlay

    var glyphs: GlyphSet { state.glyphs }

    func draw(_ grid: inout CellGrid) {
        switch overlay {
        case .help(let q, let top):
            var lines: [StyledLine] = []
            var last: KeyContext?
            for b in state.keys.helpRows(q, context: state.screen.context) {
                if b.context != last { lines.append(StyledLine(b.context.title, .overlayTitle)); last = b.context }
                var l = StyledLine(" " + TextLayout.fit(b.keyNames, width: 16, ellipsis: glyphs.ellipsis), .accent)
                l.add(" " + TextLayout.truncate(b.summary, width: Self.boxWidth(grid.width) - 20, ellipsis: glyphs.ellipsis), .overlay)
                lines.append(l)
            }
            if lines.isEmpty { lines = [StyledLine("No key matches '\(TextSanitizer.sanitize(q))'", .muted)] }
            box(&grid, title: "Keys — type to filter: " + TextSanitizer.sanitize(q) + "_", lines: lines, top: top, selected: nil)
        case .palette(let q, let sel):
            let cmds = AppState.paletteCommands(q)
            // Name, key and summary in columns that fit the box; a long summary ends in an ellipsis.
            let inner = Self.boxWidth(grid.width) - 2
            let nameW = min(Self.longestCommand + 1, max(8, inner / 3))
            let summaryW = max(0, inner - 1 - nameW - 8)
            let lines = cmds.map { c -> StyledLine in
                let b = state.keys.binding(for: c)
                var l = StyledLine(" " + TextLayout.fit(c.rawValue, width: nameW - 1, ellipsis: glyphs.ellipsis) + " ", .overlay)
                l.add(TextLayout.fit(b?.keys.first?.name ?? "", width: 8), .accent)
                l.add(TextLayout.truncate(b?.summary ?? "", width: summaryW, ellipsis: glyphs.ellipsis), .overlay)
                return l
            }
            box(&grid, title: ": " + TextSanitizer.sanitize(q) + "_", lines: lines.isEmpty ? [StyledLine("No command matches", .muted)] : lines,
                top: max(0, sel - 5), selected: lines.isEmpty ? nil : sel)
        case .columns(let sel):
            let lines = AccountColumn.allCases.map { c -> StyledLine in
                let pos = state.accounts.columns.firstIndex(of: c)
                return StyledLine(" [" + (pos == nil ? " " : "x") + "] " + c.title + (pos.map { "  #\($0 + 1)" } ?? ""), .overlay)
            }
            box(&grid, title: "Columns: Space shows/hides, < > reorder, Esc closes", lines: lines, top: 0, selected: sel)
        case .confirmQuit:
            box(&grid, title: "Unsaved edits", lines: [StyledLine(" Quit without saving? y quits, any other key stays.", .overlay)], top: 0, selected: nil)
        case .prompt:
            break
        case .workflow(let w):
            WorkflowOverlayView(state: state, overlay: w).draw(&grid)
        }
    }

    /// The longest command name, for the palette's name column.
    static let longestCommand = Command.allCases.map { $0.rawValue.count }.max() ?? 20

    /// The width of an overlay box on a screen `gridWidth` cells wide: up to 84 cells, two
    /// cells of the screen left on each side when there is room.
    static func boxWidth(_ gridWidth: Int) -> Int { min(gridWidth, max(min(gridWidth, 40), min(gridWidth - 4, 84))) }

    /// A framed box centred on the screen: the title in the top border, scrolling lines inside,
    /// "N more" in the bottom border. A blank column either side keeps the screen beneath from
    /// touching the frame, so the box reads as one even without colour.
    func box(_ grid: inout CellGrid, title: String, lines: [StyledLine], top: Int, selected: Int?) {
        let w = Self.boxWidth(grid.width)
        let h = min(grid.height, max(3, min(grid.height - 2, lines.count + 2)))
        guard w > 2, h > 1 else { return }
        let x = (grid.width - w) / 2, y = (grid.height - h) / 2
        grid.fill(x: x - 1, y: y, width: w + 2, height: h, role: .normal)
        grid.fill(x: x, y: y, width: w, height: h, role: .overlay)
        let corners = glyphs.boxCorners
        let line = glyphs.horizontalLine
        // Top border with the title.
        grid.put(corners[0] + TextLayout.repeated(line, w - 2) + corners[1], x: x, y: y, role: .overlay, maxWidth: w)
        grid.put(TextLayout.truncate(" " + title + " ", width: w - 2, ellipsis: glyphs.ellipsis), x: x + 1, y: y, role: .overlayTitle, maxWidth: w - 2)
        let rows = h - 2
        let start = min(max(0, top), max(0, lines.count - rows))
        for k in 0..<max(0, rows) {
            let yy = y + 1 + k
            grid.put(glyphs.verticalLine, x: x, y: yy, role: .overlay, maxWidth: 1)
            grid.put(glyphs.verticalLine, x: x + w - 1, y: yy, role: .overlay, maxWidth: 1)
            guard start + k < lines.count else { continue }
            if selected == start + k {
                grid.fill(x: x + 1, y: yy, width: w - 2, height: 1, role: .overlaySelection)
                let plain = lines[start + k].spans.map(\.text).joined()
                grid.put(plain, x: x + 1, y: yy, role: .overlaySelection, maxWidth: w - 2)
            } else {
                grid.put(lines[start + k], x: x + 1, y: yy, maxWidth: w - 2)
            }
        }
        // Bottom border, with how many lines are below.
        let more = lines.count - start - rows
        grid.put(corners[2] + TextLayout.repeated(line, w - 2) + corners[3], x: x, y: y + h - 1, role: .overlay, maxWidth: w)
        if more > 0 { grid.put(" \(Format.count(more, "more line")) \(glyphs.down) ", x: x + 2, y: y + h - 1, role: .overlay, maxWidth: w - 4) }
    }
}
