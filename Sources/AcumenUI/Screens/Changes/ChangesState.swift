import AcumenAnalytics
import AcumenCore

/// The changes screen: the portfolio at the current analysis date against one quarter earlier,
/// scored with the same weights (``PortfolioComparison``), and the cursor over the tier
/// migration cells and the movers.
public struct ChangesState: Sendable {
    /// The model's comparison, earlier date against the current one; nil until the runtime sent it.
    public var comparison: PortfolioComparison?
    /// The earlier date asked for (one quarter before the current date).
    public var earlierDay: Day?
    /// Movers up, then movers down (customer indices), most moved first.
    public var moversUp: [PortfolioComparison.Mover] = []
    public var moversDown: [PortfolioComparison.Mover] = []
    /// The cursor: first the tier cells (row-major, earlier tier × later tier), then the movers
    /// up, then the movers down.
    public var cursor = 0
    /// How many movers each way are listed (and can be opened).
    public static let moverLimit = 10

    public init() {}

    /// Number of tier classes (rows and columns of the tier matrix).
    public var tierCount: Int { comparison?.tiers.classes.count ?? 0 }

    /// Number of cursor positions: every tier cell and every mover.
    public var itemCount: Int { tierCount * tierCount + moversUp.count + moversDown.count }

    /// The tier cell under the cursor (earlier tier, later tier), nil when on a mover.
    public var cell: (from: Int, to: Int)? {
        let n = tierCount
        guard n > 0, cursor < n * n else { return nil }
        return (cursor / n, cursor % n)
    }

    /// The mover under the cursor, nil when on a cell.
    public var mover: PortfolioComparison.Mover? {
        let k = cursor - tierCount * tierCount
        guard k >= 0 else { return nil }
        if k < moversUp.count { return moversUp[k] }
        let d = k - moversUp.count
        return d < moversDown.count ? moversDown[d] : nil
    }

    /// Takes a comparison the runtime computed.
    mutating func adopt(_ c: PortfolioComparison) {
        comparison = c
        moversUp = c.movers(limit: Self.moverLimit, direction: .up)
        moversDown = c.movers(limit: Self.moverLimit, direction: .down)
        cursor = min(cursor, max(0, itemCount - 1))
    }
}
