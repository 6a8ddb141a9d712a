/// Truncation and padding by display width (never by character count).
public enum TextLayout {
    /// How text sits in a wider field.
    public enum Alignment: Sendable, Hashable { case left, right, center }

    /// The longest prefix of `text` that fits in `width` cells; when text was cut, the last cell
    /// holds `ellipsis` (which must be 1 cell wide). A wide character that would straddle the
    /// limit is dropped, never split. Widths below 1 give "".
    public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let full = DisplayWidth.of(text)
        if full <= width { return text }
        let room = width - DisplayWidth.of(ellipsis)
        if room < 0 { return prefix(text, width: width) }
        return prefix(text, width: room) + ellipsis
    }

    /// The longest prefix that fits in `width` cells, without an ellipsis.
    public static func prefix(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var end = text.startIndex
        for i in text.indices {
            let w = DisplayWidth.of(text[i])
            if used + w > width { break }
            used += w
            end = text.index(after: i)
        }
        return String(text[..<end])
    }

    /// `text` truncated to `width` and padded with spaces to exactly `width` cells.
    public static func fit(_ text: String, width: Int, alignment: Alignment = .left, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let t = truncate(text, width: width, ellipsis: ellipsis)
        let gap = max(0, width - DisplayWidth.of(t))
        switch alignment {
        case .left: return t + spaces(gap)
        case .right: return spaces(gap) + t
        case .center: return spaces(gap / 2) + t + spaces(gap - gap / 2)
        }
    }

    /// `n` spaces; never traps on negative `n`.
    public static func spaces(_ n: Int) -> String { String(repeating: " ", count: max(0, n)) }

    /// A string repeated to `n` copies; never traps on negative `n`.
    public static func repeated(_ s: String, _ n: Int) -> String { String(repeating: s, count: max(0, n)) }

    /// Splits text into lines of at most `width` cells, breaking at spaces where possible.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var w = String(word)
                var ww = DisplayWidth.of(w)
                let sep = line.isEmpty ? 0 : 1
                if lineWidth + sep + ww <= width {
                    line += (sep == 1 ? " " : "") + w
                    lineWidth += sep + ww
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                while ww > width {
                    let head = prefix(w, width: width)
                    if head.isEmpty { break }
                    lines.append(head)
                    w = String(w.dropFirst(head.count))
                    ww = DisplayWidth.of(w)
                }
                line = w
                lineWidth = ww
            }
            lines.append(line)
        }
        return lines
    }
}
