/// Draws the workflow overlays in the same framed box as the other overlays.
struct WorkflowOverlayView {
    let state: AppState
    let overlay: WorkflowOverlay

    func draw(_ grid: inout CellGrid) {
        let frame = OverlayView(state: state, overlay: .workflow(overlay))
        switch overlay {
        case .input(let t):
            let room = min(grid.width, max(min(grid.width, 40), min(grid.width - 4, 84))) - 3
            let keys = state.keys
            let title = "\(keys.keyNames(.confirm, in: .prompt)) confirms · \(keys.keyNames(.close, in: .prompt)) cancels"
            frame.box(&grid, title: title, lines: [t.editor.styledLine(label: " " + t.label, width: room)], top: 0, selected: nil)
        case .confirm(let c):
            frame.box(&grid, title: "Confirm", lines: c.lines(keys: state.keys), top: 0, selected: nil)
        case .saveReview(let lines):
            let body = [StyledLine(" Pending edits per file:", .overlay)] + lines.map { StyledLine("   " + TextSanitizer.sanitize($0), .overlay) }
                + [StyledLine(""), StyledLine(" \(state.keys.keyNames(.confirm, in: .saveReview, separator: " or ")) saves · "
                    + "\(state.keys.keyNames(.close, in: .saveReview)) keeps editing", .accent),
                   StyledLine(" (until saved, the edits are safe in the journal)", .overlay)]
            frame.box(&grid, title: "Review before save", lines: body, top: 0, selected: nil)
        case .conflict(let c):
            // The choices are the key map's (remapped keys show as remapped); under "take
            // theirs", the unsaved edits it would drop (it asks before dropping them).
            var body = [StyledLine(" Changed on disk since Acumen loaded it: " + TextSanitizer.sanitize(c.files.joined(separator: ", ")), .warning),
                        StyledLine("")]
            for b in state.keys.table where b.context == .conflict {
                guard b.command == .takeTheirs else { body.append(StyledLine(" \(b.keyNames)  \(b.summary)", .overlay)); continue }
                if c.drops.isEmpty { body.append(StyledLine(" \(b.keyNames)  Take theirs (no unsaved edit is dropped)", .overlay)); continue }
                body.append(StyledLine(" \(b.keyNames)  Take theirs, dropping \(Format.count(c.drops.count, "unsaved edit")) (asks first):", .overlay))
                let shown = c.drops.count > 6 ? 5 : c.drops.count
                body += c.drops.prefix(shown).map { StyledLine("      " + TextSanitizer.sanitize($0), .warning) }
                if shown < c.drops.count { body.append(StyledLine("      … and \(c.drops.count - shown) more", .warning)) }
            }
            frame.box(&grid, title: "Save conflict", lines: body, top: 0, selected: nil)
        case .diff(let c, let lines, let top):
            let files = c.files
            let body = lines.map { l -> StyledLine in
                let role: StyleRole = l.hasPrefix("+") ? .positive : l.hasPrefix("-") ? .negative : l.hasPrefix("@@") ? .accent : .overlay
                return StyledLine(TextSanitizer.sanitize(l), role)
            }
            frame.box(&grid, title: "Diff of " + TextSanitizer.sanitize(files.joined(separator: ", ")) + " · Esc back", lines: body, top: top, selected: nil)
        }
    }
}
