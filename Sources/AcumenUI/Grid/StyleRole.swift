/// A semantic style: what a cell *means*, never what colour it is.
///
/// Screens paint roles; only the terminal layer turns them into colours and attributes, through
/// the ``Theme``. Meaning never rests on colour alone: tiers, marks and deltas also have glyphs.
public enum StyleRole: UInt8, CaseIterable, Sendable, Hashable {
    case normal
    case header
    case title
    case breadcrumb
    case selection
    case marked
    case markedSelection
    case muted
    case accent
    case warning
    case error
    case positive
    case negative
    case tierKey
    case tierGrowth
    case tierCore
    case tierTail
    case bar
    case chart
    case heat0, heat1, heat2, heat3, heat4
    case statusBar
    case footer
    case footerKey
    case overlay
    case overlayTitle
    case overlaySelection
    case input

    /// The name used in theme files (`tierKey`, `heat3`, …).
    public var name: String { String(describing: self) }

    /// The role with a name, if any.
    public init?(name: String) {
        guard let r = StyleRole.allCases.first(where: { $0.name == name }) else { return nil }
        self = r
    }

    /// The heat-map role for an intensity in 0…1.
    public static func heat(_ level: Double) -> StyleRole {
        let l = level.isFinite ? min(max(level, 0), 1) : 0
        switch Int(l * 4.999) {
        case 0: return .heat0
        case 1: return .heat1
        case 2: return .heat2
        case 3: return .heat3
        default: return .heat4
        }
    }
}
