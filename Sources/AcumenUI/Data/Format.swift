import AcumenCore
/// Number formatting for narrow table cells, without Foundation formatters (deterministic in
/// every locale, so golden files are stable).
public enum Format {
    /// Minor units as a compact amount: `980`, `12.3k`, `4.56M`, `1.2B`, `-3.4k`; `—` if unknown.
    public static func money(_ minor: Int64) -> String {
        if minor == Int64.min { return "—" }
        return compact(Double(minor) / 100)
    }

    /// A compact number: up to 3 significant digits after scaling by k/M/B.
    public static func compact(_ v: Double) -> String {
        guard v.isFinite else { return "—" }
        let sign = v < 0 ? "-" : ""
        let a = abs(v)
        let (scaled, suffix): (Double, String) =
            a >= 1e9 ? (a / 1e9, "B") : a >= 1e6 ? (a / 1e6, "M") : a >= 1e3 ? (a / 1e3, "k") : (a, "")
        if suffix.isEmpty { return sign + String(Int(a.rounded())) }
        let digits = scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2
        return sign + fixed(scaled, digits: digits) + suffix
    }

    /// A fixed-point decimal with `digits` decimals (round half away from zero).
    public static func fixed(_ v: Double, digits: Int) -> String {
        guard v.isFinite else { return "—" }
        var p = 1.0
        for _ in 0..<max(0, digits) { p *= 10 }
        let n = Int64((abs(v) * p).rounded())
        let whole = n / Int64(p)
        let frac = n % Int64(p)
        let sign = v < 0 && n != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let f = String(frac)
        return sign + String(whole) + "." + String(repeating: "0", count: max(0, digits - f.count)) + f
    }

    /// A whole amount with thousands separators: `1,234,567`.
    public static func grouped(_ v: Int64) -> String { Grouping.grouped(v) }

    /// A score 0–100 with one decimal, `—` if unknown.
    public static func score(_ v: Double) -> String { v.isFinite ? fixed(v, digits: 1) : "—" }

    /// A share as a percentage: `12.5%`.
    public static func percent(_ share: Double) -> String { share.isFinite ? fixed(share * 100, digits: 1) + "%" : "—" }
}
