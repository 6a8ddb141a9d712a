/// The characters charts, marks and markers are drawn with: Unicode, or an ASCII fallback for
/// `--ascii` and non-UTF-8 locales. Every glyph is one cell wide.
public struct GlyphSet: Hashable, Sendable {
    /// Bar eighths, from empty to full (9 entries).
    public var barEighths: [String]
    /// Sparkline levels, lowest to highest (8 entries).
    public var sparkLevels: [String]
    /// Whether charts may use braille dots (U+2800 block).
    public var braille: Bool
    public var ellipsis: String
    public var mark: String
    public var unmarked: String
    public var sortAscending: String
    public var sortDescending: String
    public var separator: String
    public var breadcrumbSeparator: String
    public var horizontalLine: String
    public var verticalLine: String
    /// Marker per tier position (0 = top tier), so tiers read without colour.
    public var tierMarkers: [String]
    public var warning: String
    public var belowBreakEven: String
    public var up: String
    public var down: String
    /// The corners of an overlay's frame: top left, top right, bottom left, bottom right.
    public var boxCorners: [String] = ["┌", "┐", "└", "┘"]

    /// Unicode block, braille and box glyphs.
    public static let unicode = GlyphSet(
        barEighths: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        braille: true, ellipsis: "…", mark: "●", unmarked: " ", sortAscending: "▲", sortDescending: "▼",
        separator: "│", breadcrumbSeparator: " › ", horizontalLine: "─", verticalLine: "│",
        tierMarkers: ["◆", "▲", "●", "·"], warning: "!", belowBreakEven: "▽", up: "↑", down: "↓")

    /// Plain ASCII for terminals without UTF-8.
    public static let ascii = GlyphSet(
        barEighths: [" ", " ", " ", "-", "-", "=", "=", "=", "#"],
        sparkLevels: ["_", "_", ".", "-", "-", "=", "^", "#"],
        braille: false, ellipsis: "~", mark: "*", unmarked: " ", sortAscending: "^", sortDescending: "v",
        separator: "|", breadcrumbSeparator: " > ", horizontalLine: "-", verticalLine: "|",
        tierMarkers: ["#", "+", "o", "."], warning: "!", belowBreakEven: "v", up: "^", down: "v",
        boxCorners: ["+", "+", "+", "+"])

    /// The marker of the tier at a position (clamped to the last marker).
    public func tierMarker(_ position: Int) -> String {
        guard !tierMarkers.isEmpty else { return " " }
        return tierMarkers[min(max(0, position), tierMarkers.count - 1)]
    }

    /// Names of the overridable single-glyph fields, for theme files.
    static let fieldNames = ["ellipsis", "mark", "unmarked", "sortAscending", "sortDescending", "separator",
                             "breadcrumbSeparator", "horizontalLine", "verticalLine", "warning",
                             "belowBreakEven", "up", "down"]

    /// Sets one glyph by its theme-file name; returns false for an unknown name.
    mutating func set(_ name: String, _ value: String) -> Bool {
        switch name {
        case "ellipsis": ellipsis = value
        case "mark": mark = value
        case "unmarked": unmarked = value
        case "sortAscending": sortAscending = value
        case "sortDescending": sortDescending = value
        case "separator": separator = value
        case "breadcrumbSeparator": breadcrumbSeparator = value
        case "horizontalLine": horizontalLine = value
        case "verticalLine": verticalLine = value
        case "warning": warning = value
        case "belowBreakEven": belowBreakEven = value
        case "up": up = value
        case "down": down = value
        default: return false
        }
        return true
    }
}
