/// Counts in words: the number with thousands separators and the noun agreeing with it.
extension Format {
    /// `1 day`, `2 days`, `2,000 accounts`: `n` grouped, then `singular` for exactly one,
    /// else `plural` (default: `singular` + "s").
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        grouped(Int64(n)) + " " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// `today`, `1 day ago`, `12 days ago`.
    public static func daysAgo(_ days: Int) -> String {
        days == 0 ? "today" : count(days, "day") + " ago"
    }

    /// A cost to serve over the analysis window beside the annual one it comes from:
    /// `621 a year` when the window is a year (they are equal), else `310 in the window (621 a year)`.
    public static func costToServe(window: Int64, annual: Int64) -> String {
        window == annual ? money(annual) + " a year" : money(window) + " in the window (" + money(annual) + " a year)"
    }

    /// A count for a table cell of `width` cells, right-aligned with at least one blank before
    /// it: grouped (`28,196`) when it fits, else compact (`282k`, `1.2M`) — never cut.
    public static func cell(_ n: Int, width: Int) -> String {
        let g = grouped(Int64(n))
        let text = g.count < width ? g : compact(Double(n))
        return TextLayout.fit(text, width: width, alignment: .right)
    }
}
