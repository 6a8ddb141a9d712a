import AcumenAnalytics
import AcumenCore
import AcumenStore

/// The Δ columns of the accounts list: score and rank now against the pinned what-if
/// baseline (weights screen), shown with `b`.
extension AccountColumn {
    /// Whether the column shows a change against the what-if baseline.
    var isBaselineDelta: Bool { self == .deltaScore || self == .deltaRank }

    /// `+3.2` / `-0.8` for Δscore; `↑12` / `↓3` / `0` for Δrank; `—` until computed.
    func baselineDeltaText(_ t: AccountTable, _ i: Int, glyphs: GlyphSet) -> String {
        switch self {
        case .deltaScore:
            guard i < t.deltaScore.count else { return "—" }
            let d = t.deltaScore[i]
            return abs(d) < 0.05 ? "0.0" : (d > 0 ? "+" : "") + Format.fixed(d, digits: 1)
        case .deltaRank:
            guard i < t.deltaRank.count else { return "—" }
            let d = t.deltaRank[i]
            return d == 0 ? "0" : (d > 0 ? glyphs.up : glyphs.down) + String(abs(d))
        default: return ""
        }
    }
}
