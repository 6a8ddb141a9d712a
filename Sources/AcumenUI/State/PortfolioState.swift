/// The portfolio screen: which panel has focus and the selected cell in it.
public struct PortfolioState: Hashable, Sendable {
    /// The panels, in Tab order.
    public enum Section: Int, CaseIterable, Sendable, Hashable {
        case tiers, abc, rfm, matrix
        public var title: String {
            switch self {
            case .tiers: "Tiers"
            case .abc: "ABC classes"
            case .rfm: "RFM grid (recency × frequency)"
            case .matrix: "Tier × strategy"
            }
        }
    }

    public var section: Section = .tiers
    public var row = 0
    public var column = 0

    public init() {}
}
