import AcumenAnalytics
import AcumenCore
import AcumenStore

extension AppState {
    /// Rows and columns of the selected portfolio panel.
    var portfolioShape: (rows: Int, columns: Int) {
        switch portfolio.section {
        case .tiers: (summary.tiers.count, 1)
        case .abc: (summary.abc.count, 1)
        case .rfm: (5, 5)
        case .matrix: (summary.matrix.count, summary.strategyNames.count)
        }
    }

    /// Commands on the portfolio screen.
    mutating func runPortfolio(_ c: Command) -> [Effect] {
        let shape = portfolioShape
        switch c {
        case .moveDown: portfolio.row += 1
        case .moveUp: portfolio.row -= 1
        case .columnRight: portfolio.column += 1
        case .columnLeft: portfolio.column -= 1
        case .top, .pageUp, .halfPageUp: portfolio.row = 0
        case .bottom, .pageDown, .halfPageDown: portfolio.row = shape.rows - 1
        case .nextSection, .previousSection:
            let all = PortfolioState.Section.allCases
            let step = c == .nextSection ? 1 : all.count - 1
            portfolio.section = all[(portfolio.section.rawValue + step) % all.count]
            portfolio.row = 0; portfolio.column = 0
        case .open: return drill()
        default: return []
        }
        let s = portfolioShape
        portfolio.row = min(max(0, portfolio.row), max(0, s.rows - 1))
        portfolio.column = min(max(0, portfolio.column), max(0, s.columns - 1))
        return []
    }

    /// The filter query for the selected portfolio cell.
    public var portfolioQuery: String? {
        let r = portfolio.row, c = portfolio.column
        switch portfolio.section {
        case .tiers: return r < summary.tiers.count ? summary.tiers[r].query : nil
        case .abc: return r < summary.abc.count ? summary.abc[r].query : nil
        case .rfm: return "r:\(5 - r) f:\(c + 1)"
        case .matrix:
            guard r < summary.tiers.count, c < summary.strategyNames.count else { return nil }
            return summary.tiers[r].query + " strategy:" + AccountFilter.quoted(summary.strategyNames[c].lowercased())
        }
    }

    /// Enter on a portfolio cell: the accounts it counts, as a filtered list (the root shows
    /// it; one Esc returns to the portfolio).
    func drill() -> [Effect] {
        guard let q = portfolioQuery else { return [] }
        return [.intent(.navigate(.accounts(filter: q, scope: nil)))]
    }
}

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
