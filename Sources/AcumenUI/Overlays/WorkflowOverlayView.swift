/// Draws the workflow overlays in the same framed box as the other overlays.
struct WorkflowOverlayView {
    let state: AppState
    let overlay: WorkflowOverlay

    func draw(_ grid: inout CellGrid) {
        let frame = OverlayView(state: state, overlay: .workflow(overlay))
        switch overlay {
        case .input(let t):
            let room = min(grid.width, max(min(grid.width, 40), min(grid.width - 4, 84))) - 3
            frame.box(&grid, title: "Enter confirms · Esc cancels", lines: [t.editor.styledLine(label: " " + t.label, width: room)], top: 0, selected: nil)
        case .confirm(let c):
            frame.box(&grid, title: "Confirm", lines: c.lines, top: 0, selected: nil)
        case .saveReview(let lines):
            let body = [StyledLine(" Pending edits per file:", .overlay)] + lines.map { StyledLine("   " + TextSanitizer.sanitize($0), .overlay) }
                + [StyledLine(""), StyledLine(" Enter saves · Esc keeps editing (edits are safe in the journal)", .accent)]
            frame.box(&grid, title: "Review before save", lines: body, top: 0, selected: nil)
        case .conflict(let files):
            // The choices are the key map's (remapped keys show as remapped).
            let choices = state.keys.table.filter { $0.context == .conflict }.map { StyledLine(" \($0.keyNames)  \($0.summary)", .overlay) }
            let body = [StyledLine(" Changed on disk since Acumen loaded it: " + TextSanitizer.sanitize(files.joined(separator: ", ")), .warning),
                        StyledLine("")] + choices
            frame.box(&grid, title: "Save conflict", lines: body, top: 0, selected: nil)
        case .diff(let files, let lines, let top):
            let body = lines.map { l -> StyledLine in
                let role: StyleRole = l.hasPrefix("+") ? .positive : l.hasPrefix("-") ? .negative : l.hasPrefix("@@") ? .accent : .overlay
                return StyledLine(TextSanitizer.sanitize(l), role)
            }
            frame.box(&grid, title: "Diff of " + TextSanitizer.sanitize(files.joined(separator: ", ")) + " · Esc back", lines: body, top: top, selected: nil)
        }
    }
}
