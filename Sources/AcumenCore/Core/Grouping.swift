/// Whole numbers written with thousands separators, as every count and amount is shown.
///
/// One rendering for the workbench, the reports and the command line (`1,234,567`, `-12,000`),
/// so a count never reads `4325` in one place and `4,325` in another.
public enum Grouping {
    /// `v` with a comma between groups of three digits: `1,234,567`; `-1,000` for negatives.
    public static func grouped<T: BinaryInteger>(_ v: T) -> String {
        let digits = String(v.magnitude)
        var out = ""
        out.reserveCapacity(digits.utf8.count + digits.utf8.count / 3 + 1)
        if v < 0 { out.append("-") }
        for (k, ch) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
