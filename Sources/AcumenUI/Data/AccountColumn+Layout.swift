/// What the responsive accounts layout needs to know of each column: how much it matters,
/// how narrow it may get, and whether its cells are numbers (never cut).
extension AccountColumn {
    /// Lower is kept longer when the terminal is narrow. Name, Tier, Score, Strategy and Owner
    /// come first, so they are all on screen at 80 columns; the baseline deltas, shown on
    /// request (`b`), come right after them.
    public var priority: Int {
        switch self {
        case .name: 0
        case .tier: 1
        case .score: 2
        case .strategy: 3
        case .owner: 4
        case .deltaScore: 5
        case .deltaRank: 6
        case .revenue: 7
        case .contribution: 8
        case .clv: 9
        case .trend: 10
        case .segment: 11
        case .triage: 12
        case .abc: 13
        case .tags: 14
        }
    }

    /// The narrowest the column may be drawn. Numbers: the widest compact form (`-4.56M` is
    /// 6 cells, `▽-4.56M` 7), so a number shown is never cut; text may be cut with an
    /// ellipsis down to this; the sparkline keeps its most recent months.
    public var minimumWidth: Int {
        switch self {
        case .name: 10
        case .tier: 6
        case .score: 5
        case .abc: 3
        case .segment: 8
        case .revenue, .clv: 6
        case .contribution: 7
        case .strategy: 8
        case .owner: 6
        case .triage: 8
        case .trend: 6
        case .tags: 6
        case .deltaScore: 6
        case .deltaRank: 5
        }
    }

    /// Whether the cells are numbers: drawn whole or not at all, never cut.
    public var isNumeric: Bool {
        switch self {
        case .score, .revenue, .contribution, .clv, .deltaScore, .deltaRank: true
        default: false
        }
    }
}
