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
                l.add(" " + b.summary, .overlay)
                lines.append(l)
            }
            if lines.isEmpty { lines = [StyledLine("No key matches '\(TextSanitizer.sanitize(q))'", .muted)] }
            box(&grid, title: "Keys — type to filter: " + TextSanitizer.sanitize(q) + "_", lines: lines, top: top, selected: nil)
        case .palette(let q, let sel):
            let cmds = AppState.paletteCommands(q)
            let lines = cmds.map { c -> StyledLine in
                let b = state.keys.binding(for: c)
                var l = StyledLine(" " + TextLayout.fit(c.rawValue, width: 20, ellipsis: glyphs.ellipsis), .overlay)
                l.add(TextLayout.fit(b?.keys.first?.name ?? "", width: 8), .accent)
                l.add(b?.summary ?? "", .overlay)
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

    /// A framed box centred on the screen with a title row and scrolling lines.
    func box(_ grid: inout CellGrid, title: String, lines: [StyledLine], top: Int, selected: Int?) {
        let w = min(grid.width, max(min(grid.width, 40), min(grid.width - 4, 84)))
        let h = min(grid.height, max(3, min(grid.height - 2, lines.count + 2)))
        guard w > 2, h > 1 else { return }
        let x = (grid.width - w) / 2, y = (grid.height - h) / 2
        grid.fill(x: x, y: y, width: w, height: h, role: .overlay)
        grid.put(TextLayout.fit(" " + title, width: w, ellipsis: glyphs.ellipsis), x: x, y: y, role: .overlayTitle, maxWidth: w)
        let rows = h - 2
        let start = min(max(0, top), max(0, lines.count - rows))
        for k in 0..<max(0, min(rows, lines.count - start)) {
            let yy = y + 1 + k
            if selected == start + k {
                grid.fill(x: x, y: yy, width: w, height: 1, role: .overlaySelection)
                let plain = lines[start + k].spans.map(\.text).joined()
                grid.put(plain, x: x + 1, y: yy, role: .overlaySelection, maxWidth: w - 2)
            } else {
                grid.put(lines[start + k], x: x + 1, y: yy, maxWidth: w - 2)
            }
        }
        let more = lines.count - start - rows
        let footer = more > 0 ? " \(more) more \(glyphs.down)" : ""
        grid.put(TextLayout.fit(footer, width: w), x: x, y: y + h - 1, role: .overlay, maxWidth: w)
    }
}
